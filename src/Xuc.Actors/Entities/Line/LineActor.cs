using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Entities.Line;

/// <summary>A sharded entity per line (device): folds the line's AMI events and publishes each new state.</summary>
public sealed class LineActor : ReceiveActor
{
    private LineState _state;
    private readonly IActorRef _mediator;

    public LineActor(string lineId, EntityConfigDirectory? directory)
    {
        _state = LineState.Empty(lineId) with { Config = directory?.Line(lineId) };
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        Receive<LineAmiEvent>(m => Update(_state.Apply(m.Event)));
        Receive<ReconcileLine>(m => Update(_state.Reconcile(m.AliveUniqueids)));
        Receive<ConfigureLine>(m => Update(_state.Configure(m.Config)));
        Receive<GetLineState>(_ => Sender.Tell(LineSnapshot.Of(_state)));
    }

    private void Update(LineState next)
    {
        if (ReferenceEquals(next, _state)) return;
        _state = next;
        _mediator.Tell(new Publish(Topics.Line(_state.LineId), new LineStateChanged(LineSnapshot.Of(_state))));
    }

    public static Props PropsFor(string lineId, EntityConfigDirectory? directory = null) =>
        Props.Create(() => new LineActor(lineId, directory));
}

/// <summary>Published on the line's topic after each change.</summary>
public sealed record LineStateChanged(LineSnapshot State);
