using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Persistence;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Statistics;

/// <summary>What a queue entity hands its aggregator after each change: the AMI event (if any), whether it was a resync, and its state after.</summary>
public sealed record QueueStatsInput(AmiEventData? Event, bool Reconciled, QueueState State);

/// <summary>
/// A queue's statistics aggregator: a child of the queue entity (so sharded with it), event-sourced on
/// Akka.Persistence.Sql so a restart does not zero the day. It folds the queue's calls into the day's counters
/// (<see cref="QueueStatsState"/>), takes the live counters (waiting callers, members) from the entity's state, and
/// publishes on <c>queue-stats</c> only the counters that changed (<see cref="QueueStatsChanged"/>), numbered, after
/// the snapshot it answers to <see cref="GetQueueStats"/>. It re-reads the clock every <c>xuc.statistics.refresh</c>
/// and at local midnight, when the day's counters start again from zero.
/// </summary>
public sealed class QueueStatsActor : ReceivePersistentActor, IWithTimers
{
    private const int SnapshotEvery = 200;
    private readonly string _queueId;
    private readonly QueueStatsRules _rules;
    private readonly TimeProvider _clock;
    private readonly IActorRef _mediator;
    private readonly Dictionary<string, double> _published = new(StringComparer.Ordinal);
    private QueueStatsState _state = QueueStatsState.Empty;
    private QueueState? _live;
    private long _seq = DateTime.UtcNow.Ticks;

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="mediator">Where the changes are published: the cluster's pub-sub mediator unless a test gives a probe.</param>
    public QueueStatsActor(string queueId, QueueStatsSettings settings, TimeProvider clock, IActorRef? mediator = null)
    {
        _queueId = queueId;
        _clock = clock;
        _rules = new QueueStatsRules(settings.ThresholdSeconds, clock.LocalTimeZone, settings.MaxWindow);
        _mediator = mediator ?? DistributedPubSub.Get(Context.System).Mediator;
        PersistenceId = "queue-stats-" + queueId;

        Recover<SnapshotOffer>(o => { if (o.Snapshot is QueueStatsMemento m) _state = QueueStatsState.From(m); });
        Recover<IQueueCallFact>(f => _state = _state.Apply(f, _rules));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var c in Counters()) _published[c.Name] = c.Value;
            StatsTicks.Start(Timers, settings.Refresh, _clock, _rules.Days);
        });

        Command<QueueStatsInput>(OnInput);
        Command<GetQueueStats>(_ =>
        {
            PublishChanges();
            Sender.Tell(new QueueStatsSnapshot(_queueId, _seq, Counters().Select(c => c with { Value = _published[c.Name] }).ToArray()));
        });
        Command<GetQueueStatsWindow>(q =>
            Sender.Tell(new QueueStatsWindow(_queueId, q.WindowSeconds, q.Xqos, _state.Window(_clock.GetUtcNow(), TimeSpan.FromSeconds(q.WindowSeconds), q.Xqos))));
        Command<StatsTicks.Refresh>(_ => PublishChanges());
        Command<StatsTicks.Midnight>(_ =>
        {
            PublishChanges();
            StatsTicks.ScheduleMidnight(Timers, _clock, _rules.Days);
        });
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    private void OnInput(QueueStatsInput input)
    {
        _live = input.State;
        var facts = QueueCallFacts.Of(_state, input, _clock.GetUtcNow());
        if (facts.Count == 0)
        {
            PublishChanges();
            return;
        }
        PersistAll(facts, fact =>
        {
            _state = _state.Apply(fact, _rules);
            if (LastSequenceNr % SnapshotEvery == 0) SaveSnapshot(_state.ToMemento());
        });
        DeferAsync(facts, _ => PublishChanges());
    }

    private IReadOnlyList<QueueStat> Counters()
    {
        var now = _clock.GetUtcNow();
        return QueueCounters.Of(_state.CountersOf(_rules.DayOf(now)), _state.HoldTime, _live, now);
    }

    /// <summary>Publishes the counters that differ from what was last published, if any, as one numbered delta.</summary>
    private void PublishChanges()
    {
        var changed = Counters().Where(c => !_published.TryGetValue(c.Name, out var v) || v != c.Value).ToArray();
        if (changed.Length == 0) return;
        foreach (var c in changed) _published[c.Name] = c.Value;
        _mediator.Tell(new Publish(Topics.QueueStats, new QueueStatsChanged(_queueId, ++_seq, changed)));
    }

    public static Props PropsFor(string queueId, QueueStatsSettings settings, TimeProvider clock, IActorRef? mediator = null)
        => Props.Create(() => new QueueStatsActor(queueId, settings, clock, mediator));
}
