using Xuc.Actors.Entities.Agent;

namespace Xuc.Actors.Statistics;

/// <summary>
/// An agent's statistics as his aggregator's journal folds them: the local day they count, the status he is in and
/// since when, the day's time totals of the statuses that ended, his login and logout, and his calls. Plain values
/// only, so the state is its own snapshot. Everything of a day starts again from zero when a fact of a later local
/// day comes (<see cref="RolledTo"/>); the status in progress then counts from that day's midnight.
/// </summary>
public sealed record AgentStatsState(
    DateOnly Day,
    DateTimeOffset DayStart,
    AgentStatus Status,
    DateTimeOffset StatusSince,
    TimeSpan Ready,
    TimeSpan Paused,
    TimeSpan Wrapup,
    DateTimeOffset? LoginAt,
    DateTimeOffset? LogoutAt,
    int InboundOffered,
    int InboundAnswered,
    int InboundEnded,
    TimeSpan InboundTalkTime,
    DateTimeOffset? TalkingSince,
    int Outbound) : Persistence.IPersisted
{
    public static readonly AgentStatsState Empty = new(DateOnly.MinValue, DateTimeOffset.MinValue, AgentStatus.LoggedOut, DateTimeOffset.MinValue,
        TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, null, null, 0, 0, 0, TimeSpan.Zero, null, 0);

    public AgentStatsState Apply(IAgentStatsFact fact, LocalDays days)
    {
        var s = RolledTo(days.DayOf(fact.At), days);
        switch (fact)
        {
            case AgentStatusEntered e when e.Status != s.Status:
                s = s.WithRunningEndedAt(e.At) with
                {
                    Status = e.Status,
                    StatusSince = e.At,
                    LoginAt = s.Status == AgentStatus.LoggedOut ? e.At : s.LoginAt,
                    LogoutAt = e.Status == AgentStatus.LoggedOut ? e.At : s.LogoutAt,
                };
                break;
            case AgentQueueCallOffered:
                s = s with { InboundOffered = s.InboundOffered + 1 };
                break;
            case AgentQueueCallAnswered a:
                s = s with { InboundAnswered = s.InboundAnswered + 1, TalkingSince = a.At };
                break;
            case AgentQueueCallEnded end when s.TalkingSince is { } since:
                s = s with { InboundEnded = s.InboundEnded + 1, InboundTalkTime = s.InboundTalkTime + NotNegative(end.At - since), TalkingSince = null };
                break;
            case AgentOutboundCallPlaced:
                s = s with { Outbound = s.Outbound + 1 };
                break;
        }
        return s;
    }

    /// <summary>
    /// The state as of <paramref name="day"/>: itself when that is its day (or an earlier one); else the new day's
    /// zeros, with the status in progress counted from its midnight, the login kept while he is still logged in (it
    /// starts the session he is in), the logout forgotten, and a queue call in progress left to yesterday.
    /// </summary>
    public AgentStatsState RolledTo(DateOnly day, LocalDays days) => day <= Day ? this : this with
    {
        Day = day,
        DayStart = days.StartOf(day),
        Ready = TimeSpan.Zero,
        Paused = TimeSpan.Zero,
        Wrapup = TimeSpan.Zero,
        LoginAt = Status == AgentStatus.LoggedOut ? null : LoginAt,
        LogoutAt = null,
        InboundOffered = 0,
        InboundAnswered = 0,
        InboundEnded = 0,
        InboundTalkTime = TimeSpan.Zero,
        TalkingSince = null,
        Outbound = 0,
    };

    /// <summary>The time the status in progress has run today, up to <paramref name="now"/>.</summary>
    public TimeSpan Running(DateTimeOffset now) => NotNegative(now - (StatusSince > DayStart ? StatusSince : DayStart));

    /// <summary>The totals with the status in progress counted up to <paramref name="now"/> (what a read shows).</summary>
    public AgentStatsState WithRunningEndedAt(DateTimeOffset now) => Status switch
    {
        AgentStatus.Ready => this with { Ready = Ready + Running(now) },
        AgentStatus.Paused => this with { Paused = Paused + Running(now) },
        AgentStatus.Wrapup => this with { Wrapup = Wrapup + Running(now) },
        _ => this,
    };

    private static TimeSpan NotNegative(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
