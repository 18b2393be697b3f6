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
using Xuc.Tests.Support;
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

    [Fact]
    public void A_burst_of_changes_within_the_interval_reaches_every_session_as_one_delta_with_the_newest_values_and_a_subscriber_joining_mid_burst_gets_what_was_sent_then_that_delta()
    {
        var clock = new SteppedClock();
        var directory = EntityConfigDirectory.From(new ConfigSnapshot { Queues = [new Queue { Id = 1, Name = "sales", Number = "3000" }] });
        var (queues, mediator, asker) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var (wall1, wall2, wall3) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var (outbox1, outbox2) = (CreateTestProbe(), CreateTestProbe());
        var sink1 = new FakeSessionSink(outbox1.Ref);
        var feed = Sys.ActorOf(QueueFeedsActor.PropsFor(queues.Ref, mediator.Ref, directory, new QueueStatsSettings { Coalesce = TimeSpan.FromMilliseconds(10) }, clock));
        // The feed has handled everything told before: it answers a getQueueStatistics of an unknown queue in order.
        void Handled()
        {
            feed.Tell(new AskQueueStatistics(asker.Ref, 99, 60, null));
            Assert.IsType<CtiError>(asker.ExpectMsg<FeedFrame>().Message);
        }

        // wall1 gave its outbox: the snapshot is written into it (after a quiet interval, at once).
        feed.Tell(new SubscribeQueueStats(wall1.Ref, null, sink1));
        feed.Tell(new SubscribeAck(mediator.ExpectMsg<Subscribe>()));
        Assert.Equal("sales", queues.ExpectMsg<GetQueueStats>().QueueId);
        queues.Reply(new QueueStatsSnapshot("sales", 100, Zeros()));
        var zeros = Text(new FeedFrame(outbox1.ExpectMsg<PreEncoded>()));
        Assert.StartsWith("{\"msgType\":\"QueueStatistics\",\"ctiMessage\":{\"queueId\":1,\"counters\":[{\"statName\":\"TotalNumberCallsEntered\",\"value\":0},", zeros);

        // Within the interval after that frame: three deltas, wall2 (an outbox) subscribing after the second, wall3 (none) after the third.
        feed.Tell(new QueueStatsChanged("sales", 101, [new(TotalNumberCallsEntered, 1), new(WaitingCalls, 1)]));
        feed.Tell(new QueueStatsChanged("sales", 102, [new(WaitingCalls, 2), new(LongestWaitingTime, 1)]));
        feed.Tell(new SubscribeQueueStats(wall2.Ref, null, new FakeSessionSink(outbox2.Ref)));
        feed.Tell(new QueueStatsChanged("sales", 103, [new(TotalNumberCallsEntered, 2), new(WaitingCalls, 1)]));
        feed.Tell(new SubscribeQueueStats(wall3.Ref));
        Handled();
        // The late subscribers got what the others were sent, the same counters; nobody has had a delta yet.
        Assert.Equal(zeros, Text(new FeedFrame(outbox2.ExpectMsg<PreEncoded>())));
        Assert.Equal(zeros, Text(wall3.ExpectMsg<FeedFrame>()));
        outbox1.ExpectNoMsg(TimeSpan.Zero);

        // The interval ends: one frame, the newest value of each counter that differs from what was sent, the same bytes for all.
        clock.Advance(TimeSpan.FromMilliseconds(10));
        var merged = outbox1.ExpectMsg<PreEncoded>();
        Assert.Equal("{\"msgType\":\"QueueStatistics\",\"ctiMessage\":{\"queueId\":1,\"counters\":[{\"statName\":\"TotalNumberCallsEntered\",\"value\":2},"
            + "{\"statName\":\"WaitingCalls\",\"value\":1},{\"statName\":\"LongestWaitingTime\",\"value\":1}]}}", Text(new FeedFrame(merged)));
        Assert.Same(merged, outbox2.ExpectMsg<PreEncoded>());
        Assert.Same(merged, wall3.ExpectMsg<FeedFrame>().Message);
        Handled();
        foreach (var probe in new[] { outbox1, outbox2, wall1, wall2, wall3 }) probe.ExpectNoMsg(TimeSpan.Zero);

        // A full outbox: the session is told (it closes itself); the others still get the frame.
        sink1.Accepting = false;
        feed.Tell(new QueueStatsChanged("sales", 104, [new(WaitingCalls, 0), new(LongestWaitingTime, 0)]));
        Handled();
        clock.Advance(TimeSpan.FromMilliseconds(10));
        wall1.ExpectMsg<FeedOutboxFull>();
        Assert.Contains("{\"statName\":\"WaitingCalls\",\"value\":0}", Text(new FeedFrame(outbox2.ExpectMsg<PreEncoded>())));
        outbox1.ExpectNoMsg(TimeSpan.Zero);
    }
}
