namespace Xuc.Ami.Client;

public enum AmiLinkStatus { Connecting, Connected, Disconnected, LoginRefused, Stopped }

/// <summary>Where the link stands; <see cref="Reason"/> says why it went down.</summary>
public sealed record AmiConnectionState(AmiLinkStatus Status, string? Reason = null, string? Banner = null)
{
    public bool IsConnected => Status == AmiLinkStatus.Connected;
    public override string ToString() => Reason is null ? Status.ToString() : $"{Status}: {Reason}";
}
