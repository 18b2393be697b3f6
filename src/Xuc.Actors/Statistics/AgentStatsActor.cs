using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Persistence;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Statistics;

/// <summary>What an agent entity hands its aggregator after each change of his state (and once after it recovered), and when.</summary>
public sealed record AgentStatsInput(AgentState State, DateTimeOffset At);

/// <summary>
/// An agent's statistics aggregator: a child of the agent entity (so sharded with it), event-sourced on
/// Akka.Persistence.Sql so a restart does not zero the day. It turns the entity's state changes (derived from the
/// PBX by <see cref="AgentDerivation"/> and <see cref="AgentState"/>) into facts (<see cref="AgentCounters.FactsOf"/>),
/// folds them into the day (<see cref="AgentStatsState"/>) and publishes on <c>agent-stats</c> only the statistics that
/// changed (<see cref="AgentStatsChanged"/>), numbered, after the snapshot it answers to <see cref="GetAgentStats"/>.
/// The status in progress is counted up to now on every read and publication; a publication happens on every change
/// of status, every <c>xuc.statistics.agent-refresh</c> while a status lasts, and at local midnight.
/// </summary>
public sealed class AgentStatsActor : ReceivePersistentActor, IWithTimers
{
    private const int SnapshotEvery = 200;
    private readonly string _agentId;
    private readonly TimeProvider _clock;
    private readonly LocalDays _days;
    private readonly IActorRef _mediator;
    private readonly Dictionary<string, AgentStat> _published = new(StringComparer.Ordinal);
    private AgentStatsState _state = AgentStatsState.Empty;
    /// <summary>The entity's state last seen (not persisted: after a start, nothing it showed is counted twice).</summary>
    private AgentState? _seen;
    private long _seq = DateTime.UtcNow.Ticks;
    private DateTimeOffset _publishedAt = DateTimeOffset.MinValue;

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="mediator">Where the changes are published: the cluster's pub-sub mediator unless a test gives a probe.</param>
    public AgentStatsActor(string agentId, AgentStatsSettings settings, TimeProvider clock, IActorRef? mediator = null)
    {
        _agentId = agentId;
        _clock = clock;
        _days = new LocalDays(clock.LocalTimeZone);
        _mediator = mediator ?? DistributedPubSub.Get(Context.System).Mediator;
        PersistenceId = "agent-stats-" + agentId;

        Recover<SnapshotOffer>(o => { if (o.Snapshot is AgentStatsState s) _state = s; });
        Recover<IAgentStatsFact>(f => _state = _state.Apply(f, _days));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var s in Stats()) _published[s.Name] = s;
            StatsTicks.Start(Timers, settings.Refresh, _clock, _days);
        });

        Command<AgentStatsInput>(OnInput);
        Command<GetAgentStats>(_ =>
        {
            PublishChanges();
            Sender.Tell(new AgentStatsSnapshot(_agentId, _seq, Stats().Select(s => _published[s.Name]).ToArray()));
        });
        Command<StatsTicks.Refresh>(_ => PublishChanges());
        Command<StatsTicks.Midnight>(_ =>
        {
            PublishChanges();
            StatsTicks.ScheduleMidnight(Timers, _clock, _days);
        });
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    private void OnInput(AgentStatsInput input)
    {
        var facts = AgentCounters.FactsOf(_state, _seen, input.State, input.At);
        _seen = input.State;
        if (facts.Count == 0) return;
        PersistAll(facts, fact =>
        {
            _state = _state.Apply(fact, _days);
            if (LastSequenceNr % SnapshotEvery == 0) SaveSnapshot(_state);
        });
        // Published as of the change (what the agent's own state event said), not of the moment it is written.
        DeferAsync(facts, _ => PublishChanges(input.At));
    }

    private IReadOnlyList<AgentStat> Stats(DateTimeOffset? at = null) => AgentCounters.Of(_state, at ?? _clock.GetUtcNow(), _days);

    /// <summary>Publishes the statistics that differ from what was last published, if any, as one numbered delta.</summary>
    private void PublishChanges(DateTimeOffset? at = null)
    {
        // Never as of an earlier moment than the last publication (a refresh read the clock after the change was stamped).
        var when = at ?? _clock.GetUtcNow();
        if (when < _publishedAt) when = _publishedAt;
        _publishedAt = when;
        var changed = Stats(when).Where(s => !_published.TryGetValue(s.Name, out var was) || was != s).ToArray();
        if (changed.Length == 0) return;
        foreach (var s in changed) _published[s.Name] = s;
        _mediator.Tell(new Publish(Topics.AgentStats, new AgentStatsChanged(_agentId, ++_seq, changed)));
    }

    public static Props PropsFor(string agentId, AgentStatsSettings settings, TimeProvider clock, IActorRef? mediator = null)
        => Props.Create(() => new AgentStatsActor(agentId, settings, clock, mediator));
}
