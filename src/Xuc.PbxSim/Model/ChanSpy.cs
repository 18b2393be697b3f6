namespace Xuc.PbxSim.Model;

/// <summary>
/// ChanSpy(spec,options) as app_chanspy.c reads it: <see cref="Spec"/> is a channel name prefix (with <c>u</c>, a full
/// channel name or uniqueid); the options the simulator follows are <c>b</c> (only bridged channels), <c>E</c> (exit when
/// the spied-on channel hangs up), <c>S</c> (exit when no channel is left to spy on) and <c>u</c>; the others (q, w, B,
/// v(…), g(…)…) change audio only and are accepted and ignored.
/// </summary>
public sealed class ChanSpy
{
    public required string Spec { get; init; }
    public bool BridgedOnly { get; init; }
    public bool ExitOnHangup { get; init; }
    public bool StopWhenNone { get; init; }
    public bool ByUniqueid { get; init; }
    /// <summary>The channel being spied on now (null while ChanSpy waits for one).</summary>
    public SimChannel? Spyee { get; set; }

    /// <summary>Splits the application data <c>spec,options</c>; an option's <c>(argument)</c> is skipped.</summary>
    public static ChanSpy Parse(string data)
    {
        var comma = data.IndexOf(',');
        var spec = (comma < 0 ? data : data[..comma]).Trim();
        var options = comma < 0 ? "" : data[(comma + 1)..];
        var flags = new HashSet<char>();
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] == '(')
            {
                var close = options.IndexOf(')', i);
                i = close < 0 ? options.Length : close;
                continue;
            }
            flags.Add(options[i]);
        }
        return new ChanSpy
        {
            Spec = spec, BridgedOnly = flags.Contains('b'), ExitOnHangup = flags.Contains('E'), StopWhenNone = flags.Contains('S'),
            ByUniqueid = flags.Contains('u'),
        };
    }

    /// <summary>common_exec's choice of a channel: the spec (a case-insensitive name prefix, or with <c>u</c> the channel itself).</summary>
    public bool Matches(SimChannel c) => ByUniqueid
        ? c.Name.Equals(Spec, StringComparison.OrdinalIgnoreCase) || c.Uniqueid == Spec
        : Spec.Length == 0 || c.Name.StartsWith(Spec, StringComparison.OrdinalIgnoreCase);
}
