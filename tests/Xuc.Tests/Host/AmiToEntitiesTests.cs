using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// The whole path on the embedded default: PbxSim → AMI over TCP → the AMI singleton → router → sharded Line and
/// Queue entities; and after a cut, the resync lists rebuild what the events missed.
/// </summary>
public sealed class AmiToEntitiesTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private static async Task<T> AskUntil<T>(IActorRef region, object query, Func<T, bool> done, string what)
    {
        T last = default!;
        await Wait.Until(async () => done(last = await region.Ask<T>(query, TimeSpan.FromSeconds(5))), Within, what);
        return last;
    }

    /// <summary>The embedded simulator with phones that wait to be told to answer, the shard regions, once AMI is logged in.</summary>
    private static async Task<(Xuc.PbxSim.PbxSimulator Sim, IActorRef Lines, IActorRef Queues, IActorRef Agents)> ConnectedAsync(TestServer server)
    {
        var sim = server.App.Simulator!;
        sim.Model.SetAllEndpointsBehaviour(Xuc.PbxSim.Model.EndpointBehaviour.Manual, TimeSpan.Zero);
        var registry = server.App.Web.Services.GetRequiredService<IActorRegistry>();
        var regions = (await registry.GetAsync<LineRegion>(), await registry.GetAsync<QueueRegion>(), await registry.GetAsync<AgentRegion>());
        await Wait.Until(async () => (await server.Http.GetAsync("/health/ready")).IsSuccessStatusCode, Within, "AMI connected");
        return (sim, regions.Item1, regions.Item2, regions.Item3);
    }

    [Fact]
    public async Task Pbx_events_reach_the_entities_and_a_reconnection_resynchronises_them()
    {
        await using var server = await TestServer.StartAsync();
        var (sim, lines, queues, _) = await ConnectedAsync(server);

        sim.Model.Dial("1001", "1002");
        sim.Model.Answer("1002");
        var line = await AskUntil<LineSnapshot>(lines, new GetLineState("PJSIP/1002"), s => s.Channels.Any(c => c.State == 6), "1002's answered channel");
        Assert.Equal("1001", line.Channels.Single().ConnectedNum);

        sim.Model.ExternalCall("0612345678", "sales");
        var sales = await AskUntil<QueueSnapshot>(queues, new GetQueueState("sales"), s => s.Waiting.Count == 1, "a caller waiting in sales");
        Assert.Equal("0612345678", sales.Waiting[0].CallerIdNum);

        // A network cut: a call starts, another ends and the queue caller gives up while Xuc is not connected;
        // only the resync after reconnection can tell.
        sim.DisconnectClients();
        sim.Model.Dial("1003", "1004");
        sim.Model.Hangup("1002");
        sim.Model.Hangup(sales.Waiting[0].UniqueId);
        var missed = await AskUntil<LineSnapshot>(lines, new GetLineState("PJSIP/1003"), s => s.Channels.Count == 1, "1003's call, learnt from CoreShowChannels");
        Assert.StartsWith("PJSIP/1003-", missed.Channels[0].Name);
        await AskUntil<LineSnapshot>(lines, new GetLineState("PJSIP/1002"), s => s.Channels.Count == 0, "1002's call, ended during the cut, is gone");
        await AskUntil<LineSnapshot>(lines, new GetLineState("PJSIP/1001"), s => s.Channels.Count == 0, "1001's call, ended during the cut, is gone");
        await AskUntil<QueueSnapshot>(queues, new GetQueueState("sales"), s => s.Waiting.Count == 0, "the caller who left sales during the cut is gone");
    }

    /// <summary>
    /// The same queue call, answered and ended, with the agent's member interface direct or a Local channel (kept with
    /// /n, or optimised away): the line, queue and agent entities end in the same state. The Local halves are not
    /// lines; the phone's PJSIP channel is; AgentCalled/AgentConnect on the Local interface reach the agent through
    /// the StateInterface app_queue reports.
    /// </summary>
    [Theory]
    [InlineData("PJSIP/1001")]
    [InlineData("Local/1001@agents/n")]
    [InlineData("Local/1001@agents")]
    public async Task A_queue_call_gives_the_same_entity_states_with_local_and_direct_members(string memberInterface)
    {
        await using var server = await TestServer.StartAsync();
        var (sim, lines, queues, agents) = await ConnectedAsync(server);
        Assert.True((await agents.Ask<AgentCommandResult>(new LoginAgent("1", "1001", "PJSIP/1001"), Within)).Ok);
        // The login reaches the router through the agent-logins topic: under a loaded machine that can come after
        // the queue has already rung the member, so wait until the router says where PJSIP/1001's events go.
        await server.UntilRoutedAsync("PJSIP/1001", "1", Within);
        sim.Model.AddQueue("hotline", "3900");
        sim.Model.AddMember("hotline", memberInterface, "Agent 1001", stateInterface: memberInterface.StartsWith("Local/") ? "PJSIP/1001" : null);

        var caller = sim.Model.ExternalCall("0612345678", "3900");
        await AskUntil<QueueSnapshot>(queues, new GetQueueState("hotline"), s => s.Waiting.Count == 1, "the caller waits in hotline");
        await AskUntil<AgentState>(agents, new GetAgentState("1"), s => s.Status == AgentStatus.Ringing, "the agent rings");
        var ringing = await AskUntil<LineSnapshot>(lines, new GetLineState("PJSIP/1001"), s => s.Channels.Any(c => c.State == 5), "1001's phone rings");
        Assert.StartsWith("PJSIP/1001-", ringing.Channels.Single().Name);

        sim.Model.Answer("1001");
        var talking = await AskUntil<LineSnapshot>(lines, new GetLineState("PJSIP/1001"), s => s.Channels.Any(c => c.State == 6 && c.ConnectedNum == "0612345678"), "1001 talks to the caller");
        Assert.Single(talking.Channels);
        await AskUntil<AgentState>(agents, new GetAgentState("1"), s => s.Status == AgentStatus.OnCall, "the agent is on call");
        var answered = await AskUntil<QueueSnapshot>(queues, new GetQueueState("hotline"), s => s.Waiting.Count == 0 && s.Answered == 1, "the call was answered");

        sim.Model.Hangup(caller);
        await AskUntil<LineSnapshot>(lines, new GetLineState("PJSIP/1001"), s => s.Channels.Count == 0, "1001's call ended");
        var agent = await AskUntil<AgentState>(agents, new GetAgentState("1"), s => s.Status != AgentStatus.OnCall && s.Status != AgentStatus.Ringing, "the agent is free");
        Assert.Equal(AgentStatus.Ready, agent.Status);
        var queue = await AskUntil<QueueSnapshot>(queues, new GetQueueState("hotline"), s => s.Waiting.Count == 0, "nobody waits");
        Assert.Equal((0, 1, 0), (queue.Waiting.Count, queue.Answered, queue.Abandoned));
        Assert.Equal(answered.Answered, queue.Answered);
        // A Local channel is plumbing, never a line.
        Assert.Empty((await lines.Ask<LineSnapshot>(new GetLineState("Local/1001@agents"), Within)).Channels);
    }

    [Fact]
    public async Task The_demo_support_queue_takes_its_agents_as_local_channel_members_and_their_calls_reach_the_phones()
    {
        await using var server = await TestServer.StartAsync();
        var (sim, lines, queues, agents) = await ConnectedAsync(server);

        // Agents 6 and 7 (support, queue member interface Local/{number}@agents/n) log in on their lines.
        foreach (var (agent, phone) in new[] { ("6", "1006"), ("7", "1007") })
        {
            var outcome = await agents.Ask<AgentRequestOutcome>(new AgentLoginRequest(agent, phone, new AgentRequester("test", null)), Within);
            Assert.True(outcome.Ok, outcome.Message);
        }
        var support = await AskUntil<QueueSnapshot>(queues, new GetQueueState("support"), s => s.Members.Count == 2, "support's members, added by the logins");
        Assert.Equal(["Local/1006@agents/n", "Local/1007@agents/n"], support.Members.Select(m => m.Interface).Order().ToArray());
        sim.Model.ExternalCall("0612345678", "3001");
        var ringing = await AskUntil<LineSnapshot>(lines, new GetLineState("PJSIP/1006"), s => s.Channels.Any(c => c.State == 5), "1006's phone rings through its Local member");
        Assert.StartsWith("PJSIP/1006-", ringing.Channels.Single().Name);
    }
}
