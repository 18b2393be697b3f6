namespace Xuc.Ami.Actions;

public sealed class LoginAction : AmiAction
{
    public override string Name => "Login";
    public required string Username { get; init; }
    public string? Secret { get; init; }
    public string? AuthType { get; init; }
    public string? Key { get; init; }
    public string? Events { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Username", Username), ("Secret", Secret), ("AuthType", AuthType), ("Key", Key), ("Events", Events)];
}

public sealed class ChallengeAction : AmiAction
{
    public override string Name => "Challenge";
    public string AuthType { get; init; } = "MD5";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("AuthType", AuthType)];
}

public sealed class LogoffAction : AmiAction
{
    public override string Name => "Logoff";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [];
}

public sealed class PingAction : AmiAction
{
    public override string Name => "Ping";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [];
}

public sealed class EventsAction : AmiAction
{
    public override string Name => "Events";
    public string EventMask { get; init; } = "on";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("EventMask", EventMask)];
}

public sealed class OriginateAction : AmiAction
{
    public override string Name => "Originate";
    public required string Channel { get; init; }
    public string? Exten { get; init; }
    public string? Context { get; init; }
    public string? Priority { get; init; }
    public string? Application { get; init; }
    public string? Data { get; init; }
    public string? Timeout { get; init; }
    public string? CallerId { get; init; }
    public string? Account { get; init; }
    public string? EarlyMedia { get; init; }
    public string? Async { get; init; } = "true";
    public string? ChannelId { get; init; }
    public string? OtherChannelId { get; init; }
    /// <summary>Channel variables, one <c>Variable: name=value</c> header each (attached data).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    protected override IEnumerable<(string Name, string Value)> Repeated() => Variables.Select(v => ("Variable", v.Key + "=" + v.Value));
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Exten", Exten), ("Context", Context), ("Priority", Priority), ("Application", Application), ("Data", Data), ("Timeout", Timeout), ("CallerID", CallerId), ("Account", Account), ("EarlyMedia", EarlyMedia), ("Async", Async), ("ChannelId", ChannelId), ("OtherChannelId", OtherChannelId)];
}

public sealed class HangupAction : AmiAction
{
    public override string Name => "Hangup";
    public required string Channel { get; init; }
    public string? Cause { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Cause", Cause)];
}

public sealed class RedirectAction : AmiAction
{
    public override string Name => "Redirect";
    public required string Channel { get; init; }
    public string? ExtraChannel { get; init; }
    public required string Exten { get; init; }
    public required string Context { get; init; }
    public string Priority { get; init; } = "1";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("ExtraChannel", ExtraChannel), ("Exten", Exten), ("Context", Context), ("Priority", Priority)];
}

public sealed class AtxferAction : AmiAction
{
    public override string Name => "Atxfer";
    public required string Channel { get; init; }
    public required string Exten { get; init; }
    public string? Context { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Exten", Exten), ("Context", Context)];
}

public sealed class BlindTransferAction : AmiAction
{
    public override string Name => "BlindTransfer";
    public required string Channel { get; init; }
    public required string Exten { get; init; }
    public string? Context { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Exten", Exten), ("Context", Context)];
}

public sealed class SetvarAction : AmiAction
{
    public override string Name => "Setvar";
    public string? Channel { get; init; }
    public required string Variable { get; init; }
    public required string Value { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Variable", Variable), ("Value", Value)];
}

public sealed class GetvarAction : AmiAction
{
    public override string Name => "Getvar";
    public string? Channel { get; init; }
    public required string Variable { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Variable", Variable)];
}

public sealed class PlayDtmfAction : AmiAction
{
    public override string Name => "PlayDTMF";
    public required string Channel { get; init; }
    public required string Digit { get; init; }
    public string? Duration { get; init; }
    public string? Receive { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Digit", Digit), ("Duration", Duration), ("Receive", Receive)];
}

public sealed class QueueAddAction : AmiAction
{
    public override string Name => "QueueAdd";
    public required string Queue { get; init; }
    public required string Interface { get; init; }
    public string? Penalty { get; init; }
    public string? Paused { get; init; }
    public string? MemberName { get; init; }
    public string? StateInterface { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Queue", Queue), ("Interface", Interface), ("Penalty", Penalty), ("Paused", Paused), ("MemberName", MemberName), ("StateInterface", StateInterface)];
}

public sealed class QueueRemoveAction : AmiAction
{
    public override string Name => "QueueRemove";
    public required string Queue { get; init; }
    public required string Interface { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Queue", Queue), ("Interface", Interface)];
}

public sealed class QueuePauseAction : AmiAction
{
    public override string Name => "QueuePause";
    public required string Interface { get; init; }
    public required string Paused { get; init; }
    public string? Queue { get; init; }
    public string? Reason { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Interface", Interface), ("Paused", Paused), ("Queue", Queue), ("Reason", Reason)];
}

public sealed class QueuePenaltyAction : AmiAction
{
    public override string Name => "QueuePenalty";
    public required string Interface { get; init; }
    public required string Penalty { get; init; }
    public string? Queue { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Interface", Interface), ("Penalty", Penalty), ("Queue", Queue)];
}

public sealed class QueueStatusAction : AmiAction
{
    public override string Name => "QueueStatus";
    public string? Queue { get; init; }
    public string? Member { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Queue", Queue), ("Member", Member)];
}

public sealed class QueueSummaryAction : AmiAction
{
    public override string Name => "QueueSummary";
    public string? Queue { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Queue", Queue)];
}

public sealed class CoreShowChannelsAction : AmiAction
{
    public override string Name => "CoreShowChannels";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [];
}

public sealed class ExtensionStateListAction : AmiAction
{
    public override string Name => "ExtensionStateList";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [];
}

public sealed class MailboxCountAction : AmiAction
{
    public override string Name => "MailboxCount";
    public required string Mailbox { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Mailbox", Mailbox)];
}

public sealed class ConfbridgeListAction : AmiAction
{
    public override string Name => "ConfbridgeList";
    public required string Conference { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Conference", Conference)];
}

public sealed class ConfbridgeListRoomsAction : AmiAction
{
    public override string Name => "ConfbridgeListRooms";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [];
}

public sealed class ConfbridgeMuteAction : AmiAction
{
    public override string Name => "ConfbridgeMute";
    public required string Conference { get; init; }
    public required string Channel { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Conference", Conference), ("Channel", Channel)];
}

public sealed class ConfbridgeUnmuteAction : AmiAction
{
    public override string Name => "ConfbridgeUnmute";
    public required string Conference { get; init; }
    public required string Channel { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Conference", Conference), ("Channel", Channel)];
}

public sealed class ConfbridgeKickAction : AmiAction
{
    public override string Name => "ConfbridgeKick";
    public required string Conference { get; init; }
    public required string Channel { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Conference", Conference), ("Channel", Channel)];
}

public sealed class PjsipNotifyAction : AmiAction
{
    public override string Name => "PJSIPNotify";
    public string? Endpoint { get; init; }
    public string? Channel { get; init; }
    public string? URI { get; init; }
    /// <summary>The notify's headers, one <c>Variable: name=value</c> each (e.g. Event=talk).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    protected override IEnumerable<(string Name, string Value)> Repeated() => Variables.Select(v => ("Variable", v.Key + "=" + v.Value));
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Endpoint", Endpoint), ("Channel", Channel), ("Uri", URI)];
}

public sealed class DbPutAction : AmiAction
{
    public override string Name => "DBPut";
    public required string Family { get; init; }
    public required string Key { get; init; }
    public required string Val { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Family", Family), ("Key", Key), ("Val", Val)];
}

public sealed class DbGetAction : AmiAction
{
    public override string Name => "DBGet";
    public required string Family { get; init; }
    public required string Key { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Family", Family), ("Key", Key)];
}

/// <summary>app_mixmonitor's manager MixMonitor: record a channel into <see cref="File"/> (relative: the monitor spool directory).</summary>
public sealed class MixMonitorAction : AmiAction
{
    public override string Name => "MixMonitor";
    public required string Channel { get; init; }
    public string? File { get; init; }
    public string? Options { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("File", File), ("Options", Options)];
}

public sealed class StopMixMonitorAction : AmiAction
{
    public override string Name => "StopMixMonitor";
    public required string Channel { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel)];
}

public sealed class MixMonitorMuteAction : AmiAction
{
    public override string Name => "MixMonitorMute";
    public required string Channel { get; init; }
    public string Direction { get; init; } = "both";
    public string State { get; init; } = "1";
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Direction", Direction), ("State", State)];
}

/// <summary>chan_sip's NOTIFY (Asterisk with SIP/ channels), e.g. <c>Event=talk</c> to answer a desk phone.</summary>
public sealed class SipNotifyAction : AmiAction
{
    public override string Name => "SIPnotify";
    public required string Channel { get; init; }
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    protected override IEnumerable<(string Name, string Value)> Repeated() => Variables.Select(v => ("Variable", v.Key + "=" + v.Value));
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel)];
}

/// <summary>Pauses a Monitor recording (res_monitor, the older counterpart of MixMonitorMute).</summary>
public sealed class PauseMonitorAction : AmiAction
{
    public override string Name => "PauseMonitor";
    public required string Channel { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel)];
}

/// <summary>Resumes a Monitor recording paused with <see cref="PauseMonitorAction"/>.</summary>
public sealed class UnpauseMonitorAction : AmiAction
{
    public override string Name => "UnpauseMonitor";
    public required string Channel { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel)];
}

/// <summary>Cancels the attended transfer a channel started (Asterisk 18+: queues the atxferabort code on it).</summary>
public sealed class CancelAtxferAction : AmiAction
{
    public override string Name => "CancelAtxfer";
    public required string Channel { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel)];
}

/// <summary>res_mutestream: mutes (<c>State: on</c>) or unmutes a channel's audio, <c>in</c> (from its end), <c>out</c> or <c>all</c>.</summary>
public sealed class MuteAudioAction : AmiAction
{
    public override string Name => "MuteAudio";
    public required string Channel { get; init; }
    public required string Direction { get; init; }
    public required string State { get; init; }
    protected override IEnumerable<(string Name, string? Value)> Fields() => [("Channel", Channel), ("Direction", Direction), ("State", State)];
}
