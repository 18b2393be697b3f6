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

/// <summary>manager_channels.c channel_new_callerid: the channel block, then <c>CID-CallingPres: 0 (Presentation Allowed, Not Screened)</c>.</summary>
public sealed class NewCalleridEvent(AmiMessage message) : ChannelEvent(message)
{
    public string CallingPres => Get("CID-CallingPres");
}

/// <summary>manager_channels.c channel_state_change: <c>Cause</c> and <c>Cause-txt</c> always, <c>TechCause</c> only when the driver gave one.</summary>
public sealed class HangupEvent(AmiMessage message) : ChannelEvent(message)
{
    public int Cause => Int("Cause");
    public string CauseText => Get("Cause-txt");
    public int? TechCause => OptionalInt("TechCause");
}

/// <summary>
/// manager_channels.c channel_hangup_request_cb: the channel block, then <c>Cause</c> and <c>TechCause</c> only when
/// the request carried them (a plain <c>ast_softhangup</c> has none): null when absent.
/// </summary>
public abstract class HangupRequestBase(AmiMessage message) : ChannelEvent(message)
{
    public int? Cause => OptionalInt("Cause");
    public int? TechCause => OptionalInt("TechCause");
}

/// <summary>The side whose driver (or an AMI Hangup) asked for the hangup.</summary>
public sealed class HangupRequestEvent(AmiMessage message) : HangupRequestBase(message);

/// <summary>The peer torn down by the core (a bridge ending, a queue cancelling), raised as a soft hangup.</summary>
public sealed class SoftHangupRequestEvent(AmiMessage message) : HangupRequestBase(message);

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

/// <summary>channel.c __ast_change_name_nolink: only <c>Channel</c> (the old name), <c>Newname</c> and <c>Uniqueid</c>, no channel block.</summary>
public sealed class RenameEvent(AmiMessage message) : AmiEvent(message)
{
    public string Channel => Get("Channel");
    public string NewName => Get("Newname");
    public string Uniqueid => Get("Uniqueid");
}

/// <summary>manager_channels.c channel_newexten: the channel block, then <c>Extension</c>, <c>Application</c>, <c>AppData</c>.</summary>
public sealed class NewextenEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Extension => Get("Extension");
    public string Application => Get("Application");
    public string AppData => Get("AppData");
}

/// <summary>manager_channels.c channel_moh_start_cb: the channel block, then <c>Class</c>.</summary>
public sealed class MusicOnHoldStartEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Class => Get("Class");
}

/// <summary>manager_channels.c channel_moh_stop_cb: the channel block only.</summary>
public sealed class MusicOnHoldStopEvent(AmiMessage message) : ChannelEvent(message);

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

/// <summary>manager_channels.c channel_dtmf_begin_cb: the channel block, <c>Digit</c>, <c>Direction</c> (Received/Sent).</summary>
public sealed class DTMFBeginEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Digit => Get("Digit");
    public string Direction => Get("Direction");
}

/// <summary>manager_channels.c channel_dtmf_end_cb: the channel block, <c>Digit</c>, <c>DurationMs</c>, <c>Direction</c>.</summary>
public sealed class DTMFEndEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Digit => Get("Digit");
    public int DurationMs => Int("DurationMs");
    public string Direction => Get("Direction");
}

public sealed class OriginateResponseEvent(AmiMessage message) : ChannelEvent(message)
{
    public string Response => Get("Response");
    public int Reason => Int("Reason");
}
