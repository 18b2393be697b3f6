using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Configuration;

/// <summary>
/// One per node: keeps this node's <see cref="EntityConfigDirectory"/> in step with changes made on any node,
/// as they arrive on the <c>config</c> topic. A whole import is re-read from the (shared) store. The node that made a
/// change has already applied it and publishes it with this actor as sender: its own publications are skipped.
/// </summary>
public sealed class EntityConfigFollower : ReceiveActor
{
    private sealed record Reloaded(ConfigSnapshot Snapshot);

    public EntityConfigFollower(EntityConfigDirectory directory, Func<Task<ConfigSnapshot>> load)
    {
        var log = Context.GetLogger();
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(Topics.Config, Self));
        Receive<SubscribeAck>(_ => { });
        Receive<ConfigChanged>(m =>
        {
            if (Sender.Equals(Self)) return;
            if (m.ToChange() is { } change) directory.Apply(change);
            else if (m.Operation == nameof(ChangeOp.Reloaded))
                load().PipeTo(Self, success: s => new Reloaded(s), failure: e => new Status.Failure(e));
        });
        Receive<Reloaded>(m => directory.Load(m.Snapshot));
        Receive<Status.Failure>(f => log.Error(f.Cause, "Could not re-read the configuration after an import; entities keep the copy they had"));
    }

    public static Props PropsFor(EntityConfigDirectory directory, Func<Task<ConfigSnapshot>> load) =>
        Props.Create(() => new EntityConfigFollower(directory, load));
}
