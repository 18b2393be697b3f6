using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Ami;
using Xuc.Actors.Messages.Events;

namespace Xuc.Tests.Actors;

/// <summary>
/// Routing is proven positively: the entity that must get an event gets exactly that event, and where another must
/// get nothing, a marker event routed to it afterwards is the next thing it receives (the router sends in order, so
/// a misrouted message would arrive before the marker, however loaded the machine).
/// </summary>
public sealed class AmiRouterTests : TestKit
{
    private readonly TestProbe _lines, _agents, _queues;
    private readonly IActorRef _router;

    public AmiRouterTests() : base("akka.actor.provider = cluster\nakka.remote.dot-netty.tcp.port = 0\nakka.loglevel = WARNING")
    {
        _lines = CreateTestProbe();
        _agents = CreateTestProbe();
        _queues = CreateTestProbe();
        _router = Sys.ActorOf(AmiRouterActor.PropsFor(_lines, _agents, _queues));
    }

    private static AmiEventData DeviceState(string device) => AmiEventData.Of("DeviceStateChange", ("Device", device), ("State", "INUSE"));

    /// <summary>A device event for <paramref name="device"/>: the next message the lines get must be exactly it.</summary>
    private void ExpectLinesGetNothingBeforeTheMarker(string device = "PJSIP/1099")
    {
        var marker = DeviceState(device);
        _router.Tell(marker);
        Assert.Equal(new LineAmiEvent(device, marker), _lines.ExpectMsg<LineAmiEvent>());
    }

    [Fact]
    public void A_channel_event_goes_to_the_line_of_each_side_and_nowhere_else()
    {
        var dial = AmiEventData.Of("DialBegin", ("Channel", "PJSIP/1001-00000001"), ("DestChannel", "PJSIP/1002-00000002"));
        _router.Tell(dial);
        Assert.Equal(new LineAmiEvent("PJSIP/1001", dial), _lines.ExpectMsg<LineAmiEvent>());
        Assert.Equal(new LineAmiEvent("PJSIP/1002", dial), _lines.ExpectMsg<LineAmiEvent>());
        ExpectLinesGetNothingBeforeTheMarker();
    }

    [Fact]
    public void A_local_channel_is_no_line()
    {
        _router.Tell(AmiEventData.Of("Newchannel", ("Channel", "Local/3000@default-00000001;1")));
        ExpectLinesGetNothingBeforeTheMarker();
    }

    [Fact]
    public void A_device_state_goes_to_its_line()
    {
        var state = DeviceState("PJSIP/1003");
        _router.Tell(state);
        Assert.Equal(new LineAmiEvent("PJSIP/1003", state), _lines.ExpectMsg<LineAmiEvent>());
    }

    [Fact]
    public void A_member_event_goes_to_its_queue_and_to_the_agent_logged_on_the_interface_only_while_logged_in()
    {
        _router.Tell(new AgentLoggedIn("7", "1001", "PJSIP/1001", DateTimeOffset.UtcNow));
        var called = AmiEventData.Of("AgentCalled", ("Queue", "sales"), ("Interface", "PJSIP/1001"));
        _router.Tell(called);
        Assert.Equal(new QueueAmiEvent("sales", called), _queues.ExpectMsg<QueueAmiEvent>());
        Assert.Equal(new AgentAmiEvent("7", called), _agents.ExpectMsg<AgentAmiEvent>());

        _router.Tell(new AgentLoggedOut("7", DateTimeOffset.UtcNow));
        var again = AmiEventData.Of("AgentCalled", ("Queue", "sales"), ("Interface", "PJSIP/1001"));
        _router.Tell(again);
        Assert.Equal(new QueueAmiEvent("sales", again), _queues.ExpectMsg<QueueAmiEvent>());

        // The marker: another agent's event. Had agent 7 still been routed to, its event would come first.
        _router.Tell(new AgentLoggedIn("8", "1002", "PJSIP/1002", DateTimeOffset.UtcNow));
        var marker = AmiEventData.Of("AgentCalled", ("Queue", "support"), ("Interface", "PJSIP/1002"));
        _router.Tell(marker);
        Assert.Equal(new AgentAmiEvent("8", marker), _agents.ExpectMsg<AgentAmiEvent>());
        Assert.Equal(new QueueAmiEvent("support", marker), _queues.ExpectMsg<QueueAmiEvent>());
    }

    private Akka.DistributedData.Changed Replica(params (string Interface, string Agent)[] entries)
    {
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        var registry = Akka.DistributedData.LWWDictionary<string, string>.Empty;
        foreach (var (iface, agent) in entries) registry = registry.SetItem(cluster, iface, agent);
        return new Akka.DistributedData.Changed(Xuc.Actors.Routing.AgentInterfaces.Key, registry);
    }

    private void ExpectAgentGets(string agent, string iface, string queue)
    {
        var called = AmiEventData.Of("AgentCalled", ("Queue", queue), ("Interface", iface));
        _router.Tell(called);
        Assert.Equal(new QueueAmiEvent(queue, called), _queues.ExpectMsg<QueueAmiEvent>());
        Assert.Equal(new AgentAmiEvent(agent, called), _agents.ExpectMsg<AgentAmiEvent>());
    }

    [Fact]
    public void A_stale_replica_never_undoes_a_login_the_topic_brought_and_what_the_replica_changes_is_applied()
    {
        _router.Tell(Replica(("PJSIP/1002", "8")));
        // Agent 7's login comes by the topic; the replica's next change notification does not show it yet.
        _router.Tell(new AgentLoggedIn("7", "1001", "PJSIP/1001", DateTimeOffset.UtcNow));
        _router.Tell(Replica(("PJSIP/1002", "8"), ("PJSIP/1003", "9")));
        ExpectAgentGets("7", "PJSIP/1001", "sales");
        ExpectAgentGets("9", "PJSIP/1003", "sales");

        // The replica drops agent 8 and moves 1003 to agent 10: both applied, agent 7 kept.
        _router.Tell(Replica(("PJSIP/1003", "10"), ("PJSIP/1001", "7")));
        var gone = AmiEventData.Of("AgentCalled", ("Queue", "support"), ("Interface", "PJSIP/1002"));
        _router.Tell(gone);
        Assert.Equal(new QueueAmiEvent("support", gone), _queues.ExpectMsg<QueueAmiEvent>());
        // Had agent 8 still been routed to, its event would come before this one.
        ExpectAgentGets("10", "PJSIP/1003", "sales");
        ExpectAgentGets("7", "PJSIP/1001", "sales");
    }
}
