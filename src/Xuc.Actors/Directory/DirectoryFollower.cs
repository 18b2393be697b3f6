using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Directory;

/// <summary>
/// One per node: rebuilds the node's <see cref="DirectoryCatalog"/> from the store when a change on any node touches
/// what it indexes (users, lines, contacts, directory sources, a whole import). Changes that come close together are
/// gathered for <see cref="Gather"/> and make one rebuild, done off the actor; searches meanwhile use the previous one.
/// </summary>
public sealed class DirectoryFollower : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(200);
    private static readonly HashSet<string> Indexed =
        [ConfigKinds.User.Name, ConfigKinds.Line.Name, ConfigKinds.Contact.Name, ConfigKinds.DirectorySource.Name, ConfigChange.Everything];

    private bool _building;
    private bool _again;

    public ITimerScheduler Timers { get; set; } = null!;

    public DirectoryFollower(DirectoryCatalog catalog, IActorRef mediator)
    {
        var log = Context.GetLogger();
        mediator.Tell(new Subscribe(Topics.Config, Self));
        Receive<SubscribeAck>(_ => { });
        Receive<ConfigChanged>(m =>
        {
            if (Indexed.Contains(m.Kind)) Timers.StartSingleTimer("rebuild", Rebuild.Instance, Gather);
        });
        Receive<Rebuild>(_ =>
        {
            if (_building) { _again = true; return; }
            _building = true;
            Task.Run(async () => catalog.Load(await catalog.Store.LoadAsync())).PipeTo(Self, success: () => Built.Instance, failure: e => new Status.Failure(e));
        });
        Receive<Built>(_ => Done());
        Receive<Status.Failure>(f =>
        {
            log.Error(f.Cause, "Could not rebuild the directory after a configuration change; searches keep the previous one");
            Done();
        });
    }

    private void Done()
    {
        _building = false;
        if (!_again) return;
        _again = false;
        Self.Tell(Rebuild.Instance);
    }

    public static Props PropsFor(DirectoryCatalog catalog, IActorRef mediator) => Props.Create(() => new DirectoryFollower(catalog, mediator));

    private sealed record Rebuild
    {
        public static readonly Rebuild Instance = new();
    }

    private sealed record Built
    {
        public static readonly Built Instance = new();
    }
}
