namespace Xuc.PbxSim.Replay;

/// <summary>How a recording is served: at its original pace times <see cref="Speed"/> (null: as fast as possible), once or in a loop.</summary>
public sealed record ReplayOptions
{
    /// <summary>1 = the original spacing, 10 = ten times faster, null = no waiting (<c>--speed max</c>).</summary>
    public double? Speed { get; init; } = 1;
    /// <summary>Start again from the first event when the recording ends (<c>--loop</c>).</summary>
    public bool Loop { get; init; }
    /// <summary>How long the stream waits at a recorded answer for the client to send that action (its resync lists).</summary>
    public TimeSpan SyncWait { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Reads <c>1</c>, <c>10</c>, <c>0.5</c> or <c>max</c>; null when it is none of them.</summary>
    public static bool TryParseSpeed(string text, out double? speed)
    {
        speed = null;
        if (text.Equals("max", StringComparison.OrdinalIgnoreCase)) return true;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0)
        {
            speed = v;
            return true;
        }
        return false;
    }
}
