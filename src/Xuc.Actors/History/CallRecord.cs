namespace Xuc.Actors.History;

/// <summary>
/// One row of the call history: a call (Asterisk's <c>Linkedid</c>) as one party saw it. A party is a line (the
/// device, <c>PJSIP/1001</c>) or a queue. <see cref="End"/> is null while the call is <see cref="CallStatus.Ongoing"/>.
/// </summary>
public sealed record CallRecord(
    string CallId,
    string Party,
    DateTimeOffset Start,
    DateTimeOffset? Answer,
    DateTimeOffset? End,
    string SrcNum,
    string SrcName,
    string DstNum,
    string DstName,
    string? Line,
    string? Queue,
    string? AgentId,
    string Status)
{
    /// <summary>The row's key: the call and the party, so writing the same record twice changes nothing.</summary>
    public string Id => $"{CallId}|{Party}";

    public static string LineParty(string device) => "line:" + device;
    public static string QueueParty(string queue) => "queue:" + queue;
}

/// <summary>The statuses of the reference (xuc-api-reference.txt, Call History).</summary>
public static class CallStatus
{
    // Queue calls.
    public const string Full = "full";
    public const string Closed = "closed";
    public const string JoinEmpty = "joinempty";
    public const string LeaveEmpty = "leaveempty";
    public const string DivertCaRatio = "divert_ca_ratio";
    public const string DivertWaitTime = "divert_waittime";
    public const string Answered = "answered";
    public const string Abandoned = "abandoned";
    public const string Timeout = "timeout";
    // Other calls (a line's view; an incoming line call answered is "answered" too).
    public const string Emitted = "emitted";
    public const string Missed = "missed";
    public const string Ongoing = "ongoing";

    /// <summary>
    /// A queue outcome from a channel variable: app_queue's <c>QUEUESTATUS</c> (set_queue_result: TIMEOUT, FULL,
    /// JOINEMPTY, LEAVEEMPTY, JOINUNAVAIL, LEAVEUNAVAIL, CONTINUE, WITHDRAW), or the XiVO/Wazo dialplan's
    /// <c>XIVO_QUEUELOG_EVENT</c> / <c>XIVO_DIVERT_EVENT</c> (CLOSED, DIVERT_CA_RATIO, DIVERT_HOLDTIME, FULL...).
    /// null: not an outcome of the history (the call is abandoned or answered instead).
    /// </summary>
    public static string? OfQueueResult(string value) => value.ToUpperInvariant() switch
    {
        "TIMEOUT" or "EXITWITHTIMEOUT" => Timeout,
        "FULL" => Full,
        "JOINEMPTY" or "JOINUNAVAIL" => JoinEmpty,
        "LEAVEEMPTY" or "LEAVEUNAVAIL" => LeaveEmpty,
        "CLOSED" => Closed,
        "DIVERT_CA_RATIO" => DivertCaRatio,
        "DIVERT_HOLDTIME" or "DIVERT_WAITTIME" => DivertWaitTime,
        _ => null,
    };
}
