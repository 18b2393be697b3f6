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
        var defaults = new SessionSettings();
        var s = new SessionSettings
        {
            LoggedOnTimeout = hocon.GetTimeSpan("xuc.cti.logged-on-timeout", defaults.LoggedOnTimeout),
            IdleTimeout = hocon.GetTimeSpan("xuc.cti.idle-timeout", defaults.IdleTimeout),
            OutboxCapacity = hocon.GetInt("xuc.cti.outbox", defaults.OutboxCapacity),
            MaxFrameBytes = (int)(hocon.GetByteSize("xuc.cti.max-frame") ?? defaults.MaxFrameBytes),
        };
        if (s.LoggedOnTimeout <= TimeSpan.Zero) throw Invalid("logged-on-timeout (XUC_CTI_LOGGED_ON_TIMEOUT)", s.LoggedOnTimeout);
        if (s.IdleTimeout <= TimeSpan.Zero) throw Invalid("idle-timeout (XUC_CTI_IDLE_TIMEOUT)", s.IdleTimeout);
        if (s.OutboxCapacity < 1) throw Invalid("outbox (XUC_CTI_OUTBOX)", s.OutboxCapacity);
        if (s.MaxFrameBytes < 1024) throw Invalid("max-frame (XUC_CTI_MAX_FRAME)", s.MaxFrameBytes + " bytes (at least 1k)");
        return s;
    }

    private static InvalidOperationException Invalid(string setting, object value)
        => new($"xuc.cti.{setting} must be positive, not {value}");
}
