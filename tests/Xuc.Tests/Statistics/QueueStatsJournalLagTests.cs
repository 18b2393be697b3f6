using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Statistics;
using static Xuc.Actors.Statistics.QueueCounters;

namespace Xuc.Tests.Statistics;

/// <summary>An in-memory journal whose writes wait until the test opens <see cref="Gate"/> (a slow disk, held).</summary>
public sealed class HeldJournal : MemoryJournal
{
    public static TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        await Gate.Task;
        return await base.WriteMessagesAsync(messages, cancellationToken);
    }
}

/// <summary>
/// The aggregator publishes a counter without waiting for its journal write (the stats benchmark measured ~120 ms
/// p50 event → frame while every change waited for SQLite's commit), and what it published is what the journal
/// holds once the write is done.
/// </summary>
public sealed class QueueStatsJournalLagTests() : TestKit(@"
akka.loglevel = WARNING
akka.persistence.journal.plugin = ""akka.persistence.journal.held""
akka.persistence.journal.held.class = ""Xuc.Tests.Statistics.HeldJournal, Xuc.Tests""
akka.persistence.journal.held.plugin-dispatcher = ""akka.actor.default-dispatcher""
akka.persistence.snapshot-store.plugin = ""akka.persistence.snapshot-store.inmem""
")
{
    [Fact]
    public void A_callers_join_is_published_while_its_journal_write_is_still_under_way_and_survives_a_restart_once_written()
    {
        HeldJournal.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = new QueueStatsSettings { Refresh = TimeSpan.Zero };
        var mediator = CreateTestProbe();
        var stats = Sys.ActorOf(QueueStatsActor.PropsFor("sales", settings, TimeProvider.System, mediator.Ref));
        var join = AmiEventData.Of("QueueCallerJoin", ("Queue", "sales"), ("Uniqueid", "1.1"), ("Position", "1"));
        stats.Tell(new QueueStatsInput(join, false, QueueState.Empty("sales").Apply(join, DateTimeOffset.UtcNow)));

        // The journal has not written the fact: the change is on the wallboards' topic all the same.
        var changed = Assert.IsType<QueueStatsChanged>(mediator.ExpectMsg<Publish>(TimeSpan.FromSeconds(5)).Message);
        Assert.Equal([new(TotalNumberCallsEntered, 1), new(WaitingCalls, 1)], changed.Counters);

        HeldJournal.Gate.SetResult();
        AwaitAssert(() =>
        {
            var restarted = Sys.ActorOf(QueueStatsActor.PropsFor("sales", settings, TimeProvider.System, CreateTestProbe().Ref));
            restarted.Tell(new GetQueueStats("sales"), TestActor);
            var snapshot = ExpectMsg<QueueStatsSnapshot>();
            Sys.Stop(restarted);
            Assert.Contains(new QueueStat(TotalNumberCallsEntered, 1), snapshot.Counters);
        }, TimeSpan.FromSeconds(5));
    }
}
