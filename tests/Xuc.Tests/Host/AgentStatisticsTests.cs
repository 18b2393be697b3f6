using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;
using static Xuc.Actors.Statistics.AgentCounters;
using static Xuc.Tests.Support.AgentStatsFold;

namespace Xuc.Tests.Host;

/// <summary>
/// Agent statistics end to end: the whole server over real sockets against a PbxSim that outlives it, both on one
/// clock the test moves by hand in a +02:00 zone. The demo configuration: agent 1 (jbond, line 1001, group 1, queues
/// sales and billing), agent 6 (vlynd, line 1006, group 2, queues support and billing), alice a Supervisor of group 1,
/// admin; the agents themselves have the NoRight profile.
/// </summary>
public sealed class AgentStatisticsTests
{
    private static readonly int[] Everyone = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    private static readonly int[] GroupOne = [1, 2, 3, 4, 5];

    private static ScriptedDay NewDay() => new(pbx =>
    {
        for (var i = 1; i <= 12; i++) pbx.AddEndpoint($"10{i:00}", "default", $"Phone {i}", EndpointBehaviour.Manual);
        pbx.AddQueue("sales", "3000");
        pbx.AddQueue("support", "3001");
        pbx.AddQueue("billing", "3002");
    });

    /// <summary>A session subscribed to the agents' statistics, with the snapshot of every agent it may see folded.</summary>
    private static async Task<(CtiClient Client, AgentStatsFold Fold)> SubscribedAsync(TestServer server, string login, params int[] visible)
    {
        var client = await CtiClient.LoginAsync(server, login, login);
        await QueueFrames.Send(client, "subscribeToAgentStats");
        var fold = new AgentStatsFold(visible);
        await fold.Snapshots(client, visible);
        return (client, fold);
    }

    /// <summary>
    /// An agent's session: the next AgentStateEvent of this name (his other frames in between are passed over, but
    /// the AgentStatistics among them go to <paramref name="stats"/> when the session has subscribed to them).
    /// </summary>
    private static async Task Becomes(CtiClient agent, string name, AgentStatsFold? stats = null)
    {
        while (true)
        {
            var frame = await QueueFrames.Receive(agent);
            var type = (string?)frame["msgType"];
            if (type == "AgentStatistics") stats?.Apply((JObject)frame["ctiMessage"]!);
            if (type == "AgentStateEvent" && (string?)frame["ctiMessage"]!["name"] == name) return;
        }
    }

    private static Task Command(CtiClient client, string command, object? arguments = null) => QueueFrames.Send(client, command, arguments);

    [Fact]
    public async Task A_scripted_agent_day_gives_the_totals_computed_by_hand_as_snapshot_then_deltas_the_same_after_a_restart_and_zeros_the_next_day()
    {
        await using var day = NewDay();
        await day.Sim.StartAsync();
        await day.StartServerAsync();
        // sales' wrap-up made long: the agent's wrap-up then ends when the next queue call rings him, at a moment the test chooses.
        var sales = (Queue)(await day.Server.App.Store.GetAsync(ConfigKinds.Queue, "1"))!;
        await day.Server.App.Store.UpsertAsync(ConfigKinds.Queue, sales with { WrapUpSeconds = 3600 });

        var (wallboard, fold) = await SubscribedAsync(day.Server, "admin", Everyone);
        var zero = Expected(0, 0, 0, "", "", 0, 0, 0, 0);
        Assert.All(Everyone, a => Assert.Equal(zero, fold[a]));
        var (supervisor, supervised) = await SubscribedAsync(day.Server, "alice", GroupOne);
        var jbond = await CtiClient.LoginAsync(day.Server, "jbond", "jbond");
        var vlynd = await CtiClient.LoginAsync(day.Server, "vlynd", "vlynd");
        // A NoRight user sees his own agent's statistics only.
        await Command(vlynd, "subscribeToAgentStats");
        var own = new AgentStatsFold(6);
        await own.Snapshots(vlynd, 6);

        // 10:00:00 both log in; agent 6 pauses at once (so billing calls ring agent 1 only).
        await Command(jbond, "agentLogin", new { agentphonenumber = "1001" });
        await Becomes(jbond, "AgentReady");
        await Command(vlynd, "agentLogin", new { agentphonenumber = "1006" });
        await Becomes(vlynd, "AgentReady", own);
        await Command(vlynd, "pauseAgent", new { reason = "training" });
        await Becomes(vlynd, "AgentOnPause", own);
        await fold.Until(wallboard, 1, (LoginDateTime, "2026-03-10T10:00:00.000+02:00"));
        await fold.Until(wallboard, 6, (LoginDateTime, "2026-03-10T10:00:00.000+02:00"));
        // (agent 1's login came first: had it reached this NoRight session, its fold would have failed on it)
        await own.Until(vlynd, 6, (LoginDateTime, "2026-03-10T10:00:00.000+02:00"));

        // 10:01:00 a sales call rings him (ready 60 s); answered at 10:01:05; the caller hangs up at 10:03:05 (talk 120 s): wrap-up.
        day.At(60);
        var first = day.Sim.Model.ExternalCall("0600000001", "3000", "Caller 1");
        await Becomes(jbond, "AgentRinging");
        await fold.Until(wallboard, 1, (InbCalls, 1L), (AgentReadyTotalTime, 60L));
        day.At(65);
        day.Sim.Model.Answer("1001");
        await Becomes(jbond, "AgentOnCall");
        await fold.Until(wallboard, 1, (InbAnsCalls, 1L));
        day.At(185);
        day.Sim.Model.Hangup(first);
        await Becomes(jbond, "AgentOnWrapup");
        await fold.Until(wallboard, 1, (InbAverCallTime, 120L));

        // 10:03:15 a billing call rings him (wrap-up 10 s); answered at 10:03:20; over at 10:04:20 (talk 60 s): billing has no wrap-up.
        day.At(195);
        var second = day.Sim.Model.ExternalCall("0600000002", "3002", "Caller 2");
        await Becomes(jbond, "AgentRinging");
        await fold.Until(wallboard, 1, (InbCalls, 2L), (AgentWrapupTotalTime, 10L));
        day.At(200);
        day.Sim.Model.Answer("1001");
        await Becomes(jbond, "AgentOnCall");
        day.At(260);
        day.Sim.Model.Hangup(second);
        await Becomes(jbond, "AgentReady");
        await fold.Until(wallboard, 1, (InbAnsCalls, 2L), (InbAverCallTime, 90L));

        // 10:05:00 he pauses (ready 60 + 40 s).
        day.At(300);
        await Command(jbond, "pauseAgent", new { reason = "lunch" });
        await Becomes(jbond, "AgentOnPause");
        var atPause = Expected(0, 10, 100, "2026-03-10T10:00:00.000+02:00", "", 2, 2, 90, 0);
        await fold.Until(wallboard, 1, [.. atPause.Select(kv => (kv.Key, kv.Value))]);
        Assert.Equal(atPause, fold[1]);

        // 10:10:00, still paused: a session that subscribes now reads the pause in progress up to now.
        day.At(600);
        var midDay = Expected(300, 10, 100, "2026-03-10T10:00:00.000+02:00", "", 2, 2, 90, 0);
        var agent6MidDay = Expected(600, 0, 0, "2026-03-10T10:00:00.000+02:00", "", 0, 0, 0, 0);
        var (late, lateFold) = await SubscribedAsync(day.Server, "admin", Everyone);
        Assert.Equal(midDay, lateFold[1]);
        Assert.Equal(agent6MidDay, lateFold[6]);

        // The server restarts mid-day (the clock stands still); the PBX keeps the agents. The same statistics come back.
        foreach (var c in new[] { wallboard, supervisor, jbond, vlynd, late }) await c.DisposeAsync();
        await day.Server.DisposeAsync();
        await day.StartServerAsync();
        (wallboard, fold) = await SubscribedAsync(day.Server, "admin", Everyone);
        Assert.Equal(midDay, fold[1]);
        Assert.Equal(agent6MidDay, fold[6]);
        Assert.All(Everyone.Except([1, 6]), a => Assert.Equal(zero, fold[a]));
        (supervisor, supervised) = await SubscribedAsync(day.Server, "alice", GroupOne);
        Assert.Equal(midDay, supervised[1]);
        jbond = await CtiClient.LoginAsync(day.Server, "jbond", "jbond");
        await Becomes(jbond, "AgentOnPause");
        vlynd = await CtiClient.LoginAsync(day.Server, "vlynd", "vlynd");
        await Becomes(vlynd, "AgentOnPause");

        // His own calls reach him through the router, which learns his line again from the replicated interface
        // registry (changes notified on an interval; docs/cti-websocket.md, "Restart and reconnection").
        await day.Server.UntilRoutedAsync("PJSIP/1001", "1", CtiClient.Patience);

        // 10:15:00 back (paused 600 s); 10:16:00 he dials 1002 (ready 60 s more), who answers at 10:16:10; hung up at 10:18:10.
        day.At(900);
        await Command(jbond, "unpauseAgent");
        await Becomes(jbond, "AgentReady");
        await fold.Until(wallboard, 1, (AgentPausedTotalTime, 600L));
        day.At(960);
        day.Sim.Model.Dial("1001", "1002");
        await Becomes(jbond, "AgentDialing");
        await fold.Until(wallboard, 1, (OutCalls, 1L), (AgentReadyTotalTime, 160L));
        day.At(970);
        day.Sim.Model.Answer("1002");
        await Becomes(jbond, "AgentOnCall");
        day.At(1090);
        day.Sim.Model.Hangup("1001");
        await Becomes(jbond, "AgentReady");

        // 10:19:10 agent 6 logs out (paused all along); then, 10:20:00, agent 1 (ready 110 s more).
        day.At(1150);
        await Command(vlynd, "agentLogout");
        await Becomes(vlynd, "AgentLoggedOut");
        await fold.Until(wallboard, 6, (LogoutDateTime, "2026-03-10T10:19:10.000+02:00"), (AgentPausedTotalTime, 1150L));
        day.At(1200);
        await Command(jbond, "agentLogout");
        await Becomes(jbond, "AgentLoggedOut");

        // By hand: paused 10:05–10:15 = 600; wrap-up 10:03:05–10:03:15 = 10; ready 10:00–10:01, 10:04:20–10:05, 10:15–10:16 and
        // 10:18:10–10:20 = 60 + 40 + 60 + 110 = 270; two queue calls offered and answered, 120 and 60 s: 90 on average; one call out.
        var byHand = Expected(600, 10, 270, "2026-03-10T10:00:00.000+02:00", "2026-03-10T10:20:00.000+02:00", 2, 2, 90, 1);
        await fold.Until(wallboard, 1, [.. byHand.Select(kv => (kv.Key, kv.Value))]);
        Assert.Equal(byHand, fold[1]);
        Assert.Equal(Expected(1150, 0, 0, "2026-03-10T10:00:00.000+02:00", "2026-03-10T10:19:10.000+02:00", 0, 0, 0, 0), fold[6]);
        // The supervisor of group 1 got agent 1's statistics as they changed, and never one of agent 6's (the fold fails
        // on any): agent 6's logout came before agent 1's, so it would have been among the frames read up to his.
        await supervised.Until(supervisor, 1, [.. byHand.Select(kv => (kv.Key, kv.Value))]);
        Assert.Equal(byHand, supervised[1]);

        // The next day (local), 08:00: what a session subscribing reads is the new day's zeros; jbond logs in again.
        day.Clock.Advance(TimeSpan.FromHours(21) + TimeSpan.FromMinutes(40));
        var (morning, morningFold) = await SubscribedAsync(day.Server, "admin", Everyone);
        Assert.All(Everyone, a => Assert.Equal(zero, morningFold[a]));
        await Command(jbond, "agentLogin", new { agentphonenumber = "1001" });
        await Becomes(jbond, "AgentReady");
        await fold.Until(wallboard, 1, (LoginDateTime, "2026-03-11T08:00:00.000+02:00"));
        Assert.Equal(Expected(0, 0, 0, "2026-03-11T08:00:00.000+02:00", "", 0, 0, 0, 0), fold[1]);

        foreach (var c in new[] { wallboard, supervisor, jbond, vlynd, morning }) await c.DisposeAsync();
    }
}
