using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Microsoft.Extensions.DependencyInjection;

namespace Xuc.Tests.Support;

/// <summary>Waits for the cluster's pub-sub to carry a topic from one whole test server to another.</summary>
public static class ClusterTopics
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static ActorSystem System(TestServer server) => server.App.Web.Services.GetRequiredService<ActorSystem>();

    /// <summary>
    /// Waits until what is published to <paramref name="topic"/> on <paramref name="from"/> reaches a subscriber on
    /// <paramref name="to"/> (subscriptions spread by gossip): a probe subscribed there gets a probe word published here.
    /// A subscriber of the topic on <paramref name="to"/> that subscribed before the probe is then known to
    /// <paramref name="from"/> too (one topic actor per node holds them all). Other subscribers ignore the word.
    /// </summary>
    public static async Task CrossesAsync(TestServer from, TestServer to, string topic)
    {
        // A plain actor, not an Inbox: an Inbox hands a message that arrives after a timed-out receive to that
        // stale receive, so a probe retried with short receives could be lost every time.
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = System(to).ActorOf(Props.Create(() => new ProbeListener(heard)));
        DistributedPubSub.Get(System(to)).Mediator.Tell(new Subscribe(topic, probe));
        var publisher = DistributedPubSub.Get(System(from)).Mediator;
        await Wait.Until(async () =>
        {
            publisher.Tell(new Publish(topic, "probe"));
            await Task.WhenAny(heard.Task, Task.Delay(200));
            return heard.Task.IsCompleted;
        }, Patience, $"{topic} published on one node reaches the other");
        DistributedPubSub.Get(System(to)).Mediator.Tell(new Unsubscribe(topic, probe));
        System(to).Stop(probe);
    }

    private sealed class ProbeListener : ReceiveActor
    {
        public ProbeListener(TaskCompletionSource heard)
        {
            Receive<string>(s => s == "probe", _ => heard.TrySetResult());
            ReceiveAny(_ => { });
        }
    }
}
