using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Rights;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Agents;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Statistics;
using static Xuc.Actors.Statistics.AgentCounters;

namespace Xuc.Tests.Statistics;

/// <summary>The node's agent statistics feed driven directly: probes for the agent region, the mediator and three sessions.</summary>
public sealed class AgentStatsFeedActorTests() : TestKit("akka.loglevel = WARNING")
{
    private static readonly EntityConfigDirectory Directory = EntityConfigDirectory.From(new ConfigSnapshot
    {
        Agents = [new Agent { Id = 1, Number = "2001", GroupId = 1 }, new Agent { Id = 6, Number = "2006", GroupId = 2 }],
    });

    private static AgentStat[] Zeros() => [.. Of(AgentStatsState.Empty, DateTimeOffset.UnixEpoch, new LocalDays(TimeZoneInfo.Utc))];

    private static string Text(FeedFrame frame) => System.Text.Encoding.UTF8.GetString(Assert.IsType<PreEncoded>(frame.Message).Utf8);

    [Fact]
    public void Each_change_is_encoded_once_for_the_sessions_that_may_see_the_agent_a_supervisor_his_groups_a_plain_user_his_own()
    {
        var agents = CreateTestProbe();
        var mediator = CreateTestProbe();
        var (admin, supervisor, user) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var feed = Sys.ActorOf(AgentStatsFeedActor.PropsFor(agents.Ref, mediator.Ref, Directory));

        feed.Tell(new SubscribeAgentStats(admin.Ref, Visibility.Everything));
        var subscribe = mediator.ExpectMsg<Subscribe>();
        Assert.Equal(Topics.AgentStats, subscribe.Topic);
        feed.Tell(new SubscribeAck(subscribe));
        foreach (var id in new[] { "1", "6" })
        {
            Assert.Equal(id, agents.ExpectMsg<GetAgentStats>().AgentId);
            agents.Reply(new AgentStatsSnapshot(id, 100, Zeros()));
        }
        // Both agents are asked at once; their answers come back in either order.
        var first = new[] { admin.ExpectMsg<FeedFrame>(), admin.ExpectMsg<FeedFrame>() }.Select(Text)
            .OrderBy(t => t.Contains("\"id\":6,", StringComparison.Ordinal)).ToList();
        Assert.Equal("{\"msgType\":\"AgentStatistics\",\"ctiMessage\":{\"id\":1,\"statistics\":[{\"name\":\"AgentPausedTotalTime\",\"value\":0},"
            + "{\"name\":\"AgentWrapupTotalTime\",\"value\":0},{\"name\":\"AgentReadyTotalTime\",\"value\":0},{\"name\":\"LoginDateTime\",\"value\":\"\"},"
            + "{\"name\":\"LogoutDateTime\",\"value\":\"\"},{\"name\":\"InbCalls\",\"value\":0},{\"name\":\"InbAnsCalls\",\"value\":0},"
            + "{\"name\":\"InbAverCallTime\",\"value\":0},{\"name\":\"OutCalls\",\"value\":0}]}}", first[0]);
        Assert.StartsWith("{\"msgType\":\"AgentStatistics\",\"ctiMessage\":{\"id\":6,", first[1]);

        // A supervisor of group 1 joins: agent 1 (only) is read again, up to now (his ready time grew meanwhile); the
        // admin hears the change, the supervisor gets agent 1's whole statistics with it. A plain user whose agent is 6
        // joins the same way with agent 6's.
        feed.Tell(new SubscribeAgentStats(supervisor.Ref, new Visibility(ProfileKind.Supervisor, new HashSet<int>(), new HashSet<int> { 1 }, null)));
        Assert.Equal("1", agents.ExpectMsg<GetAgentStats>().AgentId);
        agents.Reply(new AgentStatsSnapshot("1", 100, Zeros().Select(z => z.Name == AgentReadyTotalTime ? z with { Number = 12 } : z).ToArray()));
        Assert.Equal("{\"msgType\":\"AgentStatistics\",\"ctiMessage\":{\"id\":1,\"statistics\":[{\"name\":\"AgentReadyTotalTime\",\"value\":12}]}}",
            Text(admin.ExpectMsg<FeedFrame>()));
        Assert.Equal(first[0].Replace("\"AgentReadyTotalTime\",\"value\":0", "\"AgentReadyTotalTime\",\"value\":12"), Text(supervisor.ExpectMsg<FeedFrame>()));
        feed.Tell(new SubscribeAgentStats(user.Ref, new Visibility(ProfileKind.NoRight, new HashSet<int>(), new HashSet<int>(), 6)));
        Assert.Equal("6", agents.ExpectMsg<GetAgentStats>().AgentId);
        agents.Reply(new AgentStatsSnapshot("6", 100, Zeros()));
        Assert.Equal(first[1], Text(user.ExpectMsg<FeedFrame>()));
        mediator.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        agents.ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        // Agent 1 changes: one encoding, the same bytes to the admin and the supervisor; agent 6: the admin and the user.
        feed.Tell(new AgentStatsChanged("1", 101, [new(AgentReadyTotalTime, 30L)]));
        var (a, s) = (admin.ExpectMsg<FeedFrame>(), supervisor.ExpectMsg<FeedFrame>());
        Assert.Same(((PreEncoded)a.Message).Utf8, ((PreEncoded)s.Message).Utf8);
        Assert.Equal("{\"msgType\":\"AgentStatistics\",\"ctiMessage\":{\"id\":1,\"statistics\":[{\"name\":\"AgentReadyTotalTime\",\"value\":30}]}}", Text(a));
        feed.Tell(new AgentStatsChanged("6", 101, [AgentStat.Of(LoginDateTime, "2026-03-10T10:00:00.000+02:00")]));
        var (a6, u6) = (admin.ExpectMsg<FeedFrame>(), user.ExpectMsg<FeedFrame>());
        Assert.Same(((PreEncoded)a6.Message).Utf8, ((PreEncoded)u6.Message).Utf8);
        Assert.Equal("{\"msgType\":\"AgentStatistics\",\"ctiMessage\":{\"id\":6,\"statistics\":[{\"name\":\"LoginDateTime\",\"value\":\"2026-03-10T10:00:00.000+02:00\"}]}}", Text(u6));
        // Each got exactly its own: the next frame of the supervisor is agent 1's, of the user agent 6's.
        feed.Tell(new AgentStatsChanged("1", 102, [new(AgentReadyTotalTime, 31L)]));
        feed.Tell(new AgentStatsChanged("6", 102, [new(AgentReadyTotalTime, 5L)]));
        Assert.Contains("\"id\":1,", Text(supervisor.ExpectMsg<FeedFrame>()));
        Assert.Contains("\"id\":6,", Text(user.ExpectMsg<FeedFrame>()));
        admin.ReceiveN(2);

        // Delta 104 of agent 1 after 102: a gap; the snapshot is asked again and only what differs from what was sent goes out.
        feed.Tell(new AgentStatsChanged("1", 104, [new(AgentReadyTotalTime, 40L)]));
        Assert.Equal("1", agents.ExpectMsg<GetAgentStats>().AgentId);
        agents.Reply(new AgentStatsSnapshot("1", 104, Zeros().Select(z => z.Name switch
        {
            AgentReadyTotalTime => z with { Number = 40 },
            InbCalls => z with { Number = 1 },
            _ => z,
        }).ToArray()));
        Assert.Equal("{\"msgType\":\"AgentStatistics\",\"ctiMessage\":{\"id\":1,\"statistics\":[{\"name\":\"AgentReadyTotalTime\",\"value\":40},"
            + "{\"name\":\"InbCalls\",\"value\":1}]}}", Text(supervisor.ExpectMsg<FeedFrame>()));

        // When the last session is gone, the node stops following the statistics.
        foreach (var p in new[] { admin, supervisor, user }) Sys.Stop(p.Ref);
        Assert.Equal(Topics.AgentStats, mediator.ExpectMsg<Unsubscribe>().Topic);
    }
}
