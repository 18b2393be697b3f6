using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Statistics;

namespace Xuc.Actors.Entities.Queue;

/// <summary>
/// A sharded entity per queue: waiting calls and members; what changed is published as numbered deltas
/// (<see cref="IQueueDelta"/>) on the queue's topic, after the snapshot <see cref="GetQueueState"/> answers.
/// With statistics settings it runs the queue's statistics aggregator as its child (<see cref="QueueStatsActor"/>),
/// hands it every change and forwards it the statistics questions.
/// </summary>
public sealed class QueueActor : ReceiveActor
{
    private QueueState _state;
    private long _seq = DateTime.UtcNow.Ticks;
    private readonly IActorRef _mediator;
    private readonly TimeProvider _clock;
    private readonly IActorRef? _stats;

    public QueueActor(string queueId, EntityConfigDirectory? directory, QueueStatsSettings? stats = null, TimeProvider? clock = null)
    {
        _state = QueueState.Empty(queueId) with { Config = directory?.Queue(queueId) };
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        _clock = clock ?? TimeProvider.System;
        _stats = stats is null ? null : Context.ActorOf(QueueStatsActor.PropsFor(queueId, stats, _clock), "stats");
        Receive<QueueAmiEvent>(m => Update(_state.Apply(m.Event, _clock.GetUtcNow()), m.Event));
        Receive<ReconcileQueue>(m => Update(_state.Reconcile(m.WaitingUniqueids, m.MemberInterfaces), reconciled: true));
        Receive<ConfigureQueue>(m => Update(_state.Configure(m.Config)));
        Receive<GetQueueState>(_ => Sender.Tell(QueueSnapshot.Of(_state, _seq)));
        Receive<IQueueStatsQuery>(q => _stats?.Forward(q));
    }

    private void Update(QueueState next, AmiEventData? e = null, bool reconciled = false)
    {
        if (!ReferenceEquals(next, _state))
        {
            var deltas = QueueDeltas.Between(_state, next, ref _seq);
            _state = next;
            var topic = Topics.Queue(_state.QueueId);
            foreach (var delta in deltas) _mediator.Tell(new Publish(topic, delta));
        }
        if (e is not null || reconciled) _stats?.Tell(new QueueStatsInput(e, reconciled, _state));
    }

    public static Props PropsFor(string queueId, EntityConfigDirectory? directory = null, QueueStatsSettings? stats = null, TimeProvider? clock = null) =>
        Props.Create(() => new QueueActor(queueId, directory, stats, clock));
}
