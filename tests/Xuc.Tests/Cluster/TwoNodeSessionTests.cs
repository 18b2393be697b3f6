using Xuc.Actors.PubSub;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>
/// Two whole servers in one cluster over one database: a user with a CTI session on each node sees a status set from
/// either session on both sockets (the <c>user:&lt;login&gt;</c> topic crosses the cluster), over real WebSockets.
/// </summary>
public sealed class TwoNodeSessionTests
{
    private static string Update(string status) => $$$"""{"msgType":"UserStatusUpdate","ctiMessage":{"status":"{{{status}}}"}}""";

    [Fact]
    public async Task A_users_status_set_from_a_session_on_either_node_reaches_its_sessions_on_both()
    {
        var (a, b) = await ServerPair.StartAsync();
        await using var _a = a;
        await using var _b = b;

        await using var onA = await CtiClient.LoginAsync(a, "bob", "bob");
        await using var onB = await CtiClient.LoginAsync(b, "bob", "bob");
        Assert.Contains(Update("available"), await onA.ReceiveManyAsync(8));
        Assert.Contains(Update("available"), await onB.ReceiveManyAsync(8));
        // Subscriptions spread by gossip: each node must know the other's subscribers before a status can cross.
        await ClusterTopics.CrossesAsync(a, b, Topics.User("bob"));
        await ClusterTopics.CrossesAsync(b, a, Topics.User("bob"));

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
