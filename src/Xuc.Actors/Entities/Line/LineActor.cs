using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Entities.Line;

/// <summary>
/// A sharded entity per line (device): folds the line's AMI events and publishes what changed as numbered deltas
/// (<see cref="ILineDelta"/>) on the line's topic; <see cref="GetLineState"/> answers the snapshot they follow.
/// </summary>
public sealed class LineActor : ReceiveActor
{
    private LineState _state;
    private long _seq = DateTime.UtcNow.Ticks;
    private readonly IActorRef _mediator;

    public LineActor(string lineId, EntityConfigDirectory? directory)
    {
        _state = LineState.Empty(lineId) with { Config = directory?.Line(lineId) };
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        Receive<LineAmiEvent>(m => Update(_state.Apply(m.Event), LineState.ChannelsTouchedBy(m.Event)));
        Receive<LineCallContext>(m => Update(_state.Apply(m)));
        Receive<ReconcileLine>(m => Update(_state.Reconcile(m.AliveUniqueids)));
        Receive<ConfigureLine>(m => Update(_state.Configure(m.Config)));
        Receive<GetLineState>(_ => Sender.Tell(LineSnapshot.Of(_state, _seq)));
    }

    private void Update(LineState next, IReadOnlyCollection<string>? touched = null)
    {
        if (ReferenceEquals(next, _state)) return;
        var deltas = LineDeltas.Between(_state, next, ref _seq, touched);
        _state = next;
        var topic = Topics.Line(_state.LineId);
        foreach (var delta in deltas) _mediator.Tell(new Publish(topic, delta));
    }

    public static Props PropsFor(string lineId, EntityConfigDirectory? directory = null) =>
        Props.Create(() => new LineActor(lineId, directory));
}
