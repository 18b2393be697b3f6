using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Ami.Recording;
using Xuc.PbxSim.Model;
using Xuc.PbxSim.Replay;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Record and replay end to end: server A on the bundled simulator records its AMI stream (XUC_AMI_RECORD) through a
/// scripted day; server B, fresh, is fed that recording by the replay server at full speed; both end with the same
/// Line, Queue and Agent states.
/// </summary>
public sealed class RecordReplayTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private static readonly string[] LineIds = Enumerable.Range(1, 12).Select(i => $"PJSIP/10{i:00}").ToArray();
    private static readonly string[] QueueIds = ["sales", "support", "billing"];
    private static readonly string[] AgentIds = ["1", "2"];

    private sealed record Regions(IActorRef Lines, IActorRef Queues, IActorRef Agents);

    private static async Task<Regions> RegionsOf(TestServer server)
    {
        var registry = server.App.Web.Services.GetRequiredService<IActorRegistry>();
        return new Regions(await registry.GetAsync<LineRegion>(), await registry.GetAsync<QueueRegion>(), await registry.GetAsync<AgentRegion>());
    }

    /// <summary>Every line, queue and agent as JSON, with the wall-clock instants (when this server saw a change) set aside.</summary>
    private static async Task<List<string>> Snapshot(Regions r)
    {
        var result = new List<string>();
        foreach (var id in LineIds)
            // Seq numbers each server's deltas (from its own start time), so it is left out of the state compared.
            result.Add(JsonSerializer.Serialize((await r.Lines.Ask<LineSnapshot>(new GetLineState(id), TimeSpan.FromSeconds(5))) with { Seq = 0 }));
        foreach (var id in QueueIds)
        {
            var q = await r.Queues.Ask<QueueSnapshot>(new GetQueueState(id), TimeSpan.FromSeconds(5));
            result.Add(JsonSerializer.Serialize(q with { Waiting = q.Waiting.Select(w => w with { Since = default }).ToArray(), Seq = 0 }));
        }
        foreach (var id in AgentIds)
        {
            var a = await r.Agents.Ask<AgentState>(new GetAgentState(id), TimeSpan.FromSeconds(5));
            result.Add(JsonSerializer.Serialize(a with { Since = default }));
        }
        return result;
    }

    private static async Task LoginAgents(TestServer server, Regions r)
    {
        // The login reaches the AMI router through the agent-logins topic, which can come after the simulator's next
        // event on a loaded machine: wait until the router routes each phone's events to its agent.
        var router = server.App.Web.Services.GetRequiredService<ActorSystem>().ActorSelection("/user/ami-connection/ami-connection/router");
        foreach (var (agent, phone) in new[] { ("1", "1001"), ("2", "1002") })
        {
            var result = await r.Agents.Ask<AgentCommandResult>(new LoginAgent(agent, phone, "PJSIP/" + phone), TimeSpan.FromSeconds(10));
            Assert.True(result.Ok, result.Error);
            await Wait.Until(async () => (await router.Ask<AgentOfInterface>(new GetAgentOfInterface("PJSIP/" + phone), TimeSpan.FromSeconds(5))).AgentId == agent,
                Within, $"the router routes PJSIP/{phone} to agent {agent}");
        }
    }

    private static async Task Until(Regions r, Func<List<string>, bool> done, string what)
        => await Wait.Until(async () => done(await Snapshot(r)), Within, what);

    [Fact]
    public async Task A_recorded_day_replayed_into_a_fresh_server_gives_the_same_line_queue_and_agent_states()
    {
        using var dir = new TempDirectory();
        var recording = Path.Combine(dir.Path, "day.ami");
        List<string> live;
        await using (var a = await TestServer.StartAsync($"xuc.ami.record = \"{recording}\"\n"))
        {
            var sim = a.App.Simulator!;
            var model = sim.Model;
            model.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.Zero);
            await Wait.Until(async () => (await a.Http.GetAsync("/health/ready")).IsSuccessStatusCode, Within, "A's AMI connected");
            var regions = await RegionsOf(a);
            await LoginAgents(a, regions);
            model.AddMember("sales", "PJSIP/1001", "Agent 1");
            model.AddMember("sales", "PJSIP/1002", "Agent 2");

            // answered: a caller in sales, agent 1 answers and stays on the call
            model.ExternalCall("0611111111", "3000");
            model.Answer("1001");
            // abandoned: the next caller gives up while agent 2 rings
            var abandoning = model.ExternalCall("0622222222", "3000");
            await Until(regions, s => s.Any(x => x.Contains("0622222222")), "the second caller waiting");
            model.Hangup(abandoning);
            // a queue call agent 2 answers and ends (AgentComplete)
            model.ExternalCall("0633333333", "3000");
            model.Answer("1002");
            model.Hangup("1002");
            // blind transfer: 1003 calls 1004, then sends 1004 to 1005, who answers; 1004 is put on hold
            model.Dial("1003", "1004");
            model.Answer("1004");
            Assert.Null(model.Locked(() => model.BlindTransfer(model.Channels.First(c => c.Name.StartsWith("PJSIP/1003-", StringComparison.Ordinal)), "1005", "default")));
            model.Answer("1005");
            model.Hold("1004", true);
            // conference: 1006 and 1007 in room 4000, then 1006 leaves
            var first = model.JoinConference("1006", "4000");
            model.JoinConference("1007", "4000");
            model.LeaveConference(first);
            // a caller left waiting in support (no members)
            model.ExternalCall("0644444444", "3001");

            await Until(regions, s => s.Any(x => x.Contains("0644444444")) && s.Any(x => x.Contains("\"OnHold\":true"))
                && s.Count(x => x.Contains("\"CallStatus\":4")) == 1
                // agent 2's wrap-up (sales: 5 s) over, so B is compared with the state it ends in, not a 5 s window
                && !s.Any(x => x.Contains("\"CallStatus\":5")), "A's entities at the end of the day");
            // settled: two snapshots in a row agree
            List<string> previous = [];
            await Wait.Until(async () =>
            {
                var now = await Snapshot(regions);
                var same = now.SequenceEqual(previous);
                previous = now;
                return same;
            }, Within, "A's state settled");
            live = previous;
        }

        var capture = AmiCaptureReader.ReadFile(recording);
        Assert.Equal(0, capture.SkippedLines);
        var script = ReplayScript.From(capture);
        Assert.Contains(script.Steps, s => s is AnswerStep { Action: "QueueStatus" });

        var port = FreePort.Next();
        await using var b = await TestServer.StartAsync($"xuc.ami.embedded-simulator = off\nxuc.auth.allow-default-passwords = on\nxuc.ami.port = {port}\n");
        var bRegions = await RegionsOf(b);
        await LoginAgents(b, bRegions);
        await using var replay = new ReplayServer(script, new ReplayOptions { Speed = null },
            new Xuc.PbxSim.PbxSimOptions { Port = port });
        await replay.StartAsync();
        await replay.FirstStreamDone.WaitAsync(Within);
        List<string> replayed = [];
        try
        {
            await Wait.Until(async () => (replayed = await Snapshot(bRegions)).SequenceEqual(live), Within, "B's entities as A's");
        }
        catch (Exception) when (replayed.Count == live.Count)
        {
            // Show the first difference whole (an assertion on the lists cuts both entities short).
            var at = Enumerable.Range(0, live.Count).First(i => live[i] != replayed[i]);
            Assert.Fail($"entity {at} differs:\nA (live):     {live[at]}\nB (replayed): {replayed[at]}");
        }
    }
}
