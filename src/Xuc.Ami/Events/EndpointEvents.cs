using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

/// <summary>
/// stasis_endpoints.c peerstatus_to_ami: <c>ChannelType</c>, <c>Peer</c> (tech/resource), <c>PeerStatus</c>
/// (Registered, Unregistered, Reachable, Unreachable, Lagged, Rejected, Unknown), then <c>Cause</c>, <c>Address</c>,
/// <c>Port</c>, <c>Time</c> only when the driver gave them (null otherwise).
/// </summary>
public sealed class PeerStatusEvent(AmiMessage message) : AmiEvent(message)
{
    public string ChannelType => Get("ChannelType");
    public string Peer => Get("Peer");
    public string PeerStatus => Get("PeerStatus");
    public string? Cause => this["Cause"];
    public string? Address => this["Address"];
    public int? Port => OptionalInt("Port");
    public int? Time => OptionalInt("Time");
}

/// <summary>
/// stasis_endpoints.c contactstatus_to_ami (res_pjsip qualify): <c>URI</c>, <c>ContactStatus</c> (Created, Reachable,
/// Unreachable, Removed, Updated, Unknown), <c>AOR</c>, <c>EndpointName</c>, then <c>RoundtripUsec</c> only when known.
/// </summary>
public sealed class ContactStatusEvent(AmiMessage message) : AmiEvent(message)
{
    public string Uri => Get("URI");
    public string ContactStatus => Get("ContactStatus");
    public string Aor => Get("AOR");
    public string EndpointName => Get("EndpointName");
    public long? RoundtripUsec => long.TryParse(this["RoundtripUsec"], out var v) ? v : null;
}

/// <summary>
/// cdr_manager.c manager_log: one call detail record (AccountCode, Source, Destination, DestinationContext, CallerID,
/// Channel, DestinationChannel, LastApplication, LastData, StartTime, AnswerTime, EndTime, Duration, BillableSeconds,
/// Disposition, AMAFlags, UniqueID, UserField). <c>AnswerTime</c> is empty for an unanswered call.
/// </summary>
public sealed class CdrEvent(AmiMessage message) : AmiEvent(message)
{
    public string AccountCode => Get("AccountCode");
    public string Source => Get("Source");
    public string Destination => Get("Destination");
    public string DestinationContext => Get("DestinationContext");
    public string CallerId => Get("CallerID");
    public string Channel => Get("Channel");
    public string DestinationChannel => Get("DestinationChannel");
    public string LastApplication => Get("LastApplication");
    public string LastData => Get("LastData");
    public string StartTime => Get("StartTime");
    public string? AnswerTime => this["AnswerTime"] is { Length: > 0 } t ? t : null;
    public string EndTime => Get("EndTime");
    public int Duration => Int("Duration");
    public int BillableSeconds => Int("BillableSeconds");
    public string Disposition => Get("Disposition");
    public string AmaFlags => Get("AMAFlags");
    public string UniqueId => Get("UniqueID");
    public string UserField => Get("UserField");
}
