using System.Net;
using Newtonsoft.Json.Linq;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>/health/ready follows this node's cluster membership: a load balancer health-checking it sends a node that
/// has not joined yet, or has begun to leave, no new sessions.</summary>
public sealed class ClusterReadinessTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private static async Task<(HttpStatusCode Status, JObject Body)> ReadyAsync(TestServer server)
    {
        var r = await server.Http.GetAsync("/health/ready");
        return (r.StatusCode, JObject.Parse(await r.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_node_whose_seed_does_not_answer_is_live_but_not_ready_and_says_joining()
    {
        var absentSeed = FreePort.Next();
        await using var node = await TestServer.StartAsync($"\nakka.cluster.xuc-seed-nodes = \"akka.tcp://xuc@127.0.0.1:{absentSeed}\"\n");
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/health/live")).StatusCode);
        var (status, body) = await ReadyAsync(node);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("joining", (string?)body["cluster"]);
        Assert.Equal("not-ready", (string?)body["status"]);
    }

    [Fact]
    public async Task Both_nodes_of_a_cluster_are_ready_and_a_node_that_leaves_is_not_ready_from_the_leave_on()
    {
        var (a, b) = await ServerPair.StartAsync();
        await using (a)
        await using (b)
        {
            await Wait.Until(async () => (await ReadyAsync(a)).Status == HttpStatusCode.OK && (await ReadyAsync(b)).Status == HttpStatusCode.OK,
                Within, "both nodes ready");
            Assert.Equal("up", (string?)(await ReadyAsync(b)).Body["cluster"]);

            var cluster = Akka.Cluster.Cluster.Get(ClusterTopics.System(b));
            cluster.Leave(cluster.SelfAddress);
            await Wait.Until(async () => (await ReadyAsync(b)) is { Status: HttpStatusCode.ServiceUnavailable } r && (string?)r.Body["cluster"] == "leaving",
                Within, "the leaving node says leaving, 503");
            Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(a)).Status);
        }
    }
}
