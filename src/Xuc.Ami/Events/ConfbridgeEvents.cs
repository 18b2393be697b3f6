using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

public sealed class ConfbridgeJoinEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Conference => Get("Conference");
    public string Admin => Get("Admin");
    public string Muted => Get("Muted");
}

public sealed class ConfbridgeLeaveEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Conference => Get("Conference");
}

public sealed class ConfbridgeMuteEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Conference => Get("Conference");
}

public sealed class ConfbridgeUnmuteEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Conference => Get("Conference");
}

public sealed class ConfbridgeTalkingEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Conference => Get("Conference");
    public string TalkingStatus => Get("TalkingStatus");
}

public sealed class ConfbridgeListEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Conference => Get("Conference");
    public string Admin => Get("Admin");
    public string Muted => Get("Muted");
}
