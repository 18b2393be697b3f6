using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.PubSub;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;
using static Xuc.Tests.Support.FrameWatch;

namespace Xuc.Tests.Cluster;

/// <summary>
/// Two whole servers in one cluster over one database, the PBX behind node A (its AMI singleton): a supervisor whose
/// socket is on node B follows an agent who logs in and takes a queue call through node A — agent states, agent
/// statistics, queue statistics and queue members all cross the cluster — and moves him to another queue from B, which
/// reaches A's PBX through the AMI singleton's proxy.
/// </summary>
public sealed class TwoNodeSupervisionTests
{
    private static string PbxMembers(TestServer server, string queue) =>
        string.Join(",", server.App.Simulator!.Model.Queues.Single(q => q.Name == queue).Members.OrderBy(m => m.Interface).Select(m => $"{m.Interface}:{m.Penalty}"));

    private static bool Member(JObject f, int agent, int queue, int penalty) => Is(f, "QueueMember")
        && (int)f["ctiMessage"]!["agentId"]! == agent && (int)f["ctiMessage"]!["queueId"]! == queue && (int)f["ctiMessage"]!["penalty"]! == penalty;

    [Fact]
    public async Task A_supervisor_on_node_B_follows_and_moves_an_agent_working_through_node_A()
    {
        var (a, b) = await ServerPair.StartAsync();
        await using var _a = a;
        await using var _b = b;
        var sim = a.App.Simulator!;
        sim.Model.SetEndpointBehaviour("1001", EndpointBehaviour.Manual);

        // alice (Supervisor of queues 1 and 2, group 1) on node B subscribes to everything a wallboard shows.
        await using var alice = await CtiClient.LoginAsync(b, "alice", "alice");
        foreach (var c in new[] { "subscribeToAgentEvents", "subscribeToQueueStats", "subscribeToAgentStats" })
            await alice.SendAsync(Command(c));
        await alice.SendAsync(Command("getList", new { objectType = "queuemember" }));
        await UntilAsync(alice,
            ("queue 1's statistics snapshot", f => Counter(f, 1, "LoggedAgents", 0)),
            ("agent 1's statistics snapshot", f => Is(f, "AgentStatistics") && (int)f["ctiMessage"]!["id"]! == 1),
            ("the queue member list", f => Is(f, "QueueMemberList")));
        // B's feeds subscribed above; what entities on A publish reaches them once gossip told A.
        foreach (var topic in new[] { Topics.AllAgents, Topics.QueueStats, Topics.AgentStats, Topics.QueueMembers })
            await ClusterTopics.CrossesAsync(a, b, topic);

        // jbond (agent 1, line 1001, default queues sales and billing) logs in on node A, takes a sales call and ends it.
        await using var jbond = await CtiClient.LoginAsync(a, "jbond", "jbond");
        await jbond.SendAsync(Command("agentLogin", new { agentphonenumber = "1001" }));
        await UntilAsync(alice,
            ("agent 1 ready", f => AgentIs(f, 1, "AgentReady")),
            ("agent 1's login counted", f => AgentStatSet(f, 1, "LoginDateTime")),
            ("queue 1 has one agent logged", f => Counter(f, 1, "LoggedAgents", 1)));
        var call = sim.Model.ExternalCall("0600000001", "3000", "Caller A");
        await UntilAsync(alice,
            ("agent 1 ringing", f => AgentIs(f, 1, "AgentRinging")),
            ("queue 1 has the call waiting", f => Counter(f, 1, "WaitingCalls", 1)));
        sim.Model.Answer("1001");
        await UntilAsync(alice,
            ("agent 1 on call", f => AgentIs(f, 1, "AgentOnCall")),
            ("queue 1 answered it", f => Counter(f, 1, "TotalNumberCallsAnswered", 1)));
        sim.Model.Hangup(call);
        await UntilAsync(alice, ("agent 1 in wrap-up", f => AgentIs(f, 1, "AgentOnWrapup")));

        // From node B, alice adds him to support (queue 2) with penalty 3: the configuration, A's PBX and the pushed
        // QueueMember agree.
        Assert.DoesNotContain("PJSIP/1001", PbxMembers(a, "support"));
        await alice.SendAsync(Command("setAgentQueue", new { agentId = 1, queueId = 2, penalty = 3 }));
        await UntilAsync(alice, ("agent 1 in queue 2 at penalty 3", f => Member(f, 1, 2, 3)));
        await Wait.Until(() => Task.FromResult(PbxMembers(a, "support").Contains("Local/1001@agents/n:3")), CtiClient.Patience, "the PBX has agent 1 in support");
        var agent = (Agent)(await a.App.Store.GetAsync(ConfigKinds.Agent, "1"))!;
        Assert.Equal([new QueueMembership(1, 0), new QueueMembership(3, 1), new QueueMembership(2, 3)], agent.DefaultQueues);
    }
}
