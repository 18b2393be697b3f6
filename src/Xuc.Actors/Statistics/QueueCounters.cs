using Xuc.Actors.Entities.Queue;

namespace Xuc.Actors.Statistics;

/// <summary>One counter of <c>QueueStatistics</c>: its name on the wire and its value.</summary>
public sealed record QueueStat(string Name, double Value);

/// <summary>The twelve counters of a queue (reference, "Queue Statistics"), in the reference's order.</summary>
public static class QueueCounters
{
    public const string TotalNumberCallsEntered = "TotalNumberCallsEntered";
    public const string TotalNumberCallsAnswered = "TotalNumberCallsAnswered";
    public const string PercentageAnsweredBefore15 = "PercentageAnsweredBefore15";
    public const string TotalNumberCallsAbandonned = "TotalNumberCallsAbandonned";
    public const string TotalNumberCallsAbandonnedAfter15 = "TotalNumberCallsAbandonnedAfter15";
    public const string PercentageAbandonnedAfter15 = "PercentageAbandonnedAfter15";
    public const string WaitingCalls = "WaitingCalls";
    public const string LongestWaitingTime = "LongestWaitingTime";
    public const string EWT = "EWT";
    public const string AvailableAgents = "AvailableAgents";
    public const string TalkingAgents = "TalkingAgents";
    public const string LoggedAgents = "LoggedAgents";

    /// <summary>Asterisk device states (QueueMember <c>Status</c>) in which a member is on a call.</summary>
    private static readonly int[] OnCall = [2, 3, 7, 8];

    /// <summary>
    /// The counters now: the day's from the journal, the live ones (waiting callers, members) from the queue entity's
    /// state. Percentages are of the calls entered, to two decimals.
    /// </summary>
    public static IReadOnlyList<QueueStat> Of(DayCounters day, int holdTime, QueueState? live, DateTimeOffset now)
    {
        var waiting = live is null ? [] : live.Waiting.Values.ToList();
        var members = live is null ? [] : live.Members.Values.ToList();
        var longest = waiting.Count == 0 ? 0 : Math.Max(0, (int)(now - waiting.Min(w => w.Since)).TotalSeconds);
        return
        [
            new(TotalNumberCallsEntered, day.Entered),
            new(TotalNumberCallsAnswered, day.Answered),
            new(PercentageAnsweredBefore15, Percent(day.AnsweredWithin, day.Entered)),
            new(TotalNumberCallsAbandonned, day.Abandoned),
            new(TotalNumberCallsAbandonnedAfter15, day.AbandonedAfter),
            new(PercentageAbandonnedAfter15, Percent(day.AbandonedAfter, day.Entered)),
            new(WaitingCalls, waiting.Count),
            new(LongestWaitingTime, longest),
            new(EWT, holdTime),
            // app_queue.c is_member_available: not paused, device idle or unknown.
            new(AvailableAgents, members.Count(m => !m.Paused && !m.InCall && m.Status is 0 or 1)),
            new(TalkingAgents, members.Count(m => m.InCall || OnCall.Contains(m.Status))),
            new(LoggedAgents, members.Count),
        ];
    }

    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100.0 / whole, 2);

    /// <summary>A counter's value as the wire shows it: percentages as decimals, the others as whole numbers.</summary>
    public static object WireValue(QueueStat s) => s.Name.StartsWith("Percentage", StringComparison.Ordinal) ? s.Value : (object)(long)s.Value;
}
