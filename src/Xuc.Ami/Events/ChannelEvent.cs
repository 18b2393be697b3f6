using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

/// <summary>
/// The channel block Asterisk 13+ puts in channel events (Channel, ChannelState, ChannelStateDesc, CallerIDNum,
/// CallerIDName, ConnectedLineNum, ConnectedLineName, Language, AccountCode, Context, Exten, Priority, Uniqueid, Linkedid).
/// </summary>
public abstract class ChannelEvent(AmiMessage message) : AmiEvent(message)
{
    public string Channel => Get("Channel");
    public int ChannelState => Int("ChannelState");
    public string ChannelStateDesc => Get("ChannelStateDesc");
    public string CallerIdNum => Get("CallerIDNum");
    public string CallerIdName => Get("CallerIDName");
    public string ConnectedLineNum => Get("ConnectedLineNum");
    public string ConnectedLineName => Get("ConnectedLineName");
    public string Context => Get("Context");
    public string Exten => Get("Exten");
    public string Uniqueid => Get("Uniqueid");
    public string Linkedid => Get("Linkedid");
}

/// <summary>
/// A channel block written with a prefix (<c>LocalOneChannel</c>, <c>SourceUniqueid</c>, <c>DestChannel</c> …), as
/// <c>ast_manager_build_channel_state_string_prefix</c> writes it. <see cref="IsPresent"/> is false when the event
/// left the block out (LocalOptimizationBegin without a source).
/// </summary>
public sealed class PrefixedChannel(AmiMessage message, string prefix)
{
    private string Get(string header) => message[prefix + header] ?? "";
    public bool IsPresent => message[prefix + "Channel"] is not null;
    public string Channel => Get("Channel");
    public int? ChannelState => int.TryParse(message[prefix + "ChannelState"], out var v) ? v : null;
    public string ChannelStateDesc => Get("ChannelStateDesc");
    public string CallerIdNum => Get("CallerIDNum");
    public string CallerIdName => Get("CallerIDName");
    public string ConnectedLineNum => Get("ConnectedLineNum");
    public string ConnectedLineName => Get("ConnectedLineName");
    public string Context => Get("Context");
    public string Exten => Get("Exten");
    public string Uniqueid => Get("Uniqueid");
    public string Linkedid => Get("Linkedid");
}
