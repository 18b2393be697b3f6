using Akka.Configuration;

namespace Xuc.Actors.History;

/// <summary>The <c>xuc.history</c> settings (hocon/xuc.conf; docs/cti-websocket.md, "Call history").</summary>
public sealed record CallHistorySettings
{
    /// <summary>Rows that started longer ago than this are deleted (hourly); also the most <c>getUserCallHistoryByDays</c> accepts.</summary>
    public int RetentionDays { get; init; } = 90;
    /// <summary>The most rows one answer carries; a larger <c>size</c> is refused, naming this cap.</summary>
    public int MaxSize { get; init; } = 1000;

    public static CallHistorySettings From(Config hocon)
    {
        var d = new CallHistorySettings();
        return new CallHistorySettings
        {
            RetentionDays = Read(hocon, "retention-days", "XUC_HISTORY_RETENTION_DAYS", "a number of days from 1 to 3650", d.RetentionDays, 1, 3650),
            MaxSize = Read(hocon, "max-size", "XUC_HISTORY_MAX_SIZE", "a number of calls from 1 to 100000", d.MaxSize, 1, 100_000),
        };
    }

    private static int Read(Config hocon, string key, string env, string expected, int fallback, int min, int max)
    {
        var path = "xuc.history." + key;
        if (!hocon.HasPath(path)) return fallback;
        var text = hocon.GetString(path);
        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{path} ({env}) must be {expected}, not '{text}'");
    }
}
