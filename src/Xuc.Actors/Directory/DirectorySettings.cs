using Akka.Configuration;

namespace Xuc.Actors.Directory;

/// <summary>The <c>xuc.directory</c> settings (hocon/xuc.conf; docs/directory.md).</summary>
public sealed record DirectorySettings
{
    /// <summary>The most entries one <c>DirectoryResult</c> carries, after merging the sources.</summary>
    public int MaxResults { get; init; } = 100;
    /// <summary>How long a caller's name found (or not found) by number is kept before the directory is asked again.</summary>
    public TimeSpan ReverseLookupTtl { get; init; } = TimeSpan.FromMinutes(10);

    public static DirectorySettings From(Config hocon)
    {
        var d = new DirectorySettings();
        var max = d.MaxResults;
        if (hocon.HasPath("xuc.directory.max-results"))
        {
            var text = hocon.GetString("xuc.directory.max-results");
            if (!int.TryParse(text, out max) || max is < 1 or > 10_000)
                throw new InvalidOperationException($"xuc.directory.max-results (XUC_DIRECTORY_MAX_RESULTS) must be a number of entries from 1 to 10000, not '{text}'");
        }
        var ttl = d.ReverseLookupTtl;
        if (hocon.HasPath("xuc.directory.reverse-lookup-ttl"))
        {
            var text = hocon.GetString("xuc.directory.reverse-lookup-ttl");
            try { ttl = hocon.GetTimeSpan("xuc.directory.reverse-lookup-ttl"); }
            catch (Exception e) when (e is FormatException or ConfigurationException or OverflowException or ArgumentException) { ttl = TimeSpan.MinValue; }
            if (ttl < TimeSpan.Zero || ttl > TimeSpan.FromDays(1))
                throw new InvalidOperationException($"xuc.directory.reverse-lookup-ttl (XUC_DIRECTORY_REVERSE_TTL) must be a duration from 0s to 1d, not '{text}'");
        }
        return new DirectorySettings { MaxResults = max, ReverseLookupTtl = ttl };
    }
}
