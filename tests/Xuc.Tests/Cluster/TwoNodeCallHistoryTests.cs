using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>
/// Two whole servers in one cluster over one database: the call history is written once, by the recorder beside the
/// AMI singleton (on the oldest node, A), and a session on either node reads the same rows.
/// </summary>
public sealed class TwoNodeCallHistoryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static ActorSystem System(TestServer server) => server.App.Web.Services.GetRequiredService<ActorSystem>();

    [Fact]
    public async Task A_call_recorded_by_the_singletons_node_is_read_the_same_from_a_session_on_the_other_node()
    {
        var seedPort = FreePort.Next();
        var seeds = $"\nakka.cluster.xuc-seed-nodes = \"akka.tcp://xuc@127.0.0.1:{seedPort}\"\n";
        await using var a = await TestServer.StartAsync(seeds + $"akka.remote.dot-netty.tcp.port = {seedPort}\n");
        await using var b = await TestServer.StartAsync(seeds + $"xuc.database.connection-string = \"Data Source={Path.Combine(a.DataDir, "xuc.db")}\"\n");
        await Wait.Until(() => Task.FromResult(Akka.Cluster.Cluster.Get(System(a)).State.Members.Count(m => m.Status == MemberStatus.Up) == 2),
            Patience, "both nodes are Up");

        // The singleton (and so the AMI link and the recorder) runs on A, the oldest node, connected to A's simulator.
        var m = a.App.Simulator!.Model;
        m.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.Zero);
        await Wait.Until(() => Task.FromResult(m.Locked(() => true)), Patience, "the simulator is up");
        m.Dial("1002", "1001");
        await Wait.Until(() => Task.FromResult(m.Locked(() => m.Channels.Any(c => c.Device == "PJSIP/1001" && c.State == 5))), Patience, "1001 rings");
        m.Answer("1001");
        await Wait.Until(() => Task.FromResult(m.Locked(() => m.Channels.Any(c => c.Device == "PJSIP/1001" && c.Bridge is not null))), Patience, "1001 talks");
        m.Hangup("1002");

        await using var onA = await CtiClient.LoginAsync(a, "jbond", "jbond");
        await using var onB = await CtiClient.LoginAsync(b, "jbond", "jbond");
        await onA.ReceiveManyAsync(8);
        await onB.ReceiveManyAsync(8);
        const string ask = """{"claz":"web","command":"getUserCallHistory","size":10}""";
        string? fromA = null;
        await Wait.Until(async () =>
        {
            await onA.SendAsync(ask);
            fromA = await onA.ReceiveOfTypeAsync("CallHistory");
            var calls = (JArray)JObject.Parse(fromA!)["ctiMessage"]!;
            return calls.Count == 1 && (string?)calls[0]["status"] == "answered";
        }, Patience, "A's session reads the answered call");
        Assert.Contains("\"srcNum\":\"1002\",\"srcName\":\"Eve Moneypenny\",\"dstNum\":\"1001\",\"dstName\":\"James Bond\"", fromA);
        await onB.SendAsync(ask);
        Assert.Equal(fromA, await onB.ReceiveOfTypeAsync("CallHistory"));

        // One recorder in the cluster: beside the singleton on A, none on B.
        var path = "/user/ami-connection/ami-connection/call-history";
        Assert.NotNull(await System(a).ActorSelection(path).ResolveOne(Patience));
        await Assert.ThrowsAsync<ActorNotFoundException>(() => System(b).ActorSelection(path).ResolveOne(TimeSpan.FromSeconds(2)));
    }
}
