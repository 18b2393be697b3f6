using Akka.Actor;

namespace Xuc.Actors.Statistics;

/// <summary>
/// The clock ticks of a statistics aggregator: a refresh every so often (what grows with the clock is published),
/// and local midnight (the day's counters start again from zero).
/// </summary>
public static class StatsTicks
{
    /// <summary>Starts the refresh (none at zero) and schedules the next midnight.</summary>
    public static void Start(ITimerScheduler timers, TimeSpan refresh, TimeProvider clock, LocalDays days)
    {
        if (refresh > TimeSpan.Zero) timers.StartPeriodicTimer("refresh", Refresh.Instance, refresh);
        ScheduleMidnight(timers, clock, days);
    }

    /// <summary>The next local midnight's tick (again after each).</summary>
    public static void ScheduleMidnight(ITimerScheduler timers, TimeProvider clock, LocalDays days)
    {
        var now = clock.GetUtcNow();
        timers.StartSingleTimer("midnight", Midnight.Instance, days.NextMidnight(now) - now);
    }

    public sealed record Refresh
    {
        public static readonly Refresh Instance = new();
    }

    public sealed record Midnight
    {
        public static readonly Midnight Instance = new();
    }
}
