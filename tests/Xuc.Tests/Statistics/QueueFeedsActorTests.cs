using Xuc.Actors.Sessions;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Queues;
using Xuc.Actors.Statistics;
using static Xuc.Actors.Statistics.QueueCounters;

namespace Xuc.Tests.Statistics;

/// <summary>The node's queue feed driven directly: probes for the queue region, the mediator and two sessions.</summary>
public sealed class QueueFeedsActorTests() : TestKit("akka.loglevel = WARNING")
{
    private static readonly EntityConfigDirectory Directory = EntityConfigDirectory.From(new ConfigSnapshot
    {
        Queues = [new Queue { Id = 1, Name = "sales", Number = "3000" }, new Queue { Id = 2, Name = "support", Number = "3001" }],
    });

    private static QueueStat[] Zeros() => [.. QueueCounters.Of(DayCounters.Zero, 0, null, default)];

    private static string Text(FeedFrame frame) => System.Text.Encoding.UTF8.GetString(Assert.IsType<PreEncoded>(frame.Message).Utf8);

    [Fact]
    public void Each_change_is_encoded_once_and_the_same_bytes_go_to_every_subscribed_session_and_a_gap_sends_only_what_differs()
    {
        var queues = CreateTestProbe();
        var mediator = CreateTestProbe();
        var (wall1, wall2) = (CreateTestProbe(), CreateTestProbe());
        var feed = Sys.ActorOf(QueueFeedsActor.PropsFor(queues.Ref, mediator.Ref, Directory, new QueueStatsSettings(), TimeProvider.System));

        feed.Tell(new SubscribeQueueStats(wall1.Ref));
        var subscribe = mediator.ExpectMsg<Subscribe>();
        Assert.Equal(Topics.QueueStats, subscribe.Topic);
        feed.Tell(new SubscribeAck(subscribe));
        // Every configured queue's snapshot is asked once the subscription is in place.
        foreach (var name in new[] { "sales", "support" })
        {
            Assert.Equal(name, queues.ExpectMsg<GetQueueStats>().QueueId);
            queues.Reply(new QueueStatsSnapshot(name, 100, Zeros()));
        }
        var first = new[] { wall1.ExpectMsg<FeedFrame>(), wall1.ExpectMsg<FeedFrame>() }.Select(Text).Order().ToList();
        Assert.StartsWith("{\"msgType\":\"QueueStatistics\",\"ctiMessage\":{\"queueId\":1,\"counters\":[{\"statName\":\"TotalNumberCallsEntered\",\"value\":0},", first[0]);
        Assert.StartsWith("{\"msgType\":\"QueueStatistics\",\"ctiMessage\":{\"queueId\":2,", first[1]);

        // A second session: the current counters of each queue at once, in queue order; no second topic subscription.
        feed.Tell(new SubscribeQueueStats(wall2.Ref));
        Assert.Equal(first, new[] { wall2.ExpectMsg<FeedFrame>(), wall2.ExpectMsg<FeedFrame>() }.Select(Text).ToList());
        mediator.ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        // One delta: one encoding, the very same bytes to both sessions.
        feed.Tell(new QueueStatsChanged("sales", 101, [new(TotalNumberCallsEntered, 1), new(WaitingCalls, 1)]));
        var (a, b) = (wall1.ExpectMsg<FeedFrame>(), wall2.ExpectMsg<FeedFrame>());
        Assert.Same(((PreEncoded)a.Message).Utf8, ((PreEncoded)b.Message).Utf8);
        Assert.Equal("{\"msgType\":\"QueueStatistics\",\"ctiMessage\":{\"queueId\":1,\"counters\":[{\"statName\":\"TotalNumberCallsEntered\",\"value\":1},"
            + "{\"statName\":\"WaitingCalls\",\"value\":1}]}}", Text(a));

        // Delta 102 lost: 103 shows a gap, the snapshot is asked again and only what differs from what was sent goes out.
        feed.Tell(new QueueStatsChanged("sales", 103, [new(WaitingCalls, 0)]));
        Assert.Equal("sales", queues.ExpectMsg<GetQueueStats>().QueueId);
        queues.Reply(new QueueStatsSnapshot("sales", 103, Zeros().Select(c => c.Name switch
        {
            TotalNumberCallsEntered => c with { Value = 1 },
            TotalNumberCallsAnswered => c with { Value = 1 },
            PercentageAnsweredBefore15 => c with { Value = 100 },
            _ => c,
        }).ToArray()));
        var (c1, c2) = (wall1.ExpectMsg<FeedFrame>(), wall2.ExpectMsg<FeedFrame>());
        Assert.Same(((PreEncoded)c1.Message).Utf8, ((PreEncoded)c2.Message).Utf8);
        Assert.Equal("{\"msgType\":\"QueueStatistics\",\"ctiMessage\":{\"queueId\":1,\"counters\":[{\"statName\":\"TotalNumberCallsAnswered\",\"value\":1},"
            + "{\"statName\":\"PercentageAnsweredBefore15\",\"value\":100.0},{\"statName\":\"WaitingCalls\",\"value\":0}]}}", Text(c1));

        // When the last session is gone, the node stops following the statistics.
        Sys.Stop(wall1.Ref);
        Sys.Stop(wall2.Ref);
        Assert.Equal(Topics.QueueStats, mediator.ExpectMsg<Unsubscribe>().Topic);
    }
}
