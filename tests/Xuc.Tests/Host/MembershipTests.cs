using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.PbxSim;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Queue membership over real WebSockets against the whole server and its PBX simulator (docs/cti-websocket.md,
/// "Membership"): after each command the configuration (read back from the store), the PBX (the QueueAdd /
/// QueuePenalty / QueueRemove the simulator received, compared whole, and its queues' members) and the QueueMember
/// frames pushed agree. Each test has its own server (the commands change the demo's memberships).
/// Demo: agents 1–5 in group 1 (sales 1 penalty 0, billing 3 penalty id%2), 6–10 in group 2 (support 2 through
/// Local/10xx@agents/n penalty 0, billing 3 penalty 1+id%2); alice supervises queues 1, 2 and group 1; admin is Admin.
/// </summary>
public sealed class MembershipTests
{
    private static string Cmd(string command, string arguments) => CtiAgentTests.Command(command, arguments);

    private static string Member(int agent, int queue, int penalty) =>
        $$$"""{"msgType":"QueueMember","ctiMessage":{"agentId":{{{agent}}},"queueId":{{{queue}}},"penalty":{{{penalty}}}}}""";

    private static string Error(string code, string message) => $$$"""{"msgType":"Error","ctiMessage":{"Error":"{{{code}}}","message":"{{{message}}}"}}""";

    private static async Task<CtiClient> Session(TestServer server, string login, int frames)
    {
        var client = await CtiClient.LoginAsync(server, login, login);
        await client.ReceiveConnectSequenceAsync(server, login, frames);
        return client;
    }

    /// <summary>The next frame that is not an agent's state (an Admin sees every agent's, pushed on their own time).</summary>
    private static Task<string> Next(CtiClient client) => client.ReceiveOtherThanAsync("AgentStateEvent");

    private static async Task<List<string>> Next(CtiClient client, int count)
    {
        var frames = new List<string>();
        for (var i = 0; i < count; i++) frames.Add(await Next(client));
        return frames;
    }

    /// <summary>Proves nothing else (but agent states) came: a ping's Pong is the next frame.</summary>
    private static async Task NothingMore(params CtiClient[] clients)
    {
        foreach (var client in clients)
        {
            await client.SendAsync("""{"claz":"ping"}""");
            Assert.Equal("""{"msgType":"Pong","ctiMessage":{}}""", await Next(client));
        }
    }

    private static async Task<string> Queues(TestServer server, int agent) =>
        string.Join(",", ((Agent)(await server.App.Store.GetAsync(ConfigKinds.Agent, agent.ToString()))!).DefaultQueues.Select(m => $"{m.QueueId}:{m.Penalty}"));

    private static string PbxMembers(PbxSimulator sim, string queue) =>
        string.Join(",", sim.Model.Queues.Single(q => q.Name == queue).Members.OrderBy(m => m.Interface).Select(m => $"{m.Interface}:{m.Penalty}"));

    private static string Add(string queue, string iface, int penalty, int agent, string line) =>
        $"Action: QueueAdd|Queue: {queue}|Interface: {iface}|Penalty: {penalty}|MemberName: Agent/20{agent:00}|StateInterface: PJSIP/{line}";

    private static string Penalty(string iface, int penalty, string queue) => $"Action: QueuePenalty|Interface: {iface}|Penalty: {penalty}|Queue: {queue}";

    private static string Remove(string queue, string iface) => $"Action: QueueRemove|Queue: {queue}|Interface: {iface}";

    private static async Task<CtiClient> LoggedAgent(TestServer server, string login, string line)
    {
        var agent = await Session(server, login, 8);
        await agent.SendAsync(CtiAgentTests.Command("agentLogin", $"\"agentphonenumber\":\"{line}\""));
        Assert.Contains("AgentReady", await agent.ReceiveOfTypeAsync("AgentStateEvent"));
        return agent;
    }

    /// <summary>The session lists the membership (so it gets the changes); the simulator's queue actions are watched from now on.</summary>
    private static async Task ListedAndWatched(CtiClient session, PbxSimulator sim)
    {
        await session.SendAsync(Cmd("getList", "\"objectType\":\"queuemember\""));
        Assert.Contains("QueueMemberList", await Next(session));
        sim.Observed.Watch("QueueAdd", "QueueRemove", "QueuePenalty");
        sim.Observed.Take();
    }

    [Fact]
    public async Task SetAgentQueue_and_removeAgentFromQueue_change_the_configuration_the_pbx_and_the_pushed_QueueMember_frames_together()
    {
        await using var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        await using var admin = await Session(server, "admin", 6);
        await using var alice = await Session(server, "alice", 8);
        await using var jbond = await LoggedAgent(server, "jbond", "1001");
        sim.Observed.Watch("QueueAdd", "QueueRemove", "QueuePenalty");
        sim.Observed.Take();

        // The lists: every configured membership for the Admin, queues 1 and 2 only for alice.
        await admin.SendAsync(Cmd("getList", "\"objectType\":\"queuemember\""));
        var demo = DemoDataset.Create().Agents.SelectMany(a => a.DefaultQueues.Select(m => (a.Id, m.QueueId, m.Penalty))).ToList();
        string List(Func<int, bool> queues) => "{\"msgType\":\"QueueMemberList\",\"ctiMessage\":[" +
            string.Join(",", demo.Where(m => queues(m.QueueId)).Select(m => $$$"""{"agentId":{{{m.Id}}},"queueId":{{{m.QueueId}}},"penalty":{{{m.Penalty}}}}""")) + "]}";
        Assert.Equal(List(_ => true), await Next(admin));
        await alice.SendAsync(Cmd("getConfig", "\"objectType\":\"queuemember\""));
        Assert.Equal(List(q => q is 1 or 2), await Next(alice));
        // jbond (NoRight, agent 1) lists his own agent's memberships, whatever the queue, and gets their changes only.
        await jbond.SendAsync(Cmd("getList", "\"objectType\":\"queuemember\""));
        Assert.Equal("""{"msgType":"QueueMemberList","ctiMessage":[{"agentId":1,"queueId":1,"penalty":0},{"agentId":1,"queueId":3,"penalty":1}]}""", await Next(jbond));
        Task Own(string frame) => FrameWatch.ExpectAsync(jbond, frame, "AgentStateEvent", "PhoneStatusUpdate");

        // A logged agent joins support (a Local-channel queue) with penalty 3: QueueAdd as his login would.
        await admin.SendAsync(Cmd("setAgentQueue", "\"agentId\":1,\"queueId\":2,\"penalty\":3"));
        Assert.Equal(Member(1, 2, 3), await Next(admin));
        Assert.Equal(Member(1, 2, 3), await Next(alice));
        await Own(Member(1, 2, 3));
        Assert.Equal([Add("support", "Local/1001@agents/n", 3, 1, "1001")], sim.Observed.Take());
        Assert.Equal("1:0,3:1,2:3", await Queues(server, 1));
        Assert.Contains("Local/1001@agents/n:3", PbxMembers(sim, "support"));

        // A new penalty in a queue he is in: QueuePenalty on his member interface, from alice (agent of her group, her queue).
        await alice.SendAsync(Cmd("setAgentQueue", "\"agentId\":1,\"queueId\":1,\"penalty\":5"));
        Assert.Equal(Member(1, 1, 5), await Next(alice));
        Assert.Equal(Member(1, 1, 5), await Next(admin));
        await Own(Member(1, 1, 5));
        Assert.Equal([Penalty("PJSIP/1001", 5, "sales")], sim.Observed.Take());
        Assert.Equal("1:5,3:1,2:3", await Queues(server, 1));
        Assert.Contains("PJSIP/1001:5", PbxMembers(sim, "sales"));

        // Removed: QueueRemove, QueueMember with penalty -1.
        await admin.SendAsync(Cmd("removeAgentFromQueue", "\"agentId\":1,\"queueId\":2"));
        Assert.Equal(Member(1, 2, -1), await Next(admin));
        Assert.Equal(Member(1, 2, -1), await Next(alice));
        await Own(Member(1, 2, -1));
        Assert.Equal([Remove("support", "Local/1001@agents/n")], sim.Observed.Take());
        Assert.Equal("1:5,3:1", await Queues(server, 1));
        Assert.DoesNotContain("1001", PbxMembers(sim, "support"));

        // A change in billing (not alice's queue) reaches the Admin only; an agent not logged in changes the configuration only.
        await admin.SendAsync(Cmd("setAgentQueue", "\"agentId\":3,\"queueId\":3,\"penalty\":9"));
        Assert.Equal(Member(3, 3, 9), await Next(admin));
        Assert.Equal("1:0,3:9", await Queues(server, 3));
        Assert.Empty(sim.Observed.Take());
        Assert.DoesNotContain("1003", PbxMembers(sim, "billing"));

        // An administrator's change through the admin store write reaches the logged agent's PBX membership and the lists.
        var agent1 = (Agent)(await server.App.Store.GetAsync(ConfigKinds.Agent, "1"))!;
        await server.App.Store.UpsertAsync(ConfigKinds.Agent, agent1 with { DefaultQueues = [new QueueMembership(1, 5)] });
        Assert.Equal(Member(1, 3, -1), await Next(admin));
        await Own(Member(1, 3, -1));
        await Wait.Until(() => Task.FromResult(!PbxMembers(sim, "billing").Contains("1001")), CtiClient.Patience, "jbond out of billing on the PBX");
        Assert.Equal([Remove("billing", "PJSIP/1001")], sim.Observed.Take());
        await NothingMore(admin, alice);
        await jbond.SendAsync("""{"claz":"ping"}""");
        await Own("""{"msgType":"Pong","ctiMessage":{}}""");  // agent 3's change in billing did not reach him
    }

    [Fact]
    public async Task A_NoRight_agent_lists_his_own_memberships_and_sees_himself_moved_with_the_new_queues_config()
    {
        await using var server = await TestServer.StartAsync();
        await using var alice = await Session(server, "alice", 8);
        await using var jbond = await Session(server, "jbond", 8);
        await using var vlynd = await Session(server, "vlynd", 8);
        foreach (var agent in new[] { jbond, vlynd })
        {
            await agent.SendAsync(Cmd("getList", "\"objectType\":\"queue\""));
            Assert.Contains("QueueList", await Next(agent));
        }

        // His own agent's memberships only (sales 0, billing 1), not the other agents' of his queues.
        await jbond.SendAsync(Cmd("getList", "\"objectType\":\"queuemember\""));
        Assert.Equal("""{"msgType":"QueueMemberList","ctiMessage":[{"agentId":1,"queueId":1,"penalty":0},{"agentId":1,"queueId":3,"penalty":1}]}""", await Next(jbond));
        await vlynd.SendAsync(Cmd("getList", "\"objectType\":\"queuemember\""));
        Assert.Contains("QueueMemberList", await Next(vlynd));

        // alice moves him from sales to support with penalty 2: his QueueMember frames, and support's QueueConfig (he now sees it).
        await alice.SendAsync(Cmd("setAgentQueue", "\"agentId\":1,\"queueId\":2,\"penalty\":2"));
        var read = await FrameWatch.UntilAsync(jbond,
            ("his QueueMember in support", f => f.ToString(Newtonsoft.Json.Formatting.None) == Member(1, 2, 2)),
            ("support's QueueConfig", f => FrameWatch.Is(f, "QueueConfig") && (string?)f["ctiMessage"]!["name"] == "support"));
        Assert.DoesNotContain(read, f => FrameWatch.Is(f, "QueueConfig") && (string?)f["ctiMessage"]!["name"] != "support");
        await alice.SendAsync(Cmd("removeAgentFromQueue", "\"agentId\":1,\"queueId\":1"));
        Assert.Equal(Member(1, 1, -1), await Next(jbond));

        // Another NoRight agent, in support himself, is not told of jbond's memberships (not his own data).
        await NothingMore(jbond, vlynd);
    }

    [Fact]
    public async Task A_supervisor_outside_his_groups_or_queues_and_bad_arguments_get_an_Error_with_a_reason_and_change_nothing()
    {
        await using var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        await using var admin = await Session(server, "admin", 6);
        await using var alice = await Session(server, "alice", 8);
        await using var bob = await Session(server, "bob", 8);
        await using var vlynd = await LoggedAgent(server, "vlynd", "1006");
        await ListedAndWatched(admin, sim);
        var before = ConfigFile.Write(await server.App.Store.LoadAsync());
        var pbxBefore = string.Join(";", sim.Model.Queues.Select(q => PbxMembers(sim, q.Name)));

        (CtiClient Who, string Command, string Arguments, string Answer)[] refused =
        [
            (alice, "setAgentQueue", "\"agentId\":7,\"queueId\":2,\"penalty\":1", Error("NotAuthorized", "setAgentQueue: agent 7 is not in a group of alice's profile")),
            (alice, "setAgentQueue", "\"agentId\":2,\"queueId\":3,\"penalty\":1", Error("NotAuthorized", "setAgentQueue: queue 3 is not in alice's profile")),
            (alice, "removeAgentFromQueue", "\"agentId\":6,\"queueId\":2", Error("NotAuthorized", "removeAgentFromQueue: agent 6 is not in a group of alice's profile")),
            (alice, "moveAgentsInGroup", "\"groupId\":2,\"fromQueueId\":2,\"fromPenalty\":0,\"toQueueId\":1,\"toPenalty\":0", Error("NotAuthorized", "moveAgentsInGroup: group 2 is not in alice's profile")),
            (alice, "setAgentGroup", "\"agentId\":1,\"groupId\":2", Error("NotAuthorized", "setAgentGroup: group 2 is not in alice's profile")),
            (alice, "setUserDefaultMembership", "\"userId\":6,\"membership\":[]", Error("NotAuthorized", "setUserDefaultMembership: user 6 is not one alice may act on")),
            // Agent 2 is in her group, but applying his (empty) default would take him out of billing (3), not her queue.
            (alice, "applyUsersDefaultMembership", "\"userIds\":[2]",
                Error("NotAuthorized", "applyUsersDefaultMembership: agent 2's queues would change in queue 3, not in alice's profile; nothing changed")),
            (bob, "setAgentQueue", "\"agentId\":1,\"queueId\":1,\"penalty\":1", Error("NotAuthorized", "setAgentQueue is not allowed to the NoRight profile")),
            (bob, "getUserDefaultMembership", "\"userId\":1", Error("NotAuthorized", "getUserDefaultMembership: user 1 is not one bob may act on")),
            (admin, "setAgentQueue", "\"agentId\":99,\"queueId\":1,\"penalty\":1", Error("UnknownAgent", "setAgentQueue: no agent 99")),
            (admin, "setAgentQueue", "\"agentId\":6,\"queueId\":99,\"penalty\":1", Error("UnknownQueue", "setAgentQueue: no queue 99")),
            (admin, "setAgentQueue", "\"agentId\":6,\"queueId\":1,\"penalty\":-1", Error("InvalidArgument", "setAgentQueue: penalty must be 0 to 99, not -1")),
            (admin, "setAgentQueue", "\"agentId\":6,\"queueId\":1,\"penalty\":100", Error("InvalidArgument", "setAgentQueue: penalty must be 0 to 99, not 100")),
            (admin, "setAgentQueue", "\"agentId\":6,\"queueId\":1,\"penalty\":\"1\"", Error("InvalidArgument", "setAgentQueue: 'penalty' must be integer, not string")),
            (admin, "setAgentQueue", "\"agentId\":6,\"queueId\":1", Error("InvalidArgument", "setAgentQueue: 'penalty' is missing")),
            (admin, "removeAgentFromQueue", "\"agentId\":6,\"queueId\":1", Error("NotAMember", "removeAgentFromQueue: agent 6 is not a member of queue 1")),
            (admin, "setAgentGroup", "\"agentId\":6,\"groupId\":9", Error("UnknownAgentGroup", "setAgentGroup: no agent group 9")),
            (admin, "moveAgentsInGroup", "\"groupId\":2,\"fromQueueId\":3,\"fromPenalty\":1,\"toQueueId\":42,\"toPenalty\":0", Error("UnknownQueue", "moveAgentsInGroup: no queue 42")),
            (admin, "addAgentsNotInQueueFromGroupTo", "\"groupId\":2,\"queueId\":1,\"penalty\":-5", Error("InvalidArgument", "addAgentsNotInQueueFromGroupTo: penalty must be 0 to 99, not -5")),
            (admin, "setUserDefaultMembership", "\"userId\":77,\"membership\":[]", Error("UnknownUser", "setUserDefaultMembership: no user 77")),
            (admin, "setUserDefaultMembership", "\"userId\":6,\"membership\":[{\"queueId\":1,\"penalty\":-2}]", Error("InvalidArgument", "setUserDefaultMembership: penalty must be 0 to 99, not -2")),
            (admin, "setUserDefaultMembership", "\"userId\":6,\"membership\":[{\"queueId\":1,\"penalty\":2},{\"queueId\":1,\"penalty\":3}]", Error("InvalidArgument", "setUserDefaultMembership: queue 1 is listed more than once")),
            (admin, "setUsersDefaultMembership", "\"userIds\":[6,\"7\"],\"membership\":[]", Error("InvalidArgument", "setUsersDefaultMembership: 'userIds' must hold integers only, not string")),
            (admin, "applyUsersDefaultMembership", "\"userIds\":[6,12]", Error("InvalidArgument", "applyUsersDefaultMembership: user 12 has no agent")),
        ];
        foreach (var (who, command, arguments, answer) in refused)
        {
            await who.SendAsync(Cmd(command, arguments));
            Assert.Equal(answer, await Next(who));
        }

        Assert.Equal(before, ConfigFile.Write(await server.App.Store.LoadAsync()));
        Assert.Empty((await server.App.Store.DefaultMembershipsAsync([6]))[6]);
        Assert.Empty(sim.Observed.Take());
        Assert.Equal(pbxBefore, string.Join(";", sim.Model.Queues.Select(q => PbxMembers(sim, q.Name))));
        await NothingMore(admin, alice, bob);
    }

    [Fact]
    public async Task The_group_moves_and_setAgentGroup_apply_to_every_agent_concerned_on_the_pbx_for_those_logged_in()
    {
        await using var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        await using var admin = await Session(server, "admin", 6);
        await using var vlynd = await LoggedAgent(server, "vlynd", "1006"); // agent 6: support 0, billing 1
        await ListedAndWatched(admin, sim);
        async Task<string> Group2() => string.Join(" ", await Task.WhenAll(Enumerable.Range(6, 5).Select(a => Queues(server, a))));
        Assert.Equal("2:0,3:1 2:0,3:2 2:0,3:1 2:0,3:2 2:0,3:1", await Group2());

        // Those in billing with penalty 1 (6, 8, 10) move to sales with penalty 2.
        await admin.SendAsync(Cmd("moveAgentsInGroup", "\"groupId\":2,\"fromQueueId\":3,\"fromPenalty\":1,\"toQueueId\":1,\"toPenalty\":2"));
        Assert.Equal([Member(6, 1, 2), Member(6, 3, -1), Member(8, 1, 2), Member(8, 3, -1), Member(10, 1, 2), Member(10, 3, -1)], await Next(admin, 6));
        Assert.Equal([Remove("billing", "PJSIP/1006"), Add("sales", "PJSIP/1006", 2, 6, "1006")], sim.Observed.Take());
        Assert.Equal("2:0,1:2 2:0,3:2 2:0,1:2 2:0,3:2 2:0,1:2", await Group2());
        Assert.Contains("PJSIP/1006:2", PbxMembers(sim, "sales"));

        // Those in support with penalty 0 (all) are also put in billing with penalty 4 (7 and 9: a new penalty).
        await admin.SendAsync(Cmd("addAgentsInGroup", "\"groupId\":2,\"fromQueueId\":2,\"fromPenalty\":0,\"toQueueId\":3,\"toPenalty\":4"));
        Assert.Equal([Member(6, 3, 4), Member(7, 3, 4), Member(8, 3, 4), Member(9, 3, 4), Member(10, 3, 4)], await Next(admin, 5));
        Assert.Equal([Add("billing", "PJSIP/1006", 4, 6, "1006")], sim.Observed.Take());
        Assert.Equal("2:0,1:2,3:4 2:0,3:4 2:0,1:2,3:4 2:0,3:4 2:0,1:2,3:4", await Group2());

        // Those in billing with penalty 4 (all) leave it.
        await admin.SendAsync(Cmd("removeAgentGroupFromQueueGroup", "\"groupId\":2,\"queueId\":3,\"penalty\":4"));
        Assert.Equal([Member(6, 3, -1), Member(7, 3, -1), Member(8, 3, -1), Member(9, 3, -1), Member(10, 3, -1)], await Next(admin, 5));
        Assert.Equal([Remove("billing", "PJSIP/1006")], sim.Observed.Take());
        Assert.DoesNotContain("1006", PbxMembers(sim, "billing"));

        // Those not in sales (7, 9) join it with penalty 7.
        await admin.SendAsync(Cmd("addAgentsNotInQueueFromGroupTo", "\"groupId\":2,\"queueId\":1,\"penalty\":7"));
        Assert.Equal([Member(7, 1, 7), Member(9, 1, 7)], await Next(admin, 2));
        Assert.Empty(sim.Observed.Take());
        Assert.Equal("2:0,1:2 2:0,1:7 2:0,1:2 2:0,1:7 2:0,1:2", await Group2());

        // A group change: stored, no membership change, nothing to the PBX.
        await admin.SendAsync(Cmd("setAgentGroup", "\"agentId\":10,\"groupId\":1"));
        await Wait.Until(async () => ((Agent)(await server.App.Store.GetAsync(ConfigKinds.Agent, "10"))!).GroupId == 1, CtiClient.Patience, "agent 10 in group 1");
        Assert.Empty(sim.Observed.Take());
        await NothingMore(admin);
    }

    [Fact]
    public async Task Default_memberships_are_stored_read_back_and_applied_through_the_same_path_as_setAgentQueue()
    {
        await using var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        await using var admin = await Session(server, "admin", 6);
        await using var fleiter = await LoggedAgent(server, "fleiter", "1004"); // agent 4 (user 4): sales 0, billing 0
        await ListedAndWatched(admin, sim);

        const string fleiterDefault = """{"userId":4,"membership":[{"queueId":2,"penalty":1},{"queueId":3,"penalty":0}]}""";
        await admin.SendAsync(Cmd("setUserDefaultMembership", "\"userId\":4,\"membership\":[{\"queueId\":3,\"penalty\":0},{\"queueId\":2,\"penalty\":1}]"));
        Assert.Equal("{\"msgType\":\"UserQueueDefaultMembership\",\"ctiMessage\":" + fleiterDefault + "}", await Next(admin));
        await fleiter.SendAsync(Cmd("getUserDefaultMembership", "\"userId\":4"));
        Assert.Equal("{\"msgType\":\"UserQueueDefaultMembership\",\"ctiMessage\":" + fleiterDefault + "}", await fleiter.ReceiveOtherThanAsync("AgentStateEvent"));
        await admin.SendAsync(Cmd("setUsersDefaultMembership", "\"userIds\":[5,3],\"membership\":[{\"queueId\":1,\"penalty\":6}]"));
        Assert.Equal("""{"msgType":"UsersQueueDefaultMembership","ctiMessage":[{"userId":5,"membership":[{"queueId":1,"penalty":6}]},{"userId":3,"membership":[{"queueId":1,"penalty":6}]}]}""",
            await Next(admin));
        await admin.SendAsync(Cmd("getUserDefaultMembership", "\"userId\":12"));
        Assert.Equal("""{"msgType":"UserQueueDefaultMembership","ctiMessage":{"userId":12,"membership":[]}}""", await Next(admin));
        Assert.Empty(sim.Observed.Take());
        Assert.Equal("1:0,3:0", await Queues(server, 4));

        // Applied: agent 4 (logged in) leaves sales, joins support; agent 3 (not logged) gets sales 6 in the configuration only.
        await admin.SendAsync(Cmd("applyUsersDefaultMembership", "\"userIds\":[4,3]"));
        Assert.Equal([Member(4, 2, 1), Member(4, 1, -1), Member(3, 1, 6), Member(3, 3, -1)], await Next(admin, 4));
        Assert.Equal([Remove("sales", "PJSIP/1004"), Add("support", "Local/1004@agents/n", 1, 4, "1004")], sim.Observed.Take());
        Assert.Equal(("2:1,3:0", "1:6"), (await Queues(server, 4), await Queues(server, 3)));
        Assert.DoesNotContain("1004", PbxMembers(sim, "sales"));
        Assert.Contains("Local/1004@agents/n:1", PbxMembers(sim, "support"));
        Assert.Equal([new QueueMembership(2, 1), new QueueMembership(3, 0)], (await server.App.Store.DefaultMembershipsAsync([4]))[4]);

        // Applied again: already there, nothing changes.
        await admin.SendAsync(Cmd("applyUsersDefaultMembership", "\"userIds\":[4]"));
        await NothingMore(admin);
        Assert.Empty(sim.Observed.Take());
    }

    [Fact]
    public async Task A_pbx_refusal_undoes_what_the_pbx_took_stores_nothing_and_pushes_no_QueueMember()
    {
        await using var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        // A queue the configuration has and the PBX does not: QueueAdd is refused with app_queue's words.
        await server.App.Store.UpsertAsync(ConfigKinds.Queue, new Xuc.Actors.Configuration.Model.Queue { Id = 20, Name = "nightshift", DisplayName = "Night", Number = "3020" });
        await using var admin = await Session(server, "admin", 6);
        await using var money = await LoggedAgent(server, "mmoneypenny", "1002"); // agent 2: sales 0, billing 0
        await ListedAndWatched(admin, sim);

        // A move: out of billing (taken), into nightshift (refused), so back into billing with his penalty.
        await admin.SendAsync(Cmd("moveAgentsInGroup", "\"groupId\":1,\"fromQueueId\":3,\"fromPenalty\":0,\"toQueueId\":20,\"toPenalty\":1"));
        // Agent 4 (same group, billing 0, not logged in) is moved in the configuration alone; his frames and the
        // command's Error travel different ways (the change's topic, the command's answer), so their order is not fixed.
        var frames = await Next(admin, 3);
        var refusal = Error("PbxRefused", "moveAgentsInGroup: agent 2: the PBX refused QueueAdd: Unable to add interface to queue: No such queue");
        Assert.Equal([Member(4, 20, 1), Member(4, 3, -1)], frames.Where(f => f != refusal));
        Assert.Single(frames, refusal);
        Assert.Equal([Remove("billing", "PJSIP/1002"), Add("nightshift", "PJSIP/1002", 1, 2, "1002"), Add("billing", "PJSIP/1002", 0, 2, "1002")], sim.Observed.Take());
        Assert.Equal(("1:0,3:0", "1:0,20:1"), (await Queues(server, 2), await Queues(server, 4)));
        Assert.Contains("PJSIP/1002:0", PbxMembers(sim, "billing"));
        await NothingMore(admin);
    }
}
