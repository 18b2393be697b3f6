using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Entities.Queue;

/// <summary>
/// A sharded entity per queue: waiting calls and members; what changed is published as numbered deltas
/// (<see cref="IQueueDelta"/>) on the queue's topic, after the snapshot <see cref="GetQueueState"/> answers.
/// </summary>
public sealed class QueueActor : ReceiveActor
{
    private QueueState _state;
    private long _seq = DateTime.UtcNow.Ticks;
    private readonly IActorRef _mediator;

    public QueueActor(string queueId, EntityConfigDirectory? directory)
    {
        _state = QueueState.Empty(queueId) with { Config = directory?.Queue(queueId) };
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        Receive<QueueAmiEvent>(m => Update(_state.Apply(m.Event, DateTimeOffset.UtcNow)));
        Receive<ReconcileQueue>(m => Update(_state.Reconcile(m.WaitingUniqueids, m.MemberInterfaces)));
        Receive<ConfigureQueue>(m => Update(_state.Configure(m.Config)));
        Receive<GetQueueState>(_ => Sender.Tell(QueueSnapshot.Of(_state, _seq)));
    }

    private void Update(QueueState next)
    {
        if (ReferenceEquals(next, _state)) return;
        var deltas = QueueDeltas.Between(_state, next, ref _seq);
        _state = next;
        var topic = Topics.Queue(_state.QueueId);
        foreach (var delta in deltas) _mediator.Tell(new Publish(topic, delta));
    }

    public static Props PropsFor(string queueId, EntityConfigDirectory? directory = null) =>
        Props.Create(() => new QueueActor(queueId, directory));
}
