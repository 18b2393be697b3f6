using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;

namespace Xuc.Host.Startup;

/// <summary>Every committed configuration change is published on the <c>config</c> topic.</summary>
public static class ConfigPublisherWiring
{
    public static AkkaConfigurationBuilder WithConfigPublisher(this AkkaConfigurationBuilder builder, ConfigStore store)
        => builder.AddStartup((system, _) =>
        {
            var mediator = DistributedPubSub.Get(system).Mediator;
            store.Changed += change => mediator.Tell(new Publish(Topics.Config,
                new ConfigChanged(change.Kind, change.Id, change.Op.ToString())));
        });
}
