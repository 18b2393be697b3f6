using System.Globalization;

namespace Xuc.Ami.Recording;

/// <summary>
/// The recording file: the AMI text as received (banner line, <c>Key: Value</c> lines, a blank line after each
/// message), with comment lines starting <c>;;</c> that a raw AMI reader skips as non-header lines:
/// <c>;; xuc-ami-recording 1</c> when the file is opened, <c>;; t=1764295891.123456 connect HOST PORT</c> per
/// connection, <c>;; t=1764295891.123456</c> before each message (when it was read), and
/// <c>;; t=1764295891.123456 sent QueueStatus xuc-ab12cd-3</c> for each action the client sent. Times are Unix seconds
/// with microseconds, written without a colon so that no comment looks like a header.
/// </summary>
public static class AmiRecordingFormat
{
    public const string CommentPrefix = ";;";
    public const string Magic = ";; xuc-ami-recording 1";

    public static string Time(DateTimeOffset at)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return "t=" + (ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + "."
            + (ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads <c>t=SECONDS[.FRACTION]</c> (also a bare AMI <c>Timestamp</c> value when <paramref name="prefixed"/> is false).</summary>
    public static DateTimeOffset? ParseTime(string text, bool prefixed = true)
    {
        if (prefixed)
        {
            if (!text.StartsWith("t=", StringComparison.Ordinal)) return null;
            text = text[2..];
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)) return null;
        if (seconds <= 0 || seconds > 253_402_300_799m) return null;
        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }
}
