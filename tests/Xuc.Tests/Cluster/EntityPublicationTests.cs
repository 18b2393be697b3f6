using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Newtonsoft.Json;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;
using Xuc.Host.Settings;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>
/// The outbound contract across two nodes: a subscriber on node B takes a line's snapshot, then only numbered
/// deltas through a whole call fed by PbxSim, and what it folds is the line's own state at the end.
/// </summary>
public sealed class EntityPublicationTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();

    /// <summary>Hands what a node's actor receives to the test.</summary>
    private sealed class Inbox : ReceiveActor
    {
        public Inbox(ChannelWriter<object> writer) => ReceiveAny(m => writer.TryWrite(m));
    }

    [Fact]
    public async Task A_subscriber_on_another_node_gets_the_snapshot_then_only_the_deltas_of_a_whole_call()
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(sim.Model);
        sim.Model.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.Zero);
        await sim.StartAsync();
        var ami = new AmiSettings { Port = sim.Port, UseMd5 = true };
        var db = $"Data Source={_dir.File("cluster.db")}";
        var seedPort = FreePort.Next();
        var seed = $"akka.tcp://xuc@127.0.0.1:{seedPort}";
        await using var a = await ActorHost.StartAsync("sqlite", db, seedPort, seed, ami);
        await using var b = await ActorHost.StartAsync("sqlite", db, 0, seed, ami);
        await Wait.Until(() => Task.FromResult(Akka.Cluster.Cluster.Get(b.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2), Within, "two nodes Up");
        Assert.Contains(typeof(IEntityPublication).FullName!, b.System.Settings.Config.GetConfig("akka.actor.serialization-bindings").ToString());

        const string line = "PJSIP/1002";
        var inbox = System.Threading.Channels.Channel.CreateUnbounded<object>();
        var subscriber = b.System.ActorOf(Props.Create(() => new Inbox(inbox.Writer)));
        DistributedPubSub.Get(b.System).Mediator.Tell(new Subscribe(Topics.Line(line), subscriber));
        // Node A's mediator knows the subscriber before anything is published (gossip): a message published there arrives.
        await Wait.Until(() =>
        {
            DistributedPubSub.Get(a.System).Mediator.Tell(new Publish(Topics.Line(line), "probe"));
            return Task.FromResult(inbox.Reader.TryRead(out var got) && got is "probe");
        }, Within, "a publication from node A reaches the subscriber on node B");
        while (inbox.Reader.TryRead(out _)) { }

        var linesB = await b.Registry.GetAsync<LineRegion>();
        var view = new SnapshotThenDeltas<LineSnapshot>((s, d) => s.Apply((ILineDelta)d));
        view.OnSnapshot(await linesB.Ask<LineSnapshot>(new GetLineState(line), Within));
        var first = view.Current!.Seq;

        await Wait.Until(() => Task.FromResult(sim.SessionCount == 1), Within, "AMI connected");
        sim.Model.Dial("1001", "1002");
        var deltas = new List<ILineDelta>();
        async Task<T> Next<T>(Func<T, bool> until) where T : ILineDelta
        {
            using var cts = new CancellationTokenSource(Within);
            while (true)
            {
                var received = await inbox.Reader.ReadAsync(cts.Token);
                if (received is "probe") continue; // a late one of the probes above
                var delta = Assert.IsAssignableFrom<ILineDelta>(received);
                deltas.Add(delta);
                Assert.Equal(DeltaStep.Applied, view.OnDelta(delta));
                if (delta is T t && until(t)) return t;
            }
        }
        var ringing = await Next<LineCallChanged>(c => c.Call.State == 5);
        sim.Model.Answer("1002");
        var up = await Next<LineCallChanged>(c => c.Call.State == 6);
        Assert.Equal((ringing.Call.UniqueId, "1001"), (up.Call.UniqueId, up.Call.ConnectedNum));
        sim.Model.Hangup("1002");
        var ended = await Next<LineCallEnded>(_ => true);
        Assert.Equal(up.Call.UniqueId, ended.UniqueId);

        // Every delta is the next number, each changes the line (no full state republished), and what the subscriber
        // folded is, field for field, the line's own state once the PBX is quiet again.
        Assert.Equal(Enumerable.Range(1, deltas.Count).Select(i => first + i), deltas.Select(d => d.Seq));
        Assert.All(deltas, d => Assert.Equal(line, d.LineId));
        await Wait.Until(async () =>
        {
            while (inbox.Reader.TryRead(out var more) && more is not "probe") Assert.Equal(DeltaStep.Applied, view.OnDelta((ILineDelta)more));
            var own = await linesB.Ask<LineSnapshot>(new GetLineState(line), Within);
            return JsonConvert.SerializeObject(own) == JsonConvert.SerializeObject(view.Current);
        }, Within, "the folded view equals the line's state");
        Assert.Empty(view.Current!.Channels);
        Assert.Contains(deltas, d => d is LineDeviceStateChanged { DeviceState: "INUSE" });
    }

    public void Dispose() => _dir.Dispose();
}
