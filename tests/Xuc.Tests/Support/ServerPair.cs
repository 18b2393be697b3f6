using Akka.Cluster;

namespace Xuc.Tests.Support;

/// <summary>Two whole test servers in one cluster over one database: A the seed (it holds the AMI singleton, connected
/// to A's simulator), B joining it.</summary>
public static class ServerPair
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<(TestServer A, TestServer B)> StartAsync()
    {
        var seedPort = FreePort.Next();
        var seeds = $"\nakka.cluster.xuc-seed-nodes = \"akka.tcp://xuc@127.0.0.1:{seedPort}\"\n";
        var a = await TestServer.StartAsync(seeds + $"akka.remote.dot-netty.tcp.port = {seedPort}\n");
        try
        {
            var b = await TestServer.StartAsync(seeds + $"xuc.database.connection-string = \"Data Source={Path.Combine(a.DataDir, "xuc.db")}\"\n");
            await Wait.Until(() => Task.FromResult(Akka.Cluster.Cluster.Get(ClusterTopics.System(a)).State.Members.Count(m => m.Status == MemberStatus.Up) == 2),
                Patience, "both nodes are Up");
            return (a, b);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }
}
