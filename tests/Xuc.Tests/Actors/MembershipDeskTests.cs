using Akka.Actor;
using Akka.TestKit.Xunit2;
using Xuc.Actors;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Pbx;
using Xuc.Actors.Sessions.Membership;
using Xuc.Tests.Support;

namespace Xuc.Tests.Actors;

/// <summary>
/// The membership desk of two nodes (one per node, over one database) changing one agent at once: neither change is
/// lost, and the PBX ends with what the configuration says.
/// </summary>
public sealed class MembershipDeskTests : TestKit, IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <summary>The agent entity as the desk asks it: agent 1 logged in on PJSIP/1001, in sales and billing on the PBX.</summary>
    private sealed class LoggedAgent : ReceiveActor
    {
        public LoggedAgent() => Receive<GetAgentState>(q => Sender.Tell(
            new AgentState(q.AgentId, true, "1001", "PJSIP/1001", false, null, AgentStatus.Ready, DateTimeOffset.UtcNow)
            {
                Memberships = [new AgentMembership("sales", 1, "PJSIP/1001"), new AgentMembership("billing", 3, "PJSIP/1001")],
            }));
    }

    /// <summary>
    /// A PBX that takes every action and records it; the first QueueAdd is answered only once <paramref name="meanwhile"/>
    /// (the other node's change) is done, so that change lands between this desk's read and its write.
    /// </summary>
    private sealed class SlowFirstAdd : ReceiveActor
    {
        public SlowFirstAdd(Func<Task> meanwhile, List<string> seen)
        {
            var held = false;
            Receive<PbxRequest>(r =>
            {
                string Header(string name) => r.Action.Headers.FirstOrDefault(h => h.Key == name).Value ?? "";
                lock (seen) seen.Add($"{r.Action.Name} {Header("Queue")} {Header("Penalty")}".TrimEnd());
                var answer = new PbxAnswered(r.Action.Name, AmiEventData.Of("Response", ("Response", "Success")), []);
                if (held || r.Action.Name != "QueueAdd")
                {
                    Sender.Tell(answer);
                    return;
                }
                held = true;
                var sender = Sender;
                meanwhile().ContinueWith(_ => sender.Tell(answer));
            });
        }
    }

    private static IReadOnlyList<QueueMembership> With(IReadOnlyList<QueueMembership> queues, int queueId, int penalty) =>
        queues.Any(m => m.QueueId == queueId)
            ? queues.Select(m => m.QueueId == queueId ? m with { Penalty = penalty } : m).ToList()
            : [.. queues, new QueueMembership(queueId, penalty)];

    [Fact]
    public async Task Two_nodes_changing_one_agents_queues_at_once_both_land_in_the_configuration_and_on_the_pbx()
    {
        var options = new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={_dir.File("config.db")}" };
        using var storeA = new ConfigStore(options);
        using var storeB = new ConfigStore(options);
        await storeA.MigrateAsync();
        await storeA.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var directory = EntityConfigDirectory.From(await storeA.LoadAsync());
        var agent = Sys.ActorOf(Props.Create(() => new LoggedAgent()));
        var seenB = new List<string>();
        var deskB = new MembershipDesk(storeB, new PbxGateway(Sys.ActorOf(Props.Create(() => new SlowFirstAdd(() => Task.CompletedTask, seenB)))), agent, directory);
        var seenA = new List<string>();
        CtiErrorOrNull? fromB = null;
        // Node B's supervisor sets agent 1's sales penalty to 5 while node A's add to support waits for the PBX.
        Func<Task> meanwhile = async () => fromB = new CtiErrorOrNull(await deskB.ChangeQueuesAsync("setAgentQueue", 1, qs => With(qs, 1, 5)));
        var pbxA = Sys.ActorOf(Props.Create(() => new SlowFirstAdd(meanwhile, seenA)));
        var deskA = new MembershipDesk(storeA, new PbxGateway(pbxA), agent, directory);

        var fromA = await deskA.ChangeQueuesAsync("setAgentQueue", 1, qs => With(qs, 2, 3));

        Assert.Null(fromA);
        Assert.Null(fromB!.Error);
        // Both changes are in the configuration, as either node reads it.
        IReadOnlyList<QueueMembership> expected = [new(1, 5), new(3, 1), new(2, 3)];
        Assert.Equal(expected, ((Agent)(await storeA.GetAsync(ConfigKinds.Agent, "1"))!).DefaultQueues);
        Assert.Equal(expected, ((Agent)(await storeB.GetAsync(ConfigKinds.Agent, "1"))!).DefaultQueues);
        // B changed the sales penalty; A's add found the agent changed when it came to write: it took its add back
        // and did it again on what B left.
        Assert.Equal(["QueuePenalty sales 5"], seenB);
        Assert.Equal(["QueueAdd support 3", "QueueRemove support", "QueueAdd support 3"], seenA);
    }

    private sealed record CtiErrorOrNull(Xuc.Actors.Sessions.Outbound.CtiError? Error);

    public new void Dispose()
    {
        base.Dispose();
        _dir.Dispose();
    }
}
