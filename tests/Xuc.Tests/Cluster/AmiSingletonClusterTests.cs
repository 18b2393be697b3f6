using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Host.Settings;
using Xuc.PbxSim;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>Two nodes, one PBX: one AMI connection in the whole cluster, and it moves when its node leaves.</summary>
public sealed class AmiSingletonClusterTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task The_ami_connection_is_a_singleton_that_moves_to_the_surviving_node()
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(sim.Model);
        await sim.StartAsync();
        var ami = new AmiSettings { Port = sim.Port, UseMd5 = true };
        var db = $"Data Source={_dir.File("cluster.db")}";
        var seedPort = FreePort.Next();
        var seed = $"akka.tcp://xuc@127.0.0.1:{seedPort}";

        var a = await ActorHost.StartAsync("sqlite", db, seedPort, seed, ami);
        await using var b = await ActorHost.StartAsync("sqlite", db, 0, seed, ami);
        try
        {
            await Wait.Until(() => Task.FromResult(Akka.Cluster.Cluster.Get(b.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2), Within, "two nodes Up");
            await Wait.Until(() => Task.FromResult(sim.SessionCount == 1), Within, "one AMI session for the cluster");
            var linesB = await b.Registry.GetAsync<LineRegion>();
            sim.Model.Dial("1001", "1002");
            await Wait.Until(async () => (await linesB.Ask<LineSnapshot>(new GetLineState("PJSIP/1001"), TimeSpan.FromSeconds(5))).Channels.Count == 1, Within, "a PBX event reaches the line through the cluster");

            // An agent logs in on phone 1005 (a member of queue sales) while the AMI router runs on node A.
            var agentsA = await a.Registry.GetAsync<AgentRegion>();
            Assert.True((await agentsA.Ask<AgentCommandResult>(new LoginAgent("1", "1005", "PJSIP/1005"), Within)).Ok);
        }
        finally
        {
            // The oldest node (the singleton's) leaves gracefully.
            await a.DisposeAsync();
        }

        await Wait.Until(() => Task.FromResult(sim.SessionCount == 1 && Akka.Cluster.Cluster.Get(b.System).State.Members.Count == 1), Within, "the singleton reconnected from the surviving node");
        var lines = await b.Registry.GetAsync<LineRegion>();
        sim.Model.Dial("1003", "1004");
        await Wait.Until(async () => (await lines.Ask<LineSnapshot>(new GetLineState("PJSIP/1003"), TimeSpan.FromSeconds(5))).Channels.Count == 1, Within, "events flow again after the handover");

        // The router now on node B still knows who is logged on 1005: a queue call ringing 1005 reaches agent 1.
        var agents = await b.Registry.GetAsync<AgentRegion>();
        sim.Model.ExternalCall("0612345678", "3000");
        await Wait.Until(async () => (await agents.Ask<AgentState>(new GetAgentState("1"), TimeSpan.FromSeconds(5))).Status is AgentStatus.Ringing or AgentStatus.OnCall,
            Within, "the queue call reaches the agent logged in before the handover");
    }

    public void Dispose() => _dir.Dispose();
}
