using Akka.Actor;
using Akka.Hosting;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Tests.Support;

namespace Xuc.Tests.Actors;

/// <summary>The production wiring on one node: messages reach the entity keyed by them; agent state survives a restart.</summary>
public sealed class ShardedEntityTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new();

    private string Db => $"Data Source={_dir.File("xuc.db")}";

    [Fact]
    public async Task An_event_sent_to_a_line_queue_or_agent_reaches_the_entity_keyed_by_it()
    {
        await using var node = await ActorHost.StartAsync("sqlite", Db);
        var lines = await node.Registry.GetAsync<LineRegion>();
        var queues = await node.Registry.GetAsync<QueueRegion>();
        var agents = await node.Registry.GetAsync<AgentRegion>();

        lines.Tell(new LineAmiEvent("PJSIP/1001", AmiEventData.Of("Newchannel",
            ("Channel", "PJSIP/1001-00000001"), ("ChannelState", "4"), ("CallerIDNum", "1001"), ("Uniqueid", "1700000000.1"), ("Linkedid", "1700000000.1"))));
        lines.Tell(new LineAmiEvent("PJSIP/1002", AmiEventData.Of("Newchannel",
            ("Channel", "PJSIP/1002-00000002"), ("ChannelState", "5"), ("Uniqueid", "1700000000.2"), ("Linkedid", "1700000000.1"))));
        queues.Tell(new QueueAmiEvent("sales", AmiEventData.Of("QueueCallerJoin",
            ("Queue", "sales"), ("Uniqueid", "1700000000.9"), ("CallerIDNum", "0612345678"), ("Position", "1"))));

        var line1 = await lines.Ask<LineSnapshot>(new GetLineState("PJSIP/1001"), Timeout);
        var line2 = await lines.Ask<LineSnapshot>(new GetLineState("PJSIP/1002"), Timeout);
        Assert.Equal("PJSIP/1001", line1.LineId);
        Assert.Equal(["1700000000.1"], line1.Channels.Select(c => c.UniqueId));
        Assert.Equal(5, Assert.Single(line2.Channels).State);

        var sales = await queues.Ask<QueueSnapshot>(new GetQueueState("sales"), Timeout);
        var support = await queues.Ask<QueueSnapshot>(new GetQueueState("support"), Timeout);
        Assert.Equal("0612345678", Assert.Single(sales.Waiting).CallerIdNum);
        Assert.Empty(support.Waiting);

        var result = await agents.Ask<AgentCommandResult>(new LoginAgent("7", "1001", "PJSIP/1001"), Timeout);
        Assert.True(result.Ok);
        var agent7 = await agents.Ask<AgentState>(new GetAgentState("7"), Timeout);
        var agent8 = await agents.Ask<AgentState>(new GetAgentState("8"), Timeout);
        Assert.Equal(AgentStatus.Ready, agent7.Status);
        Assert.Equal(AgentStatus.LoggedOut, agent8.Status);
    }

    [Fact]
    public async Task Agent_login_and_pause_survive_an_actor_system_restart()
    {
        await using (var first = await ActorHost.StartAsync("sqlite", Db))
        {
            var agents = await first.Registry.GetAsync<AgentRegion>();
            Assert.True((await agents.Ask<AgentCommandResult>(new LoginAgent("12", "1005", "PJSIP/1005"), Timeout)).Ok);
            Assert.True((await agents.Ask<AgentCommandResult>(new PauseAgent("12", "lunch"), Timeout)).Ok);
            var refused = await agents.Ask<AgentCommandResult>(new LoginAgent("12", "1006", "PJSIP/1006"), Timeout);
            Assert.Equal("LoggedInOnAnotherPhone", refused.Error);
        }

        await using var second = await ActorHost.StartAsync("sqlite", Db);
        var again = await second.Registry.GetAsync<AgentRegion>();
        var state = await again.Ask<AgentState>(new GetAgentState("12"), Timeout);
        Assert.True(state.LoggedIn);
        Assert.Equal("1005", state.PhoneNumber);
        Assert.Equal(AgentStatus.Paused, state.Status);
        Assert.Equal("lunch", state.PauseReason);
    }

    public void Dispose() => _dir.Dispose();
}
