using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

public sealed class NewchannelEvent(AmiMessage message) : ChannelEvent(message)
{
}

public sealed class NewstateEvent(AmiMessage message) : ChannelEvent(message)
{
}

public sealed class NewConnectedLineEvent(AmiMessage message) : ChannelEvent(message)
{
}

public sealed class NewCalleridEvent(AmiMessage message) : ChannelEvent(message)
{
}

public sealed class HangupEvent(AmiMessage message) : ChannelEvent(message)
{
    public int Cause => Int("Cause");
    public string CauseText => Get("Cause-txt");
}

public sealed class HangupRequestEvent(AmiMessage message) : ChannelEvent(message)
{
    public int Cause => Int("Cause");
}

public sealed class DialBeginEvent(AmiMessage message) : ChannelEvent(message)
{
    public string DestChannel => Get("DestChannel");
    public string DestUniqueid => Get("DestUniqueid");
    public string DestCallerIdNum => Get("DestCallerIDNum");
    public string DialString => Get("DialString");
}

public sealed class DialEndEvent(AmiMessage message) : ChannelEvent(message)
{
    public string DestChannel => Get("DestChannel");
    public string DestUniqueid => Get("DestUniqueid");
    public string DialStatus => Get("DialStatus");
}

public sealed class HoldEvent(AmiMessage message) : ChannelEvent(message)
{
    public string MusicClass => Get("MusicClass");
}

public sealed class UnholdEvent(AmiMessage message) : ChannelEvent(message)
{
}

public sealed class VarSetEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Variable => Get("Variable");
    public string Value => Get("Value");
}

public sealed class RenameEvent(AmiMessage message) : ChannelEvent(message)
{
    public string NewName => Get("Newname");
}

public sealed class BridgeEnterEvent(AmiMessage message) : ChannelEvent(message)
{
    public string BridgeUniqueid => Get("BridgeUniqueid");
    public string BridgeType => Get("BridgeType");
    public int BridgeNumChannels => Int("BridgeNumChannels");
}

public sealed class BridgeLeaveEvent(AmiMessage message) : ChannelEvent(message)
{
    public string BridgeUniqueid => Get("BridgeUniqueid");
    public int BridgeNumChannels => Int("BridgeNumChannels");
}

public sealed class CoreShowChannelEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Application => Get("Application");
    public string ApplicationData => Get("ApplicationData");
    public string Duration => Get("Duration");
    public string BridgeId => Get("BridgeId");
}

public sealed class DTMFEndEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Digit => Get("Digit");
    public string Direction => Get("Direction");
}

public sealed class OriginateResponseEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Response => Get("Response");
    public int Reason => Int("Reason");
}
