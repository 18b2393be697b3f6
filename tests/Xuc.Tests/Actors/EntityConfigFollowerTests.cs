using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Tests.Actors;

/// <summary>A node's follower applies other nodes' changes and skips what its own node published (already applied).</summary>
public sealed class EntityConfigFollowerTests() : TestKit("akka.actor.provider = cluster\nakka.remote.dot-netty.tcp.port = 0\nakka.loglevel = WARNING")
{
    private static ConfigChanged NewQueue(int id, string name) =>
        ConfigChanged.From(new ConfigChange("queue", id.ToString(), ChangeOp.Created, new QueueConfig { Id = id, Name = name, Number = $"39{id:00}" }));

    [Fact]
    public void Changes_from_other_nodes_are_applied_and_this_nodes_own_publications_are_skipped()
    {
        Akka.Cluster.Cluster.Get(Sys).Join(Akka.Cluster.Cluster.Get(Sys).SelfAddress);
        var demo = DemoDataset.Create();
        var directory = EntityConfigDirectory.From(demo);
        var loads = 0;
        var follower = Sys.ActorOf(EntityConfigFollower.PropsFor(directory, () =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult(demo);
        }));
        var mediator = DistributedPubSub.Get(Sys).Mediator;
        void Publish(ConfigChanged m, IActorRef? sender) => mediator.Tell(new Publish(Topics.Config, m), sender);

        // Another node's change (no sender of this node), until the follower's subscription is in place.
        AwaitAssert(() =>
        {
            Publish(NewQueue(50, "first"), ActorRefs.NoSender);
            Assert.NotNull(directory.Queue("first"));
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

        // This node's own publications (sent as the follower) are skipped: a queue change and an import alike. The
        // follower handles publications in order, so once the later foreign one is applied the earlier ones were seen.
        Publish(NewQueue(51, "own"), follower);
        Publish(ConfigChanged.From(new ConfigChange("*", "*", ChangeOp.Reloaded, demo, demo)), follower);
        Publish(NewQueue(52, "other"), ActorRefs.NoSender);
        AwaitAssert(() => Assert.NotNull(directory.Queue("other")), TimeSpan.FromSeconds(5));
        Assert.Null(directory.Queue("own"));
        Assert.Equal(0, Volatile.Read(ref loads));

        // An import from another node is re-read.
        Publish(ConfigChanged.From(new ConfigChange("*", "*", ChangeOp.Reloaded, demo, demo)), ActorRefs.NoSender);
        AwaitAssert(() => Assert.Equal(1, Volatile.Read(ref loads)), TimeSpan.FromSeconds(5));
    }
}
