using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions.Agents;
using Xuc.Actors.Sessions.Lists;

namespace Xuc.Host.Startup;

/// <summary>
/// The node's configuration lists (<see cref="ConfigListsActor"/>, <c>/user/config-lists</c>) and agent feed
/// (<see cref="AgentFeedsActor"/>, <c>/user/agent-feeds</c>), kept in the registry for the sessions.
/// </summary>
public static class ListWiring
{
    public static AkkaConfigurationBuilder WithListsAndAgentFeeds(this AkkaConfigurationBuilder builder, ConfigStore store, EntityConfigDirectory directory)
        => builder.AddStartup((system, registry) =>
        {
            var mediator = DistributedPubSub.Get(system).Mediator;
            registry.Register<ConfigListsActor>(system.ActorOf(ConfigListsActor.PropsFor(store.LoadAsync, mediator), "config-lists"));
            registry.Register<AgentFeedsActor>(system.ActorOf(AgentFeedsActor.PropsFor(registry.Get<AgentRegion>(), mediator, directory), "agent-feeds"));
        });
}
