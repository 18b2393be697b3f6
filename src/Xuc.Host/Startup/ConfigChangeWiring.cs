using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;

namespace Xuc.Host.Startup;

/// <summary>
/// Where a committed configuration change goes: this node's <see cref="EntityConfigDirectory"/>, the Line / Queue /
/// Agent entities that hold the object (through their shard regions, wherever they live), and the <c>config</c>
/// topic, from which every other node's <see cref="EntityConfigFollower"/> updates its own directory.
/// </summary>
public static class ConfigChangeWiring
{
    public static AkkaConfigurationBuilder WithConfigChanges(this AkkaConfigurationBuilder builder, ConfigStore store, EntityConfigDirectory directory)
        => builder.AddStartup((system, registry) =>
        {
            var follower = system.ActorOf(EntityConfigFollower.PropsFor(directory, store.LoadAsync), "entity-config-follower");
            var mediator = DistributedPubSub.Get(system).Mediator;
            var lines = registry.Get<LineRegion>();
            var queues = registry.Get<QueueRegion>();
            var agents = registry.Get<AgentRegion>();
            store.Changed += change =>
            {
                directory.Apply(change);
                foreach (var message in EntityConfigDirectory.MessagesFor(change))
                {
                    var region = message switch
                    {
                        ConfigureLine => lines,
                        ConfigureQueue => queues,
                        _ => agents,
                    };
                    region.Tell(message);
                }
                // Sent as the follower, which then skips what this node has already applied (and does not re-read an import).
                mediator.Tell(new Publish(Topics.Config, ConfigChanged.From(change)), follower);
            };
        });
}
