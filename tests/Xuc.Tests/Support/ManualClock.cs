namespace Xuc.Tests.Support;

/// <summary>
/// A clock the test moves by hand (safe to read from other threads: a simulator's, the actors'); its local time zone
/// is the machine's unless the test gives one.
/// </summary>
public sealed class ManualClock(DateTimeOffset start, TimeZoneInfo? zone = null) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;
    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _utcTicks), TimeSpan.Zero);
    public override TimeZoneInfo LocalTimeZone => zone ?? base.LocalTimeZone;
    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
