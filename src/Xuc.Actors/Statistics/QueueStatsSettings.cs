using Akka.Configuration;

namespace Xuc.Actors.Statistics;

/// <summary>The <c>xuc.statistics</c> settings (hocon/xuc.conf; docs/cti-websocket.md, "Queue statistics").</summary>
public sealed record QueueStatsSettings
{
    /// <summary>
    /// The service level threshold: a call answered after waiting at most this long counts in
    /// <c>PercentageAnsweredBefore15</c>, one abandoned after waiting longer in <c>TotalNumberCallsAbandonnedAfter15</c>.
    /// </summary>
    public TimeSpan Threshold { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each queue re-reads the clock (LongestWaitingTime, the day's end); zero: never, only on PBX events and at midnight.</summary>
    public TimeSpan Refresh { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest sliding window <c>getQueueStatistics</c> accepts; each queue keeps its calls this long.</summary>
    public TimeSpan MaxWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a node's queue feed gathers the changes of the queues' counters before it sends them: one
    /// <c>QueueStatistics</c> frame per queue that changed, with the newest value of each counter, all of them written
    /// to a session's socket at once. Zero: each change is sent as it comes (the frames still written together when the
    /// feed has several queued).
    /// </summary>
    public TimeSpan Coalesce { get; init; } = TimeSpan.FromMilliseconds(10);

    public int ThresholdSeconds => (int)Threshold.TotalSeconds;

    public static QueueStatsSettings From(Config hocon)
    {
        var d = new QueueStatsSettings();
        return new QueueStatsSettings
        {
            Threshold = Read(hocon, "threshold", "XUC_STATS_THRESHOLD", "a whole number of seconds such as 15s", d.Threshold,
                v => v >= TimeSpan.Zero && v.Ticks % TimeSpan.TicksPerSecond == 0),
            Refresh = Read(hocon, "refresh", "XUC_STATS_REFRESH", "a duration such as 1s, or 0s for none", d.Refresh, v => v >= TimeSpan.Zero),
            Coalesce = Read(hocon, "coalesce", "XUC_STATS_COALESCE", "a duration from 0ms to 1s such as 10ms", d.Coalesce,
                v => v >= TimeSpan.Zero && v <= TimeSpan.FromSeconds(1)),
            MaxWindow = Read(hocon, "max-window", "XUC_STATS_MAX_WINDOW", "a duration from 1s to 7d such as 24h", d.MaxWindow,
                v => v >= TimeSpan.FromSeconds(1) && v <= TimeSpan.FromDays(7)),
        };
    }

    /// <summary>One duration of <c>xuc.statistics</c>; a value that does not parse or fit is refused in one line naming it.</summary>
    internal static TimeSpan Read(Config hocon, string key, string env, string expected, TimeSpan fallback, Func<TimeSpan, bool> valid)
    {
        var path = "xuc.statistics." + key;
        if (!hocon.HasPath(path)) return fallback;
        TimeSpan value;
        try
        {
            value = hocon.GetTimeSpan(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Invalid(hocon, path, env, expected);
        }
        return valid(value) ? value : throw Invalid(hocon, path, env, expected);
    }

    private static InvalidOperationException Invalid(Config hocon, string path, string env, string expected)
        => new($"{path} ({env}) must be {expected}, not '{hocon.GetString(path)}'");
}
