using Akka.Configuration;

namespace Xuc.Actors.Sessions;

/// <summary>The <c>xuc.cti</c> settings (hocon/xuc.conf; docs/cti-websocket.md, "Limits").</summary>
public sealed record SessionSettings
{
    /// <summary>Set-up (user, line state) must finish within this, else <c>loggedOnTimeout</c>.</summary>
    public TimeSpan LoggedOnTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>A peer that sends nothing (not even a ping) for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Messages queued for a socket; one more closes a peer that stopped reading.</summary>
    public int OutboxCapacity { get; init; } = 1024;
    /// <summary>The largest text frame read; a larger one is answered <c>FrameTooLarge</c>.</summary>
    public int MaxFrameBytes { get; init; } = 64 * 1024;

    public static SessionSettings From(Config hocon)
    {
        var d = new SessionSettings();
        return new SessionSettings
        {
            LoggedOnTimeout = Read(hocon, "logged-on-timeout", "XUC_CTI_LOGGED_ON_TIMEOUT", "a duration such as 10s", d.LoggedOnTimeout,
                (c, k) => c.GetTimeSpan(k), v => v > TimeSpan.Zero),
            IdleTimeout = Read(hocon, "idle-timeout", "XUC_CTI_IDLE_TIMEOUT", "a duration such as 60s", d.IdleTimeout,
                (c, k) => c.GetTimeSpan(k), v => v > TimeSpan.Zero),
            OutboxCapacity = Read(hocon, "outbox", "XUC_CTI_OUTBOX", "a number of messages, at least 1", d.OutboxCapacity,
                (c, k) => c.GetInt(k), v => v >= 1),
            MaxFrameBytes = Read(hocon, "max-frame", "XUC_CTI_MAX_FRAME", "a size from 1k to 16m such as 64k", d.MaxFrameBytes,
                (c, k) => checked((int)(c.GetByteSize(k) ?? 0)), v => v is >= 1024 and <= 16 * 1024 * 1024),
        };
    }

    /// <summary>One setting of <c>xuc.cti</c>; a value that does not parse or fit is refused in one line naming it.</summary>
    private static T Read<T>(Config hocon, string key, string env, string expected, T fallback, Func<Config, string, T> get, Func<T, bool> valid)
    {
        var path = "xuc.cti." + key;
        if (!hocon.HasPath(path)) return fallback;
        T value;
        try
        {
            value = get(hocon, path);
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
