using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Directory;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions.Directory;

namespace Xuc.Host.Startup;

/// <summary>
/// The node's directory (docs/directory.md): its <see cref="DirectoryCatalog"/> built from the configuration read at
/// start, kept up to date by a <see cref="DirectoryFollower"/> (<c>/user/directory-follower</c>), and the
/// <see cref="DirectoryDesk"/> the sessions' directory commands use.
/// </summary>
public static class DirectoryWiring
{
    public static AkkaConfigurationBuilder WithDirectory(this AkkaConfigurationBuilder builder, DirectoryCatalog catalog, EntityConfigDirectory config)
        => builder.AddStartup((system, registry) =>
        {
            system.ActorOf(DirectoryFollower.PropsFor(catalog, DistributedPubSub.Get(system).Mediator), "directory-follower");
            Xuc.Actors.Services.NodeServices.For(system).Register(new DirectoryDesk(catalog, new PhoneStates(config, registry.Get<LineRegion>())));
        });
}
