using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;
using static Xuc.Tests.Support.FrameWatch;

namespace Xuc.Tests.Host;

/// <summary>
/// A Supervisor limited to queue A (1, sales) and group 1 watches a run that exercises queue B (2, support) and group 2
/// as much as A and group 1: every frame she receives is recorded up to a positive end marker, none may be about B,
/// billing (3) or group 2, and those about A and group 1 must all be there (docs/cti-websocket.md, "Lists and agent events").
/// </summary>
public sealed class SupervisorFilteringTests
{
    private const int QueueA = 1;
    private static readonly int[] GroupOneAgents = [1, 2, 3, 4, 5];
    private static readonly string[] GroupTwoWords = ["support", "3001", "Lynd", "Trevelyan", "Wade", "Grishenko", "Goodhead", "Vesper", "2006"];

    private static bool LogoutCounted(JObject f, int agent) => FrameWatch.AgentStatSet(f, agent, "LogoutDateTime");

    [Fact]
    public async Task A_supervisor_limited_to_queue_A_and_group_1_never_receives_one_message_about_queue_B_or_group_2_during_a_run_that_exercises_both()
    {
        await using var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        var api = new AdminApi(server);
        // alice: queue 1 and group 1 only; agent 1 (group 1) answers sales only, agent 6 (group 2) support only.
        await api.ChangeAsync("rightprofile", 2, p => { p["queueIds"] = new JArray(QueueA); p["groupIds"] = new JArray(1); });
        await api.ChangeAsync("agent", 1, a => a["defaultQueues"] = JArray.FromObject(new[] { new { queueId = 1, penalty = 0 } }));
        await api.ChangeAsync("agent", 6, a => a["defaultQueues"] = JArray.FromObject(new[] { new { queueId = 2, penalty = 0 } }));
        sim.Model.SetEndpointBehaviour("1001", EndpointBehaviour.Manual);
        sim.Model.SetEndpointBehaviour("1006", EndpointBehaviour.Manual);

        await using var admin = await CtiClient.LoginAsync(server, "admin", "admin");
        await admin.ReceiveConnectSequenceAsync(server, "admin", 6);
        foreach (var c in new[]
                 {
                     Command("subscribeToQueueStats"), Command("subscribeToAgentEvents"), Command("getList", new { objectType = "queue" }), Command("getList", new { objectType = "agent" }),
                     Command("getList", new { objectType = "queuemember" }), Command("subscribeToAgentStats"),
                 })
            await admin.SendAsync(c);

        // Everything alice receives from her first frame is kept and checked at the end.
        await using var alice = await CtiClient.LoginAsync(server, "alice", "alice");
        foreach (var c in new[]
                 {
                     Command("getList", new { objectType = "queue" }), Command("getList", new { objectType = "agent" }), Command("getList", new { objectType = "agentgroup" }),
                     Command("getConfig", new { objectType = "queue", objectId = QueueA }), Command("subscribeToQueueStats"),
                     Command("subscribeToQueueCalls", new { queueId = QueueA }), Command("subscribeToAgentEvents"), Command("getAgentStates"),
                     Command("getAgentDirectory"), Command("getQueueStatistics", new { queueId = QueueA, window = 3600 }),
                     Command("getList", new { objectType = "queuemember" }), Command("subscribeToAgentStats"),
                 })
            await alice.SendAsync(c);

        await using var jbond = await CtiClient.LoginAsync(server, "jbond", "jbond");   // agent 1, group 1
        await using var vlynd = await CtiClient.LoginAsync(server, "vlynd", "vlynd");   // agent 6, group 2
        await jbond.SendAsync(Command("agentLogin", new { agentphonenumber = "1001" }));
        await vlynd.SendAsync(Command("agentLogin", new { agentphonenumber = "1006" }));
        await UntilAsync(admin,
            ("agent 1 ready", f => AgentIs(f, 1, "AgentReady")),
            ("agent 6 ready", f => AgentIs(f, 6, "AgentReady")));

        // A call into each queue, rung, answered, hung up; then a configuration change of each side.
        var a = sim.Model.ExternalCall("0600000001", "3000", "Caller A");
        var b = sim.Model.ExternalCall("0600000002", "3001", "Caller B");
        await UntilAsync(admin,
            ("agent 1 ringing", f => AgentIs(f, 1, "AgentRinging")),
            ("agent 6 ringing", f => AgentIs(f, 6, "AgentRinging")));
        sim.Model.Answer("1001");
        sim.Model.Answer("1006");
        await UntilAsync(admin,
            ("agent 1 on call", f => AgentIs(f, 1, "AgentOnCall")),
            ("agent 6 on call", f => AgentIs(f, 6, "AgentOnCall")),
            ("queue 1 answered", f => Counter(f, 1, "TotalNumberCallsAnswered", 1)),
            ("queue 2 answered", f => Counter(f, 2, "TotalNumberCallsAnswered", 1)));
        sim.Model.Hangup(a);
        sim.Model.Hangup(b);
        await UntilAsync(admin,
            ("agent 1 in wrap-up", f => AgentIs(f, 1, "AgentOnWrapup")),
            ("agent 6 in wrap-up", f => AgentIs(f, 6, "AgentOnWrapup")));
        // A membership change on each side (penalties of the logged agents: QueuePenalty on the PBX, QueueMember pushed).
        await admin.SendAsync(Command("setAgentQueue", new { agentId = 6, queueId = 2, penalty = 4 }));
        await admin.SendAsync(Command("setAgentQueue", new { agentId = 1, queueId = QueueA, penalty = 2 }));
        await UntilAsync(admin,
            ("agent 6's new penalty", f => Is(f, "QueueMember") && (int)f["ctiMessage"]!["agentId"]! == 6 && (int)f["ctiMessage"]!["penalty"]! == 4),
            ("agent 1's new penalty", f => Is(f, "QueueMember") && (int)f["ctiMessage"]!["agentId"]! == 1 && (int)f["ctiMessage"]!["penalty"]! == 2));
        await api.ChangeAsync("queue", 2, q => q["displayName"] = "Support B");
        await api.ChangeAsync("agent", 6, x => x["lastName"] = "Lynd B");
        await api.ChangeAsync("queue", 1, q => q["displayName"] = "Sales A");
        await api.ChangeAsync("agent", 1, x => x["lastName"] = "Bond A");
        await UntilAsync(admin,
            ("queue 2's change", f => Is(f, "QueueConfig") && (int)f["ctiMessage"]!["id"]! == 2),
            ("agent 6's change", f => Is(f, "AgentConfig") && (int)f["ctiMessage"]!["id"]! == 6),
            ("agent 1's change", f => Is(f, "AgentConfig") && (int)f["ctiMessage"]!["id"]! == 1));

        // The end marker: every node feed has handled what B and group 2 did (the admin got it from the same feeds);
        // agent 1's logout, then a Pong, close alice's record.
        await jbond.SendAsync(Command("agentLogout"));
        var frames = new List<JObject>();
        var (wrapUp, loggedOut, logoutCounted) = (false, false, false);
        while (!(loggedOut && logoutCounted))
        {
            var f = await alice.ReceiveJsonAsync();
            frames.Add(f);
            wrapUp |= AgentIs(f, 1, "AgentOnWrapup");
            loggedOut |= wrapUp && AgentIs(f, 1, "AgentLoggedOut");
            // His statistics say it too, through their own aggregator (after its journal write): either may come first.
            logoutCounted |= LogoutCounted(f, 1);
        }
        await alice.SendAsync("""{"claz":"ping"}""");
        while (true)
        {
            var f = await alice.ReceiveJsonAsync();
            frames.Add(f);
            if (Is(f, "Pong")) break;
        }

        // Nothing about queue B (nor billing), group 2 or its agents, in any field or any text.
        foreach (var f in frames)
        {
            var text = f.ToString(Formatting.None);
            Assert.DoesNotContain(GroupTwoWords, w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("queueRef", text);
            foreach (var p in f.Descendants().OfType<JProperty>())
            {
                switch (p.Name)
                {
                    case "queueId": Assert.Equal(QueueA, (int)p.Value); break;
                    case "queues": Assert.All(p.Value.Values<int>(), q => Assert.Equal(QueueA, q)); break;
                    case "agentId" when (string?)f["msgType"] != "UserConfigUpdate": Assert.Contains((int)p.Value, GroupOneAgents); break; // hers: 0, none
                    case "groupId": Assert.Equal(1, (int)p.Value); break;
                }
            }
            var msgType = (string)f["msgType"]!;
            var payload = f["ctiMessage"]!;
            if (msgType is "QueueList") Assert.All(payload, q => Assert.Equal(QueueA, (int)q["id"]!));
            if (msgType is "QueueConfig") Assert.Equal(QueueA, (int)payload["id"]!);
            if (msgType is "AgentList") Assert.All(payload, x => Assert.Contains((int)x["id"]!, GroupOneAgents));
            if (msgType is "AgentConfig") Assert.Contains((int)payload["id"]!, GroupOneAgents);
            if (msgType is "AgentGroupList") Assert.All(payload, g => Assert.Equal(1, (int)g["id"]!));
            if (msgType is "AgentStatistics") Assert.Contains((int)payload["id"]!, GroupOneAgents);
            if (msgType is "AgentDirectory") Assert.All(payload["directory"]!, e => Assert.Contains((int)e["agent"]!["id"]!, GroupOneAgents));
        }

        // And what is about A and group 1 all came.
        List<JObject> Of(string msgType) => frames.Where(f => Is(f, msgType)).ToList();
        Assert.Equal([QueueA], Of("QueueList").Single()["ctiMessage"]!.Select(q => (int)q["id"]!));
        Assert.Equal(GroupOneAgents, Of("AgentList").Single()["ctiMessage"]!.Select(x => (int)x["id"]!));
        Assert.Equal([1], Of("AgentGroupList").Single()["ctiMessage"]!.Select(g => (int)g["id"]!));
        Assert.Equal(["Sales", "Sales A"], Of("QueueConfig").Select(q => (string)q["ctiMessage"]!["displayName"]!));
        Assert.Equal(["Bond A"], Of("AgentConfig").Select(x => (string)x["ctiMessage"]!["lastName"]!));
        Assert.Equal(GroupOneAgents, Of("AgentDirectory").Single()["ctiMessage"]!["directory"]!.Select(e => (int)e["agent"]!["id"]!));
        Assert.Equal(QueueA, (int)Of("GetQueueStatistics").Single()["ctiMessage"]!["queueId"]!);
        var fold = new QueueStatsFold();
        foreach (var s in Of("QueueStatistics")) fold.Apply((JObject)s["ctiMessage"]!);
        Assert.Equal([QueueA], fold.Queues.Keys);
        Assert.Equal((1, 1, 0), ((int)fold[QueueA]["TotalNumberCallsEntered"], (int)fold[QueueA]["TotalNumberCallsAnswered"], (int)fold[QueueA]["WaitingCalls"]));
        Assert.Equal([1, 0], Of("QueueCalls").Select(c => ((JArray)c["ctiMessage"]!["calls"]!).Count).Distinct().Order().Reverse());
        var agentOne = Of("AgentStateEvent").Where(f => (int)f["ctiMessage"]!["agentId"]! == 1).Select(f => (string)f["ctiMessage"]!["name"]!).ToList();
        // Agent 1's day in order (the first frames, his state when she subscribed and asked, may come before or after his login).
        Assert.Equal(["AgentRinging", "AgentOnCall", "AgentOnWrapup", "AgentLoggedOut"], agentOne.SkipWhile(n => n != "AgentRinging"));
        Assert.Contains("AgentReady", agentOne);
        // getAgentStates and the subscription's first frames: each agent of group 1 at least twice.
        Assert.All(GroupOneAgents, id => Assert.True(Of("AgentStateEvent").Count(f => (int)f["ctiMessage"]!["agentId"]! == id) >= 2, $"agent {id}"));
        // Her queue's members (agent 1, penalty 0 then 2) and her group's agents' statistics (agent 1's logout among them:
        // the record ends with it).
        Assert.Equal([(1, QueueA, 0), (2, QueueA, 0), (3, QueueA, 0), (4, QueueA, 0), (5, QueueA, 0)],
            Of("QueueMemberList").Single()["ctiMessage"]!.Select(m => ((int)m["agentId"]!, (int)m["queueId"]!, (int)m["penalty"]!)));
        Assert.Equal([(1, QueueA, 2)], Of("QueueMember").Select(m => ((int)m["ctiMessage"]!["agentId"]!, (int)m["ctiMessage"]!["queueId"]!, (int)m["ctiMessage"]!["penalty"]!)));
        Assert.Equal(GroupOneAgents, Of("AgentStatistics").Select(f => (int)f["ctiMessage"]!["id"]!).Distinct().Order());
        Assert.Equal("Pong", (string)frames[^1]["msgType"]!);
    }
}
