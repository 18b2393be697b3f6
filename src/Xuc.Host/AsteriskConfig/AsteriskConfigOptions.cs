namespace Xuc.Host.AsteriskConfig;

/// <summary>
/// Where and how the generated Asterisk listens. <see cref="Root"/> is the directory the files describe as seen by
/// Asterisk (inside its chroot: <c>/xuc/demo</c>), which may differ from where they are written on this machine.
/// Phones get consecutive ports from <see cref="PhonePortBase"/>, one per PJSIP line in line id order.
/// </summary>
public sealed record AsteriskConfigOptions
{
    public string Root { get; init; } = "/xuc/demo";
    public int AmiPort { get; init; } = 5038;
    public string AmiUser { get; init; } = "xuc";
    public string AmiSecret { get; init; } = "xucpass";
    public int SipPort { get; init; } = 5060;
    public int PhonePortBase { get; init; } = 21100;
    public int RtpStart { get; init; } = 21400;
    public int RtpEnd { get; init; } = 21599;
    /// <summary>How long a line rings before its no-answer forward or voicemail takes the call.</summary>
    public int RingSeconds { get; init; } = 25;
    /// <summary>How long the phones of <c>phone.xml</c> ring before they answer.</summary>
    public TimeSpan AnswerAfter { get; init; } = TimeSpan.FromSeconds(2);
}
