using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Statistics;
using Xuc.Tests.Support;
using static Xuc.Actors.Statistics.QueueCounters;

namespace Xuc.Tests.Statistics;

/// <summary>
/// A queue's aggregator driven directly: in-memory journal, a probe for the pub-sub mediator, a clock moved by hand
/// in a +02:00 zone, and timers on a scheduler the test advances (no test waits for midnight).
/// </summary>
public sealed class QueueStatsActorTests() : TestKit(@"
akka.loglevel = WARNING
akka.scheduler.implementation = ""Akka.TestKit.TestScheduler, Akka.TestKit""
akka.persistence.journal.plugin = ""akka.persistence.journal.inmem""
akka.persistence.snapshot-store.plugin = ""akka.persistence.snapshot-store.inmem""
")
{
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("test+02", TimeSpan.FromHours(2), "test+02", "test+02");
    private static readonly QueueStatsSettings NoRefresh = new() { Refresh = TimeSpan.Zero };

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private static AmiEventData Event(string name, string uid, params (string, string)[] more)
        => AmiEventData.Of(name, [("Queue", "sales"), ("Uniqueid", uid), ("CallerIDNum", "0612345678"), ("CallerIDName", "Ann"), ("Position", "1"), .. more]);

    private static IReadOnlyList<QueueStat> Published(TestProbe mediator)
    {
        var publish = mediator.ExpectMsg<Publish>();
        Assert.Equal(Topics.QueueStats, publish.Topic);
        var changed = Assert.IsType<QueueStatsChanged>(publish.Message);
        Assert.Equal("sales", changed.QueueId);
        return changed.Counters;
    }

    [Fact]
    public void Counters_survive_a_restart_and_the_days_counters_go_back_to_zero_at_local_midnight()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 10, 23, 59, 30, TimeSpan.FromHours(2)), Plus2);
        var mediator = CreateTestProbe();
        var stats = Sys.ActorOf(QueueStatsActor.PropsFor("sales", NoRefresh, clock, mediator.Ref));

        var live = QueueState.Empty("sales");
        void Send(AmiEventData e)
        {
            live = live.Apply(e, clock.GetUtcNow());
            stats.Tell(new QueueStatsInput(e, false, live));
        }

        Send(Event("QueueCallerJoin", "1.1"));
        Assert.Equal([new(TotalNumberCallsEntered, 1), new(WaitingCalls, 1)], Published(mediator));
        clock.Advance(TimeSpan.FromSeconds(5));
        Send(Event("QueueCallerLeave", "1.1"));
        Assert.Equal([new QueueStat(WaitingCalls, 0)], Published(mediator));
        Send(Event("AgentConnect", "1.1", ("HoldTime", "5"), ("RingTime", "1")));
        Assert.Equal([new(TotalNumberCallsAnswered, 1), new(PercentageAnsweredBefore15, 100), new(EWT, 1)], Published(mediator));

        // Stopped and started again (a restart, or the shard moving): the day is read back from the journal.
        Watch(stats);
        Sys.Stop(stats);
        ExpectTerminated(stats);
        stats = Sys.ActorOf(QueueStatsActor.PropsFor("sales", NoRefresh, clock, mediator.Ref));
        stats.Tell(new GetQueueStats("sales"), TestActor);
        var snapshot = ExpectMsg<QueueStatsSnapshot>();
        Assert.Equal(
        [
            new(TotalNumberCallsEntered, 1), new(TotalNumberCallsAnswered, 1), new(PercentageAnsweredBefore15, 100), new(TotalNumberCallsAbandonned, 0),
            new(TotalNumberCallsAbandonnedAfter15, 0), new(PercentageAbandonnedAfter15, 0), new(WaitingCalls, 0), new(LongestWaitingTime, 0),
            new(EWT, 1), new(AvailableAgents, 0), new(TalkingAgents, 0), new(LoggedAgents, 0),
        ], snapshot.Counters);
        mediator.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // 23:59:35 local: the midnight timer is 25 s away. The clock passes midnight; the timer fires.
        clock.Advance(TimeSpan.FromSeconds(30));
        Scheduler.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal([new(TotalNumberCallsEntered, 0), new(TotalNumberCallsAnswered, 0), new(PercentageAnsweredBefore15, 0)], Published(mediator));

        // The hold time average is app_queue's, not a day counter; the next day counts from zero.
        stats.Tell(new GetQueueStatsWindow("sales", 3600, 15), TestActor);
        Assert.Equal(new DayCounters(1, 1, 1, 0, 0), ExpectMsg<QueueStatsWindow>().Calls);
    }

    [Fact]
    public void The_refresh_moves_the_longest_wait_and_a_resync_forgets_callers_gone_unseen()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(2)), Plus2);
        var mediator = CreateTestProbe();
        var stats = Sys.ActorOf(QueueStatsActor.PropsFor("sales", new QueueStatsSettings { Refresh = TimeSpan.FromSeconds(1) }, clock, mediator.Ref));
        var join = Event("QueueCallerJoin", "2.1");
        var live = QueueState.Empty("sales").Apply(join, clock.GetUtcNow());
        stats.Tell(new QueueStatsInput(join, false, live));
        Assert.Equal([new(TotalNumberCallsEntered, 1), new(WaitingCalls, 1)], Published(mediator));

        clock.Advance(TimeSpan.FromSeconds(7));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([new QueueStat(LongestWaitingTime, 7)], Published(mediator));
        // Nothing moved: nothing is published.
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        mediator.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // The link came back and the PBX no longer lists the caller: gone, neither answered nor abandoned.
        var after = live.Reconcile([], []);
        stats.Tell(new QueueStatsInput(null, true, after));
        Assert.Equal([new(WaitingCalls, 0), new(LongestWaitingTime, 0)], Published(mediator));
        // A QueueEntry of the same caller later (a PBX that still had him) enters him again only because he was forgotten.
        var entry = AmiEventData.Of("QueueEntry", ("Queue", "sales"), ("Position", "1"), ("Uniqueid", "2.1"), ("Wait", "30"));
        stats.Tell(new QueueStatsInput(entry, false, after.Apply(entry, clock.GetUtcNow())));
        Assert.Equal([new(TotalNumberCallsEntered, 2), new(WaitingCalls, 1), new(LongestWaitingTime, 30)], Published(mediator));
    }

    [Fact]
    public void The_journal_facts_and_the_snapshot_cross_the_serializer_the_SQL_journal_uses_unchanged()
    {
        var at = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(2));
        IQueueCallFact[] facts = [new QueueCallEntered("1.1", at), new QueueCallAnswered("1.1", at.AddSeconds(9), 9), new QueueCallAbandoned("1.2", at, 40),
            new QueueCallLeft("1.3", at)];
        var rules = new QueueStatsRules(15, Plus2, TimeSpan.FromHours(1));
        var memento = facts.Prepend(new QueueCallEntered("1.4", at)).Aggregate(QueueStatsState.Empty, (st, f) => st.Apply(f, rules)).ToMemento();

        foreach (var original in facts.Cast<object>().Append(memento))
        {
            var serializer = Sys.Serialization.FindSerializerFor(original);
            var back = serializer.FromBinary(serializer.ToBinary(original), original.GetType());
            if (original is QueueStatsMemento m)
            {
                var b = Assert.IsType<QueueStatsMemento>(back);
                Assert.Equal((m.Day, m.Counters, m.HoldTime), (b.Day, b.Counters, b.HoldTime));
                Assert.Equal(m.Waiting, b.Waiting);
                Assert.Equal(m.Recent, b.Recent);
            }
            else Assert.Equal(original, back);
        }
    }

    [Fact]
    public void What_crosses_nodes_survives_the_serializer_publications_are_bound_to()
    {
        // The production wiring binds IEntityPublication to "json", the serializer of plain objects here too.
        var json = Assert.IsType<Akka.Serialization.NewtonSoftJsonSerializer>(Sys.Serialization.FindSerializerForType(typeof(object)));
        T Back<T>(T original) => (T)json.FromBinary(json.ToBinary(original!), typeof(T));

        QueueStat[] counters = [new(TotalNumberCallsEntered, 3), new(PercentageAnsweredBefore15, 33.33)];
        var changed = Back(new QueueStatsChanged("sales", 7, counters));
        Assert.Equal(("sales", 7L), (changed.QueueId, changed.Seq));
        Assert.Equal(counters, changed.Counters);
        var snapshot = Back(new QueueStatsSnapshot("sales", 8, counters));
        Assert.Equal(counters, snapshot.Counters);
        Assert.Equal(new QueueStatsWindow("sales", 60, 10, new DayCounters(1, 2, 3, 4, 5)), Back(new QueueStatsWindow("sales", 60, 10, new DayCounters(1, 2, 3, 4, 5))));
        Assert.Equal(new GetQueueStatsWindow("sales", 60, 10), Back(new GetQueueStatsWindow("sales", 60, 10)));
    }
}
