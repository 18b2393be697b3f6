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
