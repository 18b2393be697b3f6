namespace Xuc.Actors.Statistics;

/// <summary>The local days statistics count by: a day starts at local midnight in the server's time zone.</summary>
public sealed record LocalDays(TimeZoneInfo Zone)
{
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The local midnight that starts <paramref name="day"/>.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>The next local midnight after <paramref name="now"/>.</summary>
    public DateTimeOffset NextMidnight(DateTimeOffset now) => StartOf(DayOf(now).AddDays(1));
}
