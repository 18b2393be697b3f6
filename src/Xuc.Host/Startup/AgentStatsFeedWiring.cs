using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions.Agents;

namespace Xuc.Host.Startup;

/// <summary>The node's agent statistics feed (<see cref="AgentStatsFeedActor"/>, <c>/user/agent-stats-feed</c>), kept in the registry for the sessions.</summary>
public static class AgentStatsFeedWiring
{
    public static AkkaConfigurationBuilder WithAgentStatsFeed(this AkkaConfigurationBuilder builder, EntityConfigDirectory directory)
        => builder.AddStartup((system, registry) =>
        {
            var props = AgentStatsFeedActor.PropsFor(registry.Get<AgentRegion>(), DistributedPubSub.Get(system).Mediator, directory);
            registry.Register<AgentStatsFeedActor>(system.ActorOf(props, "agent-stats-feed"));
        });
}
