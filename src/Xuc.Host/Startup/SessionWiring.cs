using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Routing;
using Xuc.Actors.Pbx;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Phone;

namespace Xuc.Host.Startup;

/// <summary>The node's CTI session parent (<see cref="SessionManagerActor"/>), kept in the registry for the WebSocket upgrade; its sessions reach the PBX through the AMI singleton's proxy.</summary>
public static class SessionWiring
{
    public static AkkaConfigurationBuilder WithCtiSessions(this AkkaConfigurationBuilder builder, SessionSettings settings, ISessionDirectory directory,
        IPhoneDirectory phones)
        => builder.AddStartup((system, registry) =>
        {
            var phone = new PhoneServices(new PbxGateway(registry.Get<AmiConnectionProxy>()), phones);
            var props = SessionManagerActor.PropsFor(settings, directory, registry.Get<LineRegion>(), DistributedPubSub.Get(system).Mediator, phone);
            registry.Register<SessionManagerActor>(system.ActorOf(props, "cti-sessions"));
        });
}
