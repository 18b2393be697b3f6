using Akka.Actor;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Ami;
using Xuc.Actors.Messages.Events;

namespace Xuc.Tests.Actors;

public sealed class AmiRouterTests() : TestKit("akka.actor.provider = cluster\nakka.remote.dot-netty.tcp.port = 0\nakka.loglevel = WARNING")
{
    [Fact]
    public void Channel_events_go_to_both_lines_queue_events_to_the_queue_and_member_events_to_the_logged_agent()
    {
        var lines = CreateTestProbe();
        var agents = CreateTestProbe();
        var queues = CreateTestProbe();
        var router = Sys.ActorOf(AmiRouterActor.PropsFor(lines, agents, queues));

        router.Tell(AmiEventData.Of("DialBegin", ("Channel", "PJSIP/1001-00000001"), ("DestChannel", "PJSIP/1002-00000002")));
        Assert.Equal("PJSIP/1001", lines.ExpectMsg<LineAmiEvent>().LineId);
        Assert.Equal("PJSIP/1002", lines.ExpectMsg<LineAmiEvent>().LineId);

        router.Tell(AmiEventData.Of("Newchannel", ("Channel", "Local/3000@default-00000001;1")));
        lines.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        router.Tell(new AgentLoggedIn("7", "1001", "PJSIP/1001", DateTimeOffset.UtcNow));
        router.Tell(AmiEventData.Of("AgentCalled", ("Queue", "sales"), ("Interface", "PJSIP/1001")));
        Assert.Equal("sales", queues.ExpectMsg<QueueAmiEvent>().QueueId);
        Assert.Equal("7", agents.ExpectMsg<AgentAmiEvent>().AgentId);

        router.Tell(new AgentLoggedOut("7", DateTimeOffset.UtcNow));
        router.Tell(AmiEventData.Of("AgentCalled", ("Queue", "sales"), ("Interface", "PJSIP/1001")));
        queues.ExpectMsg<QueueAmiEvent>();
        agents.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        router.Tell(AmiEventData.Of("DeviceStateChange", ("Device", "PJSIP/1003"), ("State", "INUSE")));
        Assert.Equal("PJSIP/1003", lines.ExpectMsg<LineAmiEvent>().LineId);
    }
}
