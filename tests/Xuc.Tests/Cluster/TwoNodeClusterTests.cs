using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>Two real nodes on loopback, the production wiring on each: entities answer from whichever node holds them.</summary>
public sealed class TwoNodeClusterTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new();

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Messages_sent_on_either_node_reach_the_single_entity_keyed_by_them()
    {
        var db = $"Data Source={_dir.File("cluster.db")}";
        var seedPort = FreePort();
        var seed = $"akka.tcp://xuc@127.0.0.1:{seedPort}";
        await using var a = await ActorHost.StartAsync("sqlite", db, seedPort, seed);
        await using var b = await ActorHost.StartAsync("sqlite", db, 0, seed);

        await Wait.Until(() => Task.FromResult(
                Akka.Cluster.Cluster.Get(a.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2),
            Timeout, "both nodes are Up");

        var linesA = await a.Registry.GetAsync<LineRegion>();
        var linesB = await b.Registry.GetAsync<LineRegion>();
        var agentsA = await a.Registry.GetAsync<AgentRegion>();
        var agentsB = await b.Registry.GetAsync<AgentRegion>();

        // Twenty lines, events sent through node B, state read through node A: each line got exactly its own event.
        for (var i = 0; i < 20; i++)
            linesB.Tell(new LineAmiEvent($"PJSIP/2{i:000}", AmiEventData.Of("Newchannel",
                ("Channel", $"PJSIP/2{i:000}-0000000{i % 10}"), ("ChannelState", "4"), ("Uniqueid", $"1700000100.{i}"))));
        // (Tell via B and Ask via A take different paths, so the read polls until the event has landed.)
        for (var i = 0; i < 20; i++)
        {
            var line = $"PJSIP/2{i:000}";
            LineSnapshot? state = null;
            await Wait.Until(async () =>
            {
                state = await linesA.Ask<LineSnapshot>(new GetLineState(line), Timeout);
                return state.Channels.Count > 0;
            }, Timeout, $"{line} has its channel");
            var channel = Assert.Single(state!.Channels);
            Assert.Equal($"1700000100.{i}", channel.UniqueId);
            Assert.Equal(line + $"-0000000{i % 10}", channel.Name);
        }

        Assert.True((await agentsA.Ask<AgentCommandResult>(new LoginAgent("31", "1031", "PJSIP/1031"), Timeout)).Ok);
        var seenFromB = await agentsB.Ask<AgentState>(new GetAgentState("31"), Timeout);
        Assert.Equal("1031", seenFromB.PhoneNumber);
        Assert.Equal(AgentStatus.Ready, seenFromB.Status);
    }

    [Fact]
    public async Task A_configuration_change_made_on_one_node_reaches_the_other_nodes_copy_and_its_entities()
    {
        var db = $"Data Source={_dir.File("cluster-config.db")}";
        var seedPort = FreePort();
        var seed = $"akka.tcp://xuc@127.0.0.1:{seedPort}";
        var demo = DemoDataset.Create();
        var directoryA = EntityConfigDirectory.From(demo);
        var directoryB = EntityConfigDirectory.From(demo);
        await using var a = await ActorHost.StartAsync("sqlite", db, seedPort, seed, directory: directoryA);
        await using var b = await ActorHost.StartAsync("sqlite", db, 0, seed, directory: directoryB);
        var reimported = demo with { Queues = [.. demo.Queues, new Xuc.Actors.Configuration.Model.Queue { Id = 9, Name = "vip", Number = "3009" }] };
        a.System.ActorOf(EntityConfigFollower.PropsFor(directoryA, () => Task.FromResult(reimported)));
        b.System.ActorOf(EntityConfigFollower.PropsFor(directoryB, () => Task.FromResult(reimported)));
        await Wait.Until(() => Task.FromResult(
                Akka.Cluster.Cluster.Get(a.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2),
            Timeout, "both nodes are Up");

        // Node A commits a rename; the topic message (JSON over the real remoting) updates node B's copy.
        var before = demo.Queues[1];
        var change = new ConfigChange("queue", "2", ChangeOp.Updated, before with { Name = "helpdesk", DisplayName = "Helpdesk" }, before);
        var mediatorA = Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub.Get(a.System).Mediator;
        await Wait.Until(() =>
        {
            // Until B's subscription has reached A, a publication finds nobody: publish again (applying is idempotent).
            mediatorA.Tell(new Akka.Cluster.Tools.PublishSubscribe.Publish(Xuc.Actors.PubSub.Topics.Config, Xuc.Actors.Messages.Events.ConfigChanged.From(change)));
            return Task.FromResult(directoryB.Queue("helpdesk") is not null);
        }, Timeout, "node B's copy has the renamed queue");
        Assert.Null(directoryB.Queue("support"));
        Assert.Equal("Helpdesk", directoryB.Queue("helpdesk")!.DisplayName);

        // An import is re-read from the store by each node.
        mediatorA.Tell(new Akka.Cluster.Tools.PublishSubscribe.Publish(Xuc.Actors.PubSub.Topics.Config,
            Xuc.Actors.Messages.Events.ConfigChanged.From(new ConfigChange("*", "*", ChangeOp.Reloaded, reimported, demo))));
        await Wait.Until(() => Task.FromResult(directoryA.Queue("vip") is not null && directoryB.Queue("vip") is not null),
            Timeout, "both nodes re-read the imported configuration");

        // Entities started from then on (on either node) read their node's copy.
        var queuesB = await b.Registry.GetAsync<QueueRegion>();
        Assert.Equal("3009", (await queuesB.Ask<QueueSnapshot>(new GetQueueState("vip"), Timeout)).Config?.Number);
    }

    public void Dispose() => _dir.Dispose();
}
