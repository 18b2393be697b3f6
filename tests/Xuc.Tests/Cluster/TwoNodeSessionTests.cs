using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Microsoft.Extensions.DependencyInjection;
using Xuc.Actors.PubSub;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>
/// Two whole servers in one cluster over one database: a user with a CTI session on each node sees a status set from
/// either session on both sockets (the <c>user:&lt;login&gt;</c> topic crosses the cluster), over real WebSockets.
/// </summary>
public sealed class TwoNodeSessionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static string Update(string status) => $$$"""{"msgType":"UserStatusUpdate","ctiMessage":{"status":"{{{status}}}"}}""";

    private static ActorSystem System(TestServer server) => server.App.Web.Services.GetRequiredService<ActorSystem>();

    /// <summary>
    /// Waits until what is published to <paramref name="topic"/> on <paramref name="from"/> reaches a subscriber on
    /// <paramref name="to"/> (subscriptions spread by gossip): a probe subscribed there gets a probe word published here.
    /// The sessions ignore the word (no frame).
    /// </summary>
    private static async Task TopicCrosses(TestServer from, TestServer to, string topic)
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

    [Fact]
    public async Task A_users_status_set_from_a_session_on_either_node_reaches_its_sessions_on_both()
    {
        var seedPort = FreePort.Next();
        var seeds = $"\nakka.cluster.xuc-seed-nodes = \"akka.tcp://xuc@127.0.0.1:{seedPort}\"\n";
        await using var a = await TestServer.StartAsync(seeds + $"akka.remote.dot-netty.tcp.port = {seedPort}\n");
        await using var b = await TestServer.StartAsync(seeds + $"xuc.database.connection-string = \"Data Source={Path.Combine(a.DataDir, "xuc.db")}\"\n");
        await Wait.Until(() => Task.FromResult(Akka.Cluster.Cluster.Get(System(a)).State.Members.Count(m => m.Status == MemberStatus.Up) == 2),
            Patience, "both nodes are Up");

        await using var onA = await CtiClient.LoginAsync(a, "bob", "bob");
        await using var onB = await CtiClient.LoginAsync(b, "bob", "bob");
        Assert.Contains(Update("available"), await onA.ReceiveManyAsync(8));
        Assert.Contains(Update("available"), await onB.ReceiveManyAsync(8));
        // Subscriptions spread by gossip: each node must know the other's subscribers before a status can cross.
        await TopicCrosses(a, b, Topics.User("bob"));
        await TopicCrosses(b, a, Topics.User("bob"));

        await onA.SendAsync("""{"claz":"web","command":"userStatusUpdate","status":"away"}""");
        Assert.Equal(Update("away"), await onA.ReceiveAsync());
        Assert.Equal(Update("away"), await onB.ReceiveAsync());

        await onB.SendAsync("""{"claz":"web","command":"userStatusUpdate","status":"outtolunch"}""");
        Assert.Equal(Update("outtolunch"), await onB.ReceiveAsync());
        Assert.Equal(Update("outtolunch"), await onA.ReceiveAsync());

        // Nothing else came: each socket's next frame is the answer to its own ping.
        foreach (var socket in new[] { onA, onB })
        {
            await socket.SendAsync("""{"claz":"ping"}""");
            Assert.Equal("""{"msgType":"Pong","ctiMessage":{}}""", await socket.ReceiveAsync());
        }
    }
}
