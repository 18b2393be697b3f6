namespace Xuc.Ami.Client;

public enum AmiAuthMode { Plain, Md5 }

public sealed record AmiClientOptions
{
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 5038;
    public string Username { get; init; } = "";
    public string Secret { get; init; } = "";
    public AmiAuthMode Auth { get; init; } = AmiAuthMode.Md5;
    /// <summary>A Ping every interval; one unanswered within <see cref="PingTimeout"/> ends the link (a frozen PBX).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan ReconnectMin { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>The longest wait between two connection or login attempts (the backoff's cap).</summary>
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(5);
    public Framing.AmiFramerLimits Limits { get; init; } = Framing.AmiFramerLimits.Default;
    /// <summary>Sees every received message and sent action (the <c>XUC_AMI_RECORD</c> recorder); null for none.</summary>
    public Recording.IAmiStreamTap? Tap { get; init; }
}
