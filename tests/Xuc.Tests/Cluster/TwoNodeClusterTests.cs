using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
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
    public async Task A_change_written_through_node_As_store_reaches_an_entity_running_on_node_B_and_Bs_copy()
    {
        var db = $"Data Source={_dir.File("cluster-config.db")}";
        var options = new ConfigStoreOptions { Provider = "sqlite", ConnectionString = db };
        using var storeA = new ConfigStore(options);
        using var storeB = new ConfigStore(options);
        await storeA.MigrateAsync();
        await storeA.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var directoryA = EntityConfigDirectory.From(await storeA.LoadAsync());
        var directoryB = EntityConfigDirectory.From(await storeB.LoadAsync());
        var seedPort = FreePort();
        var seed = $"akka.tcp://xuc@127.0.0.1:{seedPort}";
        await using var a = await ActorHost.StartAsync("sqlite", db, seedPort, seed, directory: directoryA, store: storeA);
        await using var b = await ActorHost.StartAsync("sqlite", db, 0, seed, directory: directoryB, store: storeB);
        await Wait.Until(() => Task.FromResult(
                Akka.Cluster.Cluster.Get(a.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2),
            Timeout, "both nodes are Up");

        // Start the twelve demo lines, each with a channel, then pick one that runs on node B.
        var linesB = await b.Registry.GetAsync<LineRegion>();
        var devices = DemoDataset.Create().Lines.Select(l => l.Interface).ToList();
        foreach (var device in devices)
            linesB.Tell(new LineAmiEvent(device, AmiEventData.Of("Newchannel", ("Channel", device + "-00000001"), ("ChannelState", "4"), ("Uniqueid", "1700000200." + device[^2..]))));
        string? onB = null;
        await Wait.Until(async () =>
        {
            foreach (var device in devices)
                if ((await linesB.Ask<LineSnapshot>(new GetLineState(device), Timeout)).Channels.Count == 0) return false;
            var hosted = await linesB.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, Timeout);
            onB = hosted.Shards.SelectMany(s => s.EntityIds).FirstOrDefault(devices.Contains);
            return onB is not null;
        }, Timeout, "a line entity runs on node B");
        var line = (await storeA.LoadAsync()).Lines.Single(l => l.Interface == onB);

        // Node A writes through its store (the admin API's path). Until B's subscription to the config topic has
        // reached A, B's copy misses a change: write again (each write is a new revision) until it has one.
        var attempt = 0;
        await Wait.Until(async () =>
        {
            await storeA.UpsertAsync(ConfigKinds.Line, line with { Context = $"changed-{++attempt}" });
            return directoryB.Line(onB!)?.Context.StartsWith("changed-") == true;
        }, Timeout, "node B's copy has the change");
        var expected = $"changed-{attempt}";
        await Wait.Until(() => Task.FromResult(directoryB.Line(onB!)?.Context == expected), Timeout, "node B's copy has the last change");

        // The entity already running on B has the new configuration and is the same incarnation (its channel kept).
        await Wait.Until(async () => (await linesB.Ask<LineSnapshot>(new GetLineState(onB!), Timeout)).Config?.Context == expected,
            Timeout, "the line entity on node B has the last change");
        var state = await linesB.Ask<LineSnapshot>(new GetLineState(onB!), Timeout);
        Assert.Equal(onB + "-00000001", Assert.Single(state.Channels).Name);
        Assert.Equal(expected, directoryA.Line(onB!)?.Context);

        // An import on A: node B re-reads the store and entities started afterwards on B read its copy.
        await storeA.ImportAsync(new ConfigSnapshot { Queues = [new Xuc.Actors.Configuration.Model.Queue { Id = 9, Name = "vip", Number = "3009" }] }, ImportMode.Merge);
        await Wait.Until(() => Task.FromResult(directoryB.Queue("vip") is not null), Timeout, "node B re-read the imported configuration");
        var queuesB = await b.Registry.GetAsync<QueueRegion>();
        Assert.Equal("3009", (await queuesB.Ask<QueueSnapshot>(new GetQueueState("vip"), Timeout)).Config?.Number);
    }

    public void Dispose() => _dir.Dispose();
}
