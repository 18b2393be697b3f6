using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.UserServices;

namespace Xuc.Host.Startup;

/// <summary>The node's CTI session parent (<see cref="SessionManagerActor"/>), kept in the registry for the WebSocket upgrade.</summary>
public static class SessionWiring
{
    public static AkkaConfigurationBuilder WithCtiSessions(this AkkaConfigurationBuilder builder, SessionSettings settings, ISessionDirectory directory,
        Func<IActorRegistry, IUserServiceDesk>? desk = null)
        => builder.AddStartup((system, registry) =>
        {
            var props = SessionManagerActor.PropsFor(settings, directory, registry.Get<LineRegion>(), DistributedPubSub.Get(system).Mediator, desk?.Invoke(registry));
            registry.Register<SessionManagerActor>(system.ActorOf(props, "cti-sessions"));
        });
}
