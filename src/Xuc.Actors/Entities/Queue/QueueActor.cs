using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Entities.Queue;

/// <summary>A sharded entity per queue: waiting calls and members, published on the queue's topic.</summary>
public sealed class QueueActor : ReceiveActor
{
    private QueueState _state;
    private readonly IActorRef _mediator;

    public QueueActor(string queueId, EntityConfigDirectory? directory)
    {
        _state = QueueState.Empty(queueId) with { Config = directory?.Queue(queueId) };
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        Receive<QueueAmiEvent>(m => Update(_state.Apply(m.Event, DateTimeOffset.UtcNow)));
        Receive<ReconcileQueue>(m => Update(_state.Reconcile(m.WaitingUniqueids, m.MemberInterfaces)));
        Receive<ConfigureQueue>(m => Update(_state.Configure(m.Config)));
        Receive<GetQueueState>(_ => Sender.Tell(QueueSnapshot.Of(_state)));
    }

    private void Update(QueueState next)
    {
        if (ReferenceEquals(next, _state)) return;
        _state = next;
        _mediator.Tell(new Publish(Topics.Queue(_state.QueueId), new QueueStateChanged(QueueSnapshot.Of(_state))));
    }

    public static Props PropsFor(string queueId, EntityConfigDirectory? directory = null) =>
        Props.Create(() => new QueueActor(queueId, directory));
}

/// <summary>Published on the queue's topic after each change.</summary>
public sealed record QueueStateChanged(QueueSnapshot State);
