using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

/// <summary>
/// The queue member block app_queue's member events share (Queue, MemberName, Interface … Wrapuptime). Headers that
/// Asterisk added after 13 (InCall, PausedReason, Ringinuse, LastPause, LoginTime, Wrapuptime) are null when absent.
/// </summary>
public abstract class QueueMemberBlockEvent(AmiMessage message) : AmiEvent(message)
{
    public string Queue => Get("Queue");
    public string MemberName => Get("MemberName");
    public string Interface => Get("Interface");
    public string StateInterface => Get("StateInterface");
    public string Membership => Get("Membership");
    public int Penalty => Int("Penalty");
    public int CallsTaken => Int("CallsTaken");
    public int LastCall => Int("LastCall");
    public int? InCall => OptionalInt("InCall");
    public int Status => Int("Status");
    public int Paused => Int("Paused");
    public string? PausedReason => this["PausedReason"];
    public int? LastPause => OptionalInt("LastPause");
    public int? LoginTime => OptionalInt("LoginTime");
    public int? Ringinuse => OptionalInt("Ringinuse");
    public int? WrapupTime => OptionalInt("Wrapuptime");
}

public sealed class QueueMemberAddedEvent(AmiMessage message) : QueueMemberBlockEvent(message);

public sealed class QueueMemberRemovedEvent(AmiMessage message) : QueueMemberBlockEvent(message);

public sealed class QueueMemberPauseEvent(AmiMessage message) : QueueMemberBlockEvent(message);

public sealed class QueueMemberStatusEvent(AmiMessage message) : QueueMemberBlockEvent(message);

public sealed class QueueMemberPenaltyEvent(AmiMessage message) : QueueMemberBlockEvent(message);

public sealed class QueueMemberRinginuseEvent(AmiMessage message) : QueueMemberBlockEvent(message);

public sealed class QueueMemberEvent(AmiMessage message) : QueueMemberBlockEvent(message);

public sealed class QueueParamsEvent(AmiMessage message) : AmiEvent(message)
{
    public string Queue => Get("Queue");
    public int Max => Int("Max");
    public string Strategy => Get("Strategy");
    public int Calls => Int("Calls");
    public int HoldTime => Int("Holdtime");
    public int TalkTime => Int("TalkTime");
    public int Completed => Int("Completed");
    public int Abandoned => Int("Abandoned");
}

public sealed class QueueSummaryEvent(AmiMessage message) : AmiEvent(message)
{
    public string Queue => Get("Queue");
    public int LoggedIn => Int("LoggedIn");
    public int Available => Int("Available");
    public int Callers => Int("Callers");
    public int HoldTime => Int("HoldTime");
    public int TalkTime => Int("TalkTime");
    public int LongestHoldTime => Int("LongestHoldTime");
}

public sealed class QueueStatusCompleteEvent(AmiMessage message) : AmiEvent(message)
{
}
