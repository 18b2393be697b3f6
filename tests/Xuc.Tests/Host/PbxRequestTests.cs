using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Xuc.Actors.Ami;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Pbx;
using Xuc.Actors.Routing;
using Xuc.Ami.Actions;
using Xuc.Host.Settings;
using Xuc.PbxSim;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// The way back to the PBX: a typed action sent through the AMI singleton's proxy, over a real socket to PbxSim,
/// answered with what the PBX said (its response, a list's items) or why not (refused, timed out, link down).
/// </summary>
public sealed class PbxRequestTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _dir = new();

    private static async Task<PbxSimulator> SimulatorAsync()
    {
        var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(sim.Model);
        await sim.StartAsync();
        return sim;
    }

    private async Task<(ActorHost Host, PbxGateway Pbx)> NodeAsync(int amiPort, int port = 0, string? seeds = null)
    {
        var host = await ActorHost.StartAsync("sqlite", $"Data Source={_dir.File("pbx.db")}", port, seeds, new AmiSettings { Port = amiPort, UseMd5 = true });
        return (host, new PbxGateway(await host.Registry.GetAsync<AmiConnectionProxy>()));
    }

    private async Task<(ActorHost Host, PbxGateway Pbx)> ConnectedNodeAsync(PbxSimulator sim)
    {
        var node = await NodeAsync(sim.Port);
        await ConnectedAsync(node.Host);
        return node;
    }

    private static async Task ConnectedAsync(ActorHost host)
    {
        var proxy = await host.Registry.GetAsync<AmiConnectionProxy>();
        await Wait.Until(async () => (await proxy.Ask<AmiStatus>(GetAmiStatus.Instance, TimeSpan.FromSeconds(5))).Connected, Within, "AMI connected");
    }

    [Fact]
    public async Task An_accepted_action_is_answered_with_the_pbx_response_and_its_effect_shows_in_a_list()
    {
        await using var sim = await SimulatorAsync();
        var (host, pbx) = await ConnectedNodeAsync(sim);
        await using var _ = host;

        var added = Assert.IsType<PbxAnswered>(await pbx.Send(new QueueAddAction { Queue = "sales", Interface = "PJSIP/1009", MemberName = "Nine" }, Timeout));
        Assert.Equal(("QueueAdd", "Success", "Added interface to queue"), (added.Action, added.Response.Name, added["Message"]));
        Assert.Empty(added.Items);

        var status = Assert.IsType<PbxAnswered>(await pbx.SendList(new QueueStatusAction { Queue = "sales" }, Timeout));
        var member = Assert.Single(status.Items, e => e.Name == "QueueMember" && e["Location"] == "PJSIP/1009");
        Assert.Equal(("Nine", "sales"), (member["Name"], member["Queue"]));
        Assert.Equal("QueueParams", status.Items[0].Name);
    }

    [Fact]
    public async Task A_refused_action_carries_the_pbx_words()
    {
        await using var sim = await SimulatorAsync();
        var (host, pbx) = await ConnectedNodeAsync(sim);
        await using var _ = host;

        // app_queue.c, manager_add_queue_member: RES_NOSUCHQUEUE.
        Assert.Equal(new PbxRefused("QueueAdd", "Unable to add interface to queue: No such queue"),
            await pbx.Send(new QueueAddAction { Queue = "nosuchqueue", Interface = "PJSIP/1009" }, Timeout));
    }

    [Fact]
    public async Task An_action_the_pbx_never_answers_times_out_with_the_requested_timeout()
    {
        await using var sim = await SimulatorAsync();
        var (host, pbx) = await ConnectedNodeAsync(sim);
        await using var _ = host;
        sim.Faults.Withhold("QueueAdd");

        var timeout = TimeSpan.FromSeconds(1);
        Assert.Equal(new PbxTimedOut("QueueAdd", timeout), await pbx.Send(new QueueAddAction { Queue = "sales", Interface = "PJSIP/1009" }, timeout));
    }

    [Fact]
    public async Task With_no_link_to_the_pbx_the_request_says_the_link_is_down()
    {
        // Nothing listens on this port: the connection never logs in.
        var (host, pbx) = await NodeAsync(FreePort.Next());
        await using var _ = host;

        var result = Assert.IsType<PbxLinkDown>(await pbx.Send(new QueueAddAction { Queue = "sales", Interface = "PJSIP/1009" }, Timeout));
        Assert.Equal("QueueAdd", result.Action);
        Assert.Contains("not connected", result.Reason);
    }

    [Fact]
    public async Task A_link_that_drops_while_an_action_waits_answers_link_down()
    {
        await using var sim = await SimulatorAsync();
        var (host, pbx) = await ConnectedNodeAsync(sim);
        await using var _ = host;
        sim.Faults.Withhold("QueueAdd");

        var pending = pbx.Send(new QueueAddAction { Queue = "sales", Interface = "PJSIP/1009" }, TimeSpan.FromSeconds(20));
        await Wait.Until(() => Task.FromResult(sim.Faults.DroppedActions == 1), Within, "the action reached the PBX");
        sim.DisconnectClients();

        var result = Assert.IsType<PbxLinkDown>(await pending);
        Assert.Equal("QueueAdd", result.Action);
    }

    [Fact]
    public async Task A_request_from_another_node_reaches_the_singleton_and_comes_back()
    {
        await using var sim = await SimulatorAsync();
        var seedPort = FreePort.Next();
        var seed = $"akka.tcp://xuc@127.0.0.1:{seedPort}";
        var (a, _) = await NodeAsync(sim.Port, seedPort, seed);
        await using var __ = a;
        var (b, pbxB) = await NodeAsync(sim.Port, 0, seed);
        await using var ___ = b;
        await Wait.Until(() => Task.FromResult(Akka.Cluster.Cluster.Get(b.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2), Within, "two nodes Up");
        await ConnectedAsync(b);
        Assert.Equal(1, sim.SessionCount);

        var added = Assert.IsType<PbxAnswered>(await pbxB.Send(new QueueAddAction { Queue = "support", Interface = "PJSIP/1008" }, Timeout));
        Assert.Equal("Added interface to queue", added["Message"]);
        Assert.Equal(new PbxRefused("QueueAdd", "Unable to add interface: Already there"),
            await pbxB.Send(new QueueAddAction { Queue = "support", Interface = "PJSIP/1008" }, Timeout));
        var status = Assert.IsType<PbxAnswered>(await pbxB.SendList(new QueueStatusAction { Queue = "support" }, Timeout));
        Assert.Contains(status.Items, e => e.Name == "QueueMember" && e["Location"] == "PJSIP/1008");
    }

    public void Dispose() => _dir.Dispose();
}
