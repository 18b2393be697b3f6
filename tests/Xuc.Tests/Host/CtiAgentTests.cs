using System.Text.RegularExpressions;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.PbxSim;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Agents over a real CTI WebSocket against the embedded PbxSim and the demo configuration (docs/cti-websocket.md,
/// "Agents"): the frames each session receives, compared whole, and the queue actions the simulator received.
/// Demo agents: 1 jbond (line 1001, group 1, sales penalty 0 + billing penalty 1), 2 mmoneypenny (1002, group 1,
/// sales 0 + billing 0), 6 vlynd (1006, group 2, support through Local/1006@agents/n + billing 1); alice supervises
/// group 1; bob (line 1012) has no agent. Each test uses its own agents (the class shares one server).
/// </summary>
public sealed partial class CtiAgentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private PbxSimulator Sim => Server.App.Simulator!;

    [GeneratedRegex("\"since\":(\\d+)")]
    private static partial Regex SinceField();

    /// <summary>The frame with <c>since</c> read as 0 when it is at most 2 s (the state just changed; the machine may be slow).</summary>
    private static string Settled(string frame) => SinceField().Replace(frame, m => int.Parse(m.Groups[1].Value) <= 2 ? "\"since\":0" : m.Value);

    internal static string State(string name, int agent, string phone, string queues, string cause = "") =>
        $$$"""{"msgType":"AgentStateEvent","ctiMessage":{"name":"{{{name}}}","agentId":{{{agent}}},"phoneNb":"{{{phone}}}","since":0,"queues":[{{{queues}}}],"cause":"{{{cause}}}"}}""";

    internal static string Command(string command, string arguments = "") =>
        "{\"claz\":\"web\",\"command\":\"" + command + "\"" + (arguments.Length > 0 ? "," + arguments : "") + "}";

    private static string Add(string queue, string iface, int penalty, string agentNumber, string line) =>
        $"Action: QueueAdd|Queue: {queue}|Interface: {iface}|Penalty: {penalty}|MemberName: Agent/{agentNumber}|StateInterface: PJSIP/{line}";

    private static string Remove(string queue, string iface) => $"Action: QueueRemove|Queue: {queue}|Interface: {iface}";

    /// <summary>An agent's session: the connect sequence (8 frames), then his state, unasked.</summary>
    private async Task<(CtiClient Client, string FirstState)> Agent(string login)
    {
        var client = await CtiClient.LoginAsync(Server, login, login);
        await client.ReceiveManyAsync(8);
        return (client, Settled(await client.ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("closed")));
    }

    private static async Task<string> Next(CtiClient client) => Settled(await client.ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("closed"));

    /// <summary>Proves nothing else came before: a ping's Pong is the next frame.</summary>
    private static async Task NothingMore(CtiClient client)
    {
        await client.SendAsync("""{"claz":"ping"}""");
        Assert.Equal("""{"msgType":"Pong","ctiMessage":{}}""", await client.ReceiveAsync());
    }

    private async Task<IReadOnlyList<string>> SimSaw(int count)
    {
        var seen = new List<string>();
        await Wait.Until(() =>
        {
            seen.AddRange(Sim.Observed.Take());
            return Task.FromResult(seen.Count >= count);
        }, CtiClient.Patience, $"{count} queue actions on the simulator");
        return seen;
    }

    [Fact]
    public async Task The_five_login_outcomes_give_each_agents_sessions_their_frames_and_the_pbx_the_queue_actions()
    {
        Sim.Observed.Watch("QueueAdd", "QueueRemove", "QueuePause");
        Sim.Observed.Take();
        var (jbond, jbondFirst) = await Agent("jbond");
        var (money, moneyFirst) = await Agent("mmoneypenny");
        Assert.Equal(State("AgentLoggedOut", 1, "", ""), jbondFirst);
        Assert.Equal(State("AgentLoggedOut", 2, "", ""), moneyFirst);

        // 1. not logged, a known line: logged in, in each of his queues with his penalty.
        await jbond.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1001\""));
        Assert.Equal(State("AgentReady", 1, "1001", "1,3"), await Next(jbond));
        Assert.Equal([Add("sales", "PJSIP/1001", 0, "2001", "1001"), Add("billing", "PJSIP/1001", 1, "2001", "1001")], await SimSaw(2));

        // 2. not logged, an unknown line: PhoneNumberUnknown, nothing asked of the PBX.
        await money.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1999\",\"agentid\":2"));
        Assert.Equal("""{"msgType":"AgentError","ctiMessage":{"Error":"PhoneNumberUnknown"}}""", await money.ReceiveAsync());

        // 3. already on the requested line: he stays, his state is sent again.
        await jbond.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1001\",\"agentid\":1"));
        Assert.Equal(State("AgentReady", 1, "1001", "1,3"), await Next(jbond));

        // 4. already on another line: an error, and he stays where he was.
        await jbond.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1002\""));
        Assert.Equal("""{"msgType":"AgentError","ctiMessage":{"Error":"LoggedInOnAnotherPhone","phoneNb":"1001","RequestedNb":"1002"}}""", await jbond.ReceiveAsync());
        await NothingMore(jbond);
        await NothingMore(money);
        Assert.Empty(Sim.Observed.Take());

        // 5. a line held by another agent: he takes it over, the other is logged out and told so on his session.
        await money.SendAsync(Command("agentLogin", "\"agentphonenumber\":1001"));
        Assert.Equal(State("AgentLoggedOut", 1, "1001", ""), await Next(jbond));
        Assert.Equal(State("AgentReady", 2, "1001", "1,3"), await Next(money));
        Assert.Equal([Remove("sales", "PJSIP/1001"), Remove("billing", "PJSIP/1001"),
            Add("sales", "PJSIP/1001", 0, "2002", "1001"), Add("billing", "PJSIP/1001", 0, "2002", "1001")], await SimSaw(4));
        Assert.Equal(["Agent/2002"], Sim.Model.Queues.Single(q => q.Name == "sales").Members.Where(m => m.Interface == "PJSIP/1001").Select(m => m.Name));

        await money.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 2, "1001", ""), await Next(money));
        Assert.Equal([Remove("sales", "PJSIP/1001"), Remove("billing", "PJSIP/1001")], await SimSaw(2));
        await NothingMore(jbond);
        await jbond.DisposeAsync();
        await money.DisposeAsync();
    }

    private static string[] Pair(string a, string b) => [.. new[] { a, b }.Order(StringComparer.Ordinal)];

    private static string OnCall(int agent, string phone, string queues) =>
        State("AgentOnCall", agent, phone, queues)[..^2] + ""","acd":true,"direction":"Incoming","callType":"External","monitorState":"DISABLED"}}""";

    /// <summary>The next AgentStateEvent or AgentError (phone events of the same call, if any, are left aside).</summary>
    private static async Task<string> NextAgentFrame(CtiClient client)
    {
        while (true)
        {
            var frame = await Next(client);
            if (frame.Contains("\"msgType\":\"Agent", StringComparison.Ordinal)) return frame;
        }
    }

    /// <summary>
    /// The issue's acceptance scenario: on the agent's session, in order, AgentRinging → PhoneEvent EventRinging (queue
    /// name, attached USR_ data) → answer → EventEstablished + AgentOnCall → the caller hangs up → EventReleased +
    /// AgentOnWrapup → AgentReady after the queue's wrap-up time; with a direct member and with a Local-channel member.
    /// Only the two message types are read (PhoneStatusUpdate and the call Sheet come between them).
    /// </summary>
    [Theory]
    [InlineData("qboothroyd", 3, "1003", "3000", "sales", "1,3", "PJSIP/1003")]
    [InlineData("vlynd", 6, "1006", "3001", "support", "2,3", "Local/1006@agents/n")]
    public async Task A_queue_call_rings_the_agent_then_he_is_on_call_in_wrap_up_for_the_queues_time_and_ready_again(
        string login, int agent, string phone, string queueNumber, string queueName, string queues, string member)
    {
        Sim.Model.SetEndpointBehaviour(phone, EndpointBehaviour.Manual);
        var (client, _) = await Agent(login);
        await client.SendAsync(Command("agentLogin", $"\"agentphonenumber\":\"{phone}\""));
        Assert.Equal(State("AgentReady", agent, phone, queues), await Next(client));
        var queue = Sim.Model.Queues.Single(q => q.Number == queueNumber);
        Assert.Contains(queue.Members, m => m.Interface == member && m.StateInterface == "PJSIP/" + phone && m.Name == $"Agent/20{agent:00}");

        async Task<string> NextOf() => Settled(await client.ReceiveOfTypeAsync("AgentStateEvent", "PhoneEvent"));
        const string data = """{"USR_ORDER":"4711"}""";
        var caller = Sim.Model.ExternalCall("0612345678", queueNumber, variables: new Dictionary<string, string> { ["__USR_ORDER"] = "4711" });
        var first = await NextOf();
        var uid = Sim.Model.Locked(() => Sim.Model.Channels.Single(c => c.Name.StartsWith($"PJSIP/{phone}-")).Uniqueid);
        string Phone(string type) => PhoneEventsTests.PhoneEvent(type, phone, "0612345678", "", caller, uid, "Incoming", queueName, data);
        // The two frames of one step travel two paths (the line entity and its feed; the agent entity), so their order
        // within the pair is not fixed (docs/cti-websocket.md, "Order on the wire"): each pair is compared whole, unordered;
        // the pairs come in the issue's order (each step waits for the previous pair).
        Assert.Equal(Pair(State("AgentRinging", agent, phone, queues), Phone("EventRinging")), Pair(first, await NextOf()));
        Sim.Model.Answer(phone);
        Assert.Equal(Pair(Phone("EventEstablished"), OnCall(agent, phone, queues)), Pair(await NextOf(), await NextOf()));
        Sim.Model.Hangup(caller);
        Assert.Equal(Pair(Phone("EventReleased"), State("AgentOnWrapup", agent, phone, queues)), Pair(await NextOf(), await NextOf()));
        var ready = await NextOf();
        Assert.Equal(State("AgentReady", agent, phone, queues), ready);

        await client.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", agent, phone, ""), await NextAgentFrame(client));
        Assert.DoesNotContain(queue.Members, m => m.Interface == member);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task A_pause_from_the_pbx_side_and_one_from_the_session_reach_the_agent_with_their_reasons()
    {
        Sim.Observed.Watch("QueueAdd", "QueueRemove", "QueuePause");
        var (client, _) = await Agent("fleiter");
        await client.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1004\""));
        Assert.Equal(State("AgentReady", 4, "1004", "1,3"), await Next(client));

        // Another tool pauses him on the PBX (QueuePause sent to the simulator directly, in every queue).
        Assert.Null(Sim.Model.PauseMember("PJSIP/1004", true, reason: "lunch"));
        Assert.Equal(State("AgentOnPause", 4, "1004", "1,3", "lunch"), await Next(client));
        Assert.Null(Sim.Model.PauseMember("PJSIP/1004", false));
        Assert.Equal(State("AgentReady", 4, "1004", "1,3"), await Next(client));

        Sim.Observed.Take();
        await client.SendAsync(Command("pauseAgent", "\"reason\":\"coffee\""));
        Assert.Equal(State("AgentOnPause", 4, "1004", "1,3", "coffee"), await Next(client));
        Assert.Equal(["Action: QueuePause|Interface: PJSIP/1004|Paused: true|Reason: coffee"], await SimSaw(1));
        Assert.All(Sim.Model.Queues.SelectMany(q => q.Members).Where(m => m.Interface == "PJSIP/1004"), m => Assert.Equal((true, "coffee"), (m.Paused, m.PausedReason)));
        await client.SendAsync(Command("unpauseAgent", "\"agentid\":4"));
        Assert.Equal(State("AgentReady", 4, "1004", "1,3"), await Next(client));
        Assert.Equal(["Action: QueuePause|Interface: PJSIP/1004|Paused: false"], await SimSaw(1));

        await client.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 4, "1004", ""), await Next(client));
        await client.DisposeAsync();
    }

    [Fact]
    public async Task A_supervisor_acts_on_the_agents_of_his_groups_only_and_a_plain_user_on_his_own_agent_only()
    {
        Sim.Observed.Watch("QueueAdd", "QueueRemove", "QueuePause");
        var (agent, _) = await Agent("bmawdsley");     // agent 5, group 1
        var (other, _) = await Agent("ctrevelyan");    // agent 7, group 2
        await using var alice = await CtiClient.LoginAsync(Server, "alice", "alice"); // Supervisor of group 1
        await alice.ReceiveManyAsync(8);
        // She asks for the agents of her group: each one's state now (agents 1-5, group 1), then their changes.
        await alice.SendAsync(Command("subscribeToAgentEvents"));
        var now = new List<int>();
        for (var i = 0; i < 5; i++) now.Add((int)(await alice.ReceiveJsonAsync())["ctiMessage"]!["agentId"]!);
        Assert.Equal([1, 2, 3, 4, 5], now.Order());
        await using var bob = await CtiClient.LoginAsync(Server, "bob", "bob");       // NoRight, no agent
        await bob.ReceiveManyAsync(8);

        await agent.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1005\""));
        Assert.Equal(State("AgentReady", 5, "1005", "1,3"), await Next(agent));
        Assert.Equal(State("AgentReady", 5, "1005", "1"), await Next(alice)); // she watches group 1, and sees her queues only (not billing, 3)
        await other.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1007\""));
        Assert.Equal(State("AgentReady", 7, "1007", "2,3"), await Next(other));
        Sim.Observed.Take();

        await alice.SendAsync(Command("pauseAgent", "\"agentid\":5,\"reason\":\"meeting\""));
        Assert.Equal(State("AgentOnPause", 5, "1005", "1,3", "meeting"), await Next(agent));
        Assert.Equal(State("AgentOnPause", 5, "1005", "1", "meeting"), await Next(alice));
        Assert.Equal(["Action: QueuePause|Interface: PJSIP/1005|Paused: true|Reason: meeting"], await SimSaw(1));

        await alice.SendAsync(Command("pauseAgent", "\"agentid\":7"));
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"NotAuthorized","message":"agent 7 is not in a group of alice's profile"}}""", await alice.ReceiveAsync());
        await bob.SendAsync(Command("agentLogout", "\"agentid\":5"));
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"NotAuthorized","message":"agentLogout: agent 5 is not bob's own agent"}}""", await bob.ReceiveAsync());
        await other.SendAsync(Command("unpauseAgent", "\"agentid\":5"));
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"NotAuthorized","message":"unpauseAgent: agent 5 is not ctrevelyan's own agent"}}""", await other.ReceiveAsync());
        await NothingMore(alice);   // she never heard of agent 7, of group 2
        await NothingMore(agent);
        Assert.Empty(Sim.Observed.Take());

        await agent.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 5, "1005", ""), await Next(agent));
        await other.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 7, "1007", ""), await Next(other));
        await agent.DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task A_queue_the_pbx_refuses_gives_an_AgentError_with_its_words_and_leaves_the_agent_as_he_was()
    {
        // A queue the configuration has and the PBX does not: agent 8 answers only it, agent 9 billing and it.
        await Server.App.Store.UpsertAsync(ConfigKinds.Queue, new Queue { Id = 9, Name = "nightshift", DisplayName = "Night shift", Number = "3099" });
        var demo = DemoDataset.Create().Agents;
        await Server.App.Store.UpsertAsync(ConfigKinds.Agent, demo.Single(a => a.Id == 8) with { DefaultQueues = [new QueueMembership(9, 0)] });
        await Server.App.Store.UpsertAsync(ConfigKinds.Agent, demo.Single(a => a.Id == 9) with { DefaultQueues = [new QueueMembership(3, 2), new QueueMembership(9, 0)] });
        var agents = await Server.App.Web.Services.GetRequiredService<IActorRegistry>().GetAsync<AgentRegion>();
        foreach (var id in new[] { "8", "9" })
            await Wait.Until(async () => (await agents.Ask<AgentState>(new GetAgentState(id), TimeSpan.FromSeconds(5))).Config?.DefaultQueues.Any(m => m.QueueId == 9) == true,
                CtiClient.Patience, $"agent {id} answers nightshift");
        Sim.Observed.Watch("QueueAdd", "QueueRemove", "QueuePause");
        Sim.Observed.Take();

        var (nwade, _) = await Agent("nwade");
        await nwade.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1008\""));
        Assert.Equal("""{"msgType":"AgentError","ctiMessage":{"Error":"PbxRefused","message":"QueueAdd nightshift: Unable to add interface to queue: No such queue"}}""",
            await nwade.ReceiveAsync());
        Assert.Equal([Add("nightshift", "PJSIP/1008", 0, "2008", "1008")], await SimSaw(1));
        await NothingMore(nwade);
        Assert.Equal(AgentStatus.LoggedOut, (await agents.Ask<AgentState>(new GetAgentState("8"), TimeSpan.FromSeconds(5))).Status);

        // Billing took him, nightshift did not: he is taken out of billing again and stays logged out.
        var (zgrishenko, _) = await Agent("zgrishenko");
        await zgrishenko.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1009\""));
        Assert.Equal("""{"msgType":"AgentError","ctiMessage":{"Error":"PbxRefused","message":"QueueAdd nightshift: Unable to add interface to queue: No such queue"}}""",
            await NextAgentFrame(zgrishenko));
        Assert.Equal([Add("billing", "PJSIP/1009", 2, "2009", "1009"), Add("nightshift", "PJSIP/1009", 0, "2009", "1009"), Remove("billing", "PJSIP/1009")], await SimSaw(3));
        Assert.DoesNotContain(Sim.Model.Queues.SelectMany(q => q.Members), m => m.Interface == "PJSIP/1009");
        await Wait.Until(async () => (await agents.Ask<AgentState>(new GetAgentState("9"), TimeSpan.FromSeconds(5))) is { Status: AgentStatus.LoggedOut, Memberships.Count: 0 },
            CtiClient.Patience, "agent 9 is logged out, in no queue");
        await nwade.DisposeAsync();
        await zgrishenko.DisposeAsync();
    }

    [Fact]
    public async Task The_agents_own_calls_off_the_queues_show_as_dialing_ringing_then_on_call_not_acd_and_their_recording_follows_the_pbx()
    {
        Sim.Model.SetEndpointBehaviour("1010", EndpointBehaviour.Manual);
        Sim.Model.SetEndpointBehaviour("1012", EndpointBehaviour.Manual);
        var (client, _) = await Agent("hgoodhead");
        await client.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1010\""));
        Assert.Equal(State("AgentReady", 10, "1010", "2,3"), await Next(client));
        string Own(string direction, string monitor = "DISABLED") =>
            State("AgentOnCall", 10, "1010", "2,3")[..^2] + $$$""","acd":false,"direction":"{{{direction}}}","callType":"Internal","monitorState":"{{{monitor}}}"}}""";
        Sim.Observed.Watch("MixMonitorMute");
        Sim.Observed.Take();
        await client.SendAsync(Command("monitorPause"));
        Assert.Equal("""{"msgType":"AgentError","ctiMessage":{"Error":"AgentNotOnCall","message":"agent 10 has no call up"}}""", await NextAgentFrame(client));

        // He calls bob's line: dialing, then on call (outgoing), then ready when it ends.
        Sim.Model.Dial("1010", "1012");
        Assert.Equal(State("AgentDialing", 10, "1010", "2,3"), await NextAgentFrame(client));
        Sim.Model.Answer("1012");
        Assert.Equal(Own("Outgoing"), await NextAgentFrame(client));
        // The dialplan (or another tool) records his call: MixMonitorStart makes it ACTIVE; our pause and resume are
        // MixMonitorMute on the recorded channel; StopMixMonitor ends it (DISABLED).
        Sim.Model.Record("1010", "out-1010.wav");
        Assert.Equal(Own("Outgoing", "ACTIVE"), await NextAgentFrame(client));
        await client.SendAsync(Command("monitorPause", "\"agentid\":10"));
        Assert.Equal(Own("Outgoing", "PAUSED"), await NextAgentFrame(client));
        await client.SendAsync(Command("monitorUnpause"));
        Assert.Equal(Own("Outgoing", "ACTIVE"), await NextAgentFrame(client));
        var mutes = await SimSaw(2);
        Assert.All(mutes, m => Assert.Matches(@"^Action: MixMonitorMute\|Channel: PJSIP/1010-[0-9a-f]{8}\|Direction: both\|State: [01]$", m));
        Assert.Equal(["State: 1", "State: 0"], mutes.Select(m => m[^8..]));
        Sim.Model.StopRecording("1010");
        Assert.Equal(Own("Outgoing"), await NextAgentFrame(client));
        // A recording paused by another tool (a MixMonitorMute it sent) shows PAUSED too.
        Sim.Model.Record("1012", "out-1012.wav");
        Assert.Equal(Own("Outgoing", "ACTIVE"), await NextAgentFrame(client)); // the other party's channel: the same call
        var bobs = Sim.Model.Locked(() => Sim.Model.Channels.Single(c => c.Name.StartsWith("PJSIP/1012-")).Name);
        await using (var tool = await RawAmi.ConnectAsync(Sim.Port))
        {
            await tool.LoginAsync(events: "off");
            await tool.SendAsync($"Action: MixMonitorMute\r\nChannel: {bobs}\r\nDirection: both\r\nState: 1\r\n\r\n");
            Assert.Equal("Success", (await tool.ReadAsync())!.Get("Response"));
        }
        Assert.Equal(Own("Outgoing", "PAUSED"), await NextAgentFrame(client));
        Sim.Model.Hangup("1012");
        Assert.Equal(State("AgentReady", 10, "1010", "2,3"), await NextAgentFrame(client));

        // Bob calls him directly: ringing (not from a queue), then on call (incoming) once he answers.
        Sim.Model.Dial("1012", "1010");
        Assert.Equal(State("AgentRinging", 10, "1010", "2,3"), await NextAgentFrame(client));
        Sim.Model.Answer("1010");
        Assert.Equal(Own("Incoming"), await NextAgentFrame(client));
        Sim.Model.Hangup("1010");
        Assert.Equal(State("AgentReady", 10, "1010", "2,3"), await NextAgentFrame(client));

        await client.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 10, "1010", ""), await NextAgentFrame(client));
        await client.DisposeAsync();
    }

    private static string Listen(bool started, string phone, int agent) =>
        $$$"""{"msgType":"AgentListen","ctiMessage":{"started":{{{(started ? "true" : "false")}}},"phoneNumber":"{{{phone}}}","agentId":{{{agent}}}}}""";

    [Fact]
    public async Task A_supervisor_listens_to_an_agent_of_his_group_through_chanspy_and_both_hear_when_it_starts_and_stops()
    {
        foreach (var phone in new[] { "1005", "1011", "1012" }) Sim.Model.SetEndpointBehaviour(phone, EndpointBehaviour.Manual);
        var (agent, _) = await Agent("bmawdsley");                                   // agent 5, group 1, line 1005
        await using var alice = await CtiClient.LoginAsync(Server, "alice", "alice"); // Supervisor of group 1, line 1011
        await alice.ReceiveManyAsync(8);
        // She watches her group's agents (1-5): each one's state now, then their changes.
        await alice.SendAsync(Command("subscribeToAgentEvents"));
        var now = new List<int>();
        for (var i = 0; i < 5; i++) now.Add((int)(await alice.ReceiveJsonAsync())["ctiMessage"]!["agentId"]!);
        Assert.Equal([1, 2, 3, 4, 5], now.Order());
        await using var bob = await CtiClient.LoginAsync(Server, "bob", "bob");       // NoRight
        await bob.ReceiveManyAsync(8);
        await agent.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1005\""));
        Assert.Equal(State("AgentReady", 5, "1005", "1,3"), await Next(agent));
        Assert.Equal(State("AgentReady", 5, "1005", "1"), await NextAgentFrame(alice));
        Sim.Observed.Watch("Originate");
        Sim.Observed.Take();

        // Refused, with nothing sent to the PBX: no call to listen to, an agent of another group, a NoRight user.
        await alice.SendAsync(Command("listenAgent", "\"agentid\":5"));
        Assert.Equal("""{"msgType":"AgentError","ctiMessage":{"Error":"AgentNotOnCall","message":"agent 5 has no call up"}}""", await NextAgentFrame(alice));
        await alice.SendAsync(Command("listenAgent", "\"agentid\":7"));
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"NotAuthorized","message":"agent 7 is not in a group of alice's profile"}}""", await alice.ReceiveOtherThanAsync("PhoneEvent"));
        await bob.SendAsync(Command("listenAgent", "\"agentid\":5"));
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"NotAuthorized","message":"listenAgent is not allowed to the NoRight profile"}}""", await bob.ReceiveAsync());
        await NothingMore(alice);
        Assert.Empty(Sim.Observed.Take());

        // Bob calls her; once she talks, alice listens: her phone rings (the Originate), she answers, ChanSpy starts.
        Sim.Model.Dial("1012", "1005");
        Sim.Model.Answer("1005");
        Assert.Equal(State("AgentRinging", 5, "1005", "1,3"), await NextAgentFrame(agent));
        var onCall = State("AgentOnCall", 5, "1005", "1,3")[..^2] + ""","acd":false,"direction":"Incoming","callType":"Internal","monitorState":"DISABLED"}}""";
        Assert.Equal(onCall, await NextAgentFrame(agent));
        await alice.SendAsync(Command("listenAgent", "\"agentid\":5"));
        Assert.Equal(["Action: Originate|Channel: PJSIP/1011|Application: ChanSpy|Data: PJSIP/1005-,bq|Timeout: 30000|CallerID: \"Listen Bill Tanner\" <1005>|Async: true"],
            await SimSaw(1));
        await Wait.Until(() => Task.FromResult(Sim.Model.Locked(() => Sim.Model.Channels.Any(c => c.Name.StartsWith("PJSIP/1011-") && c.State == 5))),
            CtiClient.Patience, "alice's phone rings");
        Sim.Model.Answer("1011");
        Assert.Equal(Listen(true, "1005", 5), await agent.ReceiveOfTypeAsync("AgentListen"));
        Assert.Equal(Listen(true, "1005", 5), await alice.ReceiveOfTypeAsync("AgentListen"));

        // Bob hangs up: the spying stops (ChanSpyStop), alice stays on ChanSpy waiting for the agent's next call.
        Sim.Model.Hangup("1012");
        Assert.Equal(Listen(false, "1005", 5), await agent.ReceiveOfTypeAsync("AgentListen"));
        Assert.Equal(Listen(false, "1005", 5), await alice.ReceiveOfTypeAsync("AgentListen"));
        Assert.Equal(State("AgentReady", 5, "1005", "1,3"), await NextAgentFrame(agent));
        // Her next call is listened to again, until alice hangs up.
        Sim.Model.Dial("1005", "1012");
        Sim.Model.Answer("1012");
        Assert.Equal(Listen(true, "1005", 5), await agent.ReceiveOfTypeAsync("AgentListen"));
        Assert.Equal(Listen(true, "1005", 5), await alice.ReceiveOfTypeAsync("AgentListen"));
        Sim.Model.Hangup("1011");
        Assert.Equal(Listen(false, "1005", 5), await agent.ReceiveOfTypeAsync("AgentListen"));
        Assert.Equal(Listen(false, "1005", 5), await alice.ReceiveOfTypeAsync("AgentListen"));
        Sim.Model.Hangup("1012");
        Assert.Equal(State("AgentReady", 5, "1005", "1,3"), await NextAgentFrame(agent));

        await agent.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 5, "1005", ""), await NextAgentFrame(agent));
        await agent.DisposeAsync();
    }
}
