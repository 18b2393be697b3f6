using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

public sealed class QueueCallerJoinEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public int Position => Int("Position");
    public int Count => Int("Count");
}

public sealed class QueueCallerLeaveEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public int Position => Int("Position");
    public int Count => Int("Count");
}

public sealed class QueueCallerAbandonEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public int Position => Int("Position");
    public int OriginalPosition => Int("OriginalPosition");
    public int HoldTime => Int("HoldTime");
}

public sealed class AgentCalledEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public string Interface => Get("Interface");
    public string MemberName => Get("MemberName");
    public string DestChannel => Get("DestChannel");
}

public sealed class AgentConnectEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public string Interface => Get("Interface");
    public string MemberName => Get("MemberName");
    public int HoldTime => Int("HoldTime");
    public int RingTime => Int("RingTime");
    public string DestChannel => Get("DestChannel");
}

public sealed class AgentCompleteEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public string Interface => Get("Interface");
    public string MemberName => Get("MemberName");
    public int HoldTime => Int("HoldTime");
    public int TalkTime => Int("TalkTime");
    public string Reason => Get("Reason");
}

public sealed class AgentRingNoAnswerEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public string Interface => Get("Interface");
    public string MemberName => Get("MemberName");
    public int RingTime => Int("RingTime");
}

public sealed class AgentDumpEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public string Interface => Get("Interface");
    public string MemberName => Get("MemberName");
}

public sealed class QueueEntryEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Queue => Get("Queue");
    public int Position => Int("Position");
    public int Wait => Int("Wait");
}
