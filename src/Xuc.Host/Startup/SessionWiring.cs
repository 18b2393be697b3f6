using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Routing;
using Xuc.Actors.Pbx;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Phone;
using Xuc.Actors.Sessions.UserServices;

namespace Xuc.Host.Startup;

/// <summary>
/// The node's CTI session parent (<see cref="SessionManagerActor"/>), kept in the registry for the WebSocket upgrade,
/// and the node's line feeds (<see cref="LineFeedsActor"/>, <c>/user/line-feeds</c>) its sessions get phone events from;
/// its sessions reach the PBX through the AMI singleton's proxy; the node's conference feed
/// (<c>/user/conference-feed</c>) brings them the ConfBridge rooms.
/// </summary>
public static class SessionWiring
{
    public static AkkaConfigurationBuilder WithCtiSessions(this AkkaConfigurationBuilder builder, SessionSettings settings, ISessionDirectory directory,
        IPhoneDirectory phones, EntityConfigDirectory? lines = null, Func<IActorRegistry, IUserServiceDesk>? desk = null, Xuc.Actors.Directory.CallerNames? callerNames = null)
        => builder.AddStartup((system, registry) =>
        {
            var mediator = DistributedPubSub.Get(system).Mediator;
            var feeds = system.ActorOf(LineFeedsActor.PropsFor(registry.Get<LineRegion>(), mediator, number => lines?.LineByNumber(number), () => lines?.SheetFields() ?? [], callerNames), "line-feeds");
            registry.Register<LineFeedsActor>(feeds);
            var phone = new PhoneControl(new PbxGateway(registry.Get<AmiConnectionProxy>()), phones);
            Xuc.Actors.Services.NodeServices.For(system).Register(phone); // for the pipeline's handlers that call the PBX (callbacks, conferences)
            var props = SessionManagerActor.PropsFor(settings, directory, registry.Get<LineRegion>(), mediator, feeds, phone, desk?.Invoke(registry));
            registry.Register<SessionManagerActor>(system.ActorOf(props, "cti-sessions"));
            var conferences = system.ActorOf(Xuc.Actors.Sessions.Conferences.ConferenceFeedActor.PropsFor(registry.Get<AmiConnectionProxy>()), "conference-feed");
            registry.Register<Xuc.Actors.Sessions.Conferences.ConferenceFeedActor>(conferences);
        });
}
