using Akka.Configuration;

namespace Xuc.Host.Http;

/// <summary>
/// The largest request bodies accepted (xuc.http.max-*-body in hocon/xuc.conf): a larger one is answered
/// 413 <c>PayloadTooLarge</c> naming the limit. Bodies are read into a buffer that grows with what arrives, never
/// allocated at the limit.
/// </summary>
public sealed record BodyLimits
{
    public long Login { get; init; } = 64 * 1024;
    public long Object { get; init; } = 1024 * 1024;
    public long Import { get; init; } = 100 * 1024 * 1024;

    /// <summary>The largest of the limits.</summary>
    public long Largest => Math.Max(Login, Math.Max(Object, Import));

    /// <summary>Kestrel's own cap, a margin above <see cref="Largest"/> so that these limits, which name their setting, answer first.</summary>
    public long KestrelCap => Largest + 1024 * 1024;

    public static BodyLimits From(Config config) => new()
    {
        Login = Size(config, "xuc.http.max-login-body", "XUC_HTTP_MAX_LOGIN_BODY", 64 * 1024),
        Object = Size(config, "xuc.http.max-body", "XUC_HTTP_MAX_BODY", 1024 * 1024),
        Import = Size(config, "xuc.http.max-import-body", "XUC_HTTP_MAX_IMPORT_BODY", 100 * 1024 * 1024),
    };

    private static long Size(Config config, string path, string env, long fallback)
    {
        long? value;
        try
        {
            value = config.HasPath(path) ? config.GetByteSize(path) : fallback;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            value = null;
        }
        return value is > 0
            ? value.Value
            : throw new Settings.SettingError(env, path, config.GetString(path, ""), "must be a size in bytes such as 65536, 64k or 10m");
    }

    /// <summary>A size as people read it: 65536 → "64 KiB".</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };
}

/// <summary>A request body over its limit; answered 413 by <see cref="UnhandledErrors"/>.</summary>
public sealed class PayloadTooLargeException(long limit, string setting)
    : Exception($"the request body is larger than {BodyLimits.Describe(limit)} ({limit} bytes), the limit set by {setting}")
{
    public long Limit { get; } = limit;
}
