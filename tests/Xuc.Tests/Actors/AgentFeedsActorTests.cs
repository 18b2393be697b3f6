using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Agents;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Rights;

namespace Xuc.Tests.Actors;

/// <summary>The node's agent feed driven directly: probes for the agent region, the mediator and three sessions.</summary>
public sealed class AgentFeedsActorTests() : TestKit("akka.loglevel = WARNING")
{
    private static readonly EntityConfigDirectory Directory = EntityConfigDirectory.From(new ConfigSnapshot
    {
        Agents = [new Agent { Id = 1, GroupId = 1 }, new Agent { Id = 2, GroupId = 1 }, new Agent { Id = 6, GroupId = 2 }],
    });

    private static Visibility Supervisor(int? ownAgent, params int[] groups) => new(ProfileKind.Supervisor, new HashSet<int>(), groups.ToHashSet(), ownAgent);

    private static AgentState Ready(string id, DateTimeOffset since) =>
        AgentState.Empty(id).Apply(new AgentLoggedIn(id, "100" + id, "PJSIP/100" + id, since));

    [Fact]
    public void Each_change_is_encoded_once_for_every_session_that_may_see_the_agent_and_the_own_agent_is_left_to_his_topic()
    {
        var agents = CreateTestProbe();
        var mediator = CreateTestProbe();
        var (admin, sup1, sup2own) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var feed = Sys.ActorOf(AgentFeedsActor.PropsFor(agents.Ref, mediator.Ref, Directory));

        feed.Tell(new SubscribeAgentEvents(admin.Ref, Visibility.Everything));
        var subscribe = mediator.ExpectMsg<Subscribe>();
        Assert.Equal(Topics.AllAgents, subscribe.Topic);
        feed.Tell(new SubscribeAck(subscribe));
        // Every configured agent is read once the topic is followed; each answer goes to the admin.
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-1);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var id = agents.ExpectMsg<GetAgentState>().AgentId;
            agents.Reply(Ready(id, t0));
        }
        Assert.Equal(["1", "2", "6"], Enumerable.Range(0, 3).Select(_ => admin.ExpectMsg<FeedFrame>()).Select(f => Decode((PreEncoded)f.Message).AgentId.ToString()).Order());

        // Later subscribers: the states held, at once, as their profile allows (group 1; his own agent 2 left out).
        feed.Tell(new SubscribeAgentEvents(sup1.Ref, Supervisor(null, 1)));
        Assert.Equal([1, 2], new[] { sup1.ExpectMsg<FeedFrame>(), sup1.ExpectMsg<FeedFrame>() }.Select(f => ((AgentStateEvent)f.Message).AgentId));
        feed.Tell(new SubscribeAgentEvents(sup2own.Ref, Supervisor(2, 1)));
        Assert.Equal(1, ((AgentStateEvent)sup2own.ExpectMsg<FeedFrame>().Message).AgentId);

        // A change of agent 1 (group 1): one encoding, the same bytes to the three sessions.
        var paused = Ready("1", t0).Apply(new AgentPaused("1", "lunch", DateTimeOffset.UtcNow));
        feed.Tell(new AgentStateChanged(paused));
        var frames = new[] { admin, sup1, sup2own }.Select(p => (PreEncoded)p.ExpectMsg<FeedFrame>().Message).ToList();
        Assert.All(frames, f => Assert.Same(frames[0].Utf8, f.Utf8));
        Assert.Contains("\"name\":\"AgentOnPause\",\"agentId\":1", System.Text.Encoding.UTF8.GetString(frames[0].Utf8));
        // Agent 6 (group 2): the admin only; agent 2: not to the session whose own agent he is. An older state is dropped.
        feed.Tell(new AgentStateChanged(Ready("6", t0).Apply(new AgentPaused("6", null, DateTimeOffset.UtcNow))));
        feed.Tell(new AgentStateChanged(Ready("2", t0).Apply(new AgentPaused("2", null, DateTimeOffset.UtcNow))));
        feed.Tell(new AgentStateChanged(Ready("1", t0.AddSeconds(-5))));
        Assert.Equal([6, 2], new[] { admin.ExpectMsg<FeedFrame>(), admin.ExpectMsg<FeedFrame>() }.Select(f => Decode((PreEncoded)f.Message).AgentId));
        Assert.Equal(2, Decode((PreEncoded)sup1.ExpectMsg<FeedFrame>().Message).AgentId);
        sup1.ExpectNoMsg(TimeSpan.Zero);
        sup2own.ExpectNoMsg(TimeSpan.Zero);
    }

    private static AgentStateEvent Decode(PreEncoded p)
    {
        var o = Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(p.Utf8))["ctiMessage"]!;
        return new AgentStateEvent((string)o["name"]!, (int)o["agentId"]!, (string)o["phoneNb"]!, (long)o["since"]!, o["queues"]!.Values<int>().ToArray(), (string)o["cause"]!);
    }
}
