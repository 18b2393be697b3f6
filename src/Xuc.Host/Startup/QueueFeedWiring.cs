using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions.Queues;
using Xuc.Actors.Statistics;

namespace Xuc.Host.Startup;

/// <summary>The node's queue feeds (<see cref="QueueFeedsActor"/>, <c>/user/queue-feeds</c>), kept in the registry for the sessions.</summary>
public static class QueueFeedWiring
{
    public static AkkaConfigurationBuilder WithQueueFeeds(this AkkaConfigurationBuilder builder, EntityConfigDirectory directory, QueueStatsSettings settings, TimeProvider clock)
        => builder.AddStartup((system, registry) =>
        {
            var props = QueueFeedsActor.PropsFor(registry.Get<QueueRegion>(), DistributedPubSub.Get(system).Mediator, directory, settings, clock);
            registry.Register<QueueFeedsActor>(system.ActorOf(props, "queue-feeds"));
        });
}
