using System.Globalization;
using Xuc.Actors.Entities.Agent;

namespace Xuc.Actors.Statistics;

/// <summary>
/// One statistic of <c>AgentStatistics</c>: its name on the wire and its value, a whole number or, for a date, its
/// text (typed apart, so a date never crosses a JSON serializer as something else).
/// </summary>
public sealed record AgentStat(string Name, long Number, string? Text = null)
{
    /// <summary>A date statistic: its text (<c>""</c> for none).</summary>
    public static AgentStat Of(string name, string text) => new(name, 0, text);

    /// <summary>The value as the wire shows it.</summary>
    [Newtonsoft.Json.JsonIgnore] public object Value => Text ?? (object)Number;
}

/// <summary>
/// An agent's statistics (reference, "Agent Statistics"): the reference's five in its order, then his queue calls
/// and his own outbound calls (names of our choosing where the reference has none; docs/cti-websocket.md).
/// </summary>
public static class AgentCounters
{
    public const string AgentPausedTotalTime = "AgentPausedTotalTime";
    public const string AgentWrapupTotalTime = "AgentWrapupTotalTime";
    public const string AgentReadyTotalTime = "AgentReadyTotalTime";
    public const string LoginDateTime = "LoginDateTime";
    public const string LogoutDateTime = "LogoutDateTime";
    /// <summary>Queue calls that rang him (or reached him) today.</summary>
    public const string InbCalls = "InbCalls";
    /// <summary>Queue calls he answered today.</summary>
    public const string InbAnsCalls = "InbAnsCalls";
    /// <summary>The average talk time of today's answered queue calls that have ended, whole seconds.</summary>
    public const string InbAverCallTime = "InbAverCallTime";
    /// <summary>Calls his phone placed today.</summary>
    public const string OutCalls = "OutCalls";

    public static readonly string[] Names =
        [AgentPausedTotalTime, AgentWrapupTotalTime, AgentReadyTotalTime, LoginDateTime, LogoutDateTime, InbCalls, InbAnsCalls, InbAverCallTime, OutCalls];

    /// <summary>
    /// The statistics at <paramref name="now"/>: the day's (zeros once <paramref name="now"/> is a later local day than
    /// the last fact's), the status in progress counted up to now. Times in whole seconds; dates in the server's local
    /// time with its offset, <c>""</c> for none.
    /// </summary>
    public static IReadOnlyList<AgentStat> Of(AgentStatsState state, DateTimeOffset now, LocalDays days)
    {
        var s = state.RolledTo(days.DayOf(now), days).WithRunningEndedAt(now);
        return
        [
            new(AgentPausedTotalTime, Seconds(s.Paused)),
            new(AgentWrapupTotalTime, Seconds(s.Wrapup)),
            new(AgentReadyTotalTime, Seconds(s.Ready)),
            AgentStat.Of(LoginDateTime, Date(s.LoginAt, days.Zone)),
            AgentStat.Of(LogoutDateTime, Date(s.LogoutAt, days.Zone)),
            new(InbCalls, s.InboundOffered),
            new(InbAnsCalls, s.InboundAnswered),
            new(InbAverCallTime, s.InboundEnded == 0 ? 0L : (long)(s.InboundTalkTime.TotalSeconds / s.InboundEnded)),
            new(OutCalls, s.Outbound),
        ];
    }

    private static long Seconds(TimeSpan t) => (long)t.TotalSeconds;

    private static string Date(DateTimeOffset? at, TimeZoneInfo zone)
        => at is { } a ? TimeZoneInfo.ConvertTime(a, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// The facts a change of the agent's state brings, from what the aggregator has recorded (<paramref name="s"/>:
    /// status, a queue call being talked on) and the state it saw before (<paramref name="before"/>: which call rang,
    /// which channels his phone had; null after the aggregator started, when nothing is counted twice).
    /// </summary>
    public static IReadOnlyList<IAgentStatsFact> FactsOf(AgentStatsState s, AgentState? before, AgentState next, DateTimeOffset now)
    {
        var facts = new List<IAgentStatsFact>();
        var call = next.LoggedIn ? next.CallStatus : AgentStatus.LoggedOut;
        if (s.TalkingSince is not null && call != AgentStatus.OnCall) facts.Add(new AgentQueueCallEnded(now));
        var rang = before is { LoggedIn: true, CallStatus: AgentStatus.Ringing };
        if (call == AgentStatus.Ringing && before is not null && (!rang || before.Call?.Channel != next.Call?.Channel))
            facts.Add(new AgentQueueCallOffered(now));
        if (call == AgentStatus.OnCall && s.TalkingSince is null)
        {
            // Answered without its ringing seen (an AgentConnect alone): it was offered too.
            if (before is not null && !rang) facts.Add(new AgentQueueCallOffered(now));
            facts.Add(new AgentQueueCallAnswered(now));
        }
        if (next.Status != s.Status) facts.Add(new AgentStatusEntered(next.Status, now));
        if (before is not null && next.LoggedIn)
            facts.AddRange(next.Channels.Where(c => c.Outbound && before.Channels.All(b => b.UniqueId != c.UniqueId || !b.Outbound)).Select(_ => new AgentOutboundCallPlaced(now)));
        return facts;
    }
}
