namespace Xuc.PbxSim.Model;

/// <summary>An Originate action as manager.c reads it: the channel to call and where the answered call goes.</summary>
internal sealed record OriginateRequest
{
    /// <summary>The requested channel, <c>tech/data</c> (e.g. <c>PJSIP/1001</c>).</summary>
    public required string Channel { get; init; }
    public string Exten { get; init; } = "";
    public string Context { get; init; } = "";
    /// <summary>The application run once answered (instead of the dialplan), and its data.</summary>
    public string? Application { get; init; }
    public string Data { get; init; } = "";
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    public string? CallerIdNum { get; init; }
    public string? CallerIdName { get; init; }
    public string? ActionId { get; init; }
    /// <summary>The uniqueid the client asked for (<c>ChannelId</c>), reported when no channel was created.</summary>
    public string? ChannelId { get; init; }
    /// <summary>How long the phone may ring (the <c>Timeout</c> header, in ms; 30 s by default).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Splits a CallerID header as ast_callerid_parse does: <c>"Name" &lt;number&gt;</c>, <c>Name &lt;number&gt;</c>,
    /// a bare number, or a bare name; the number loses its separators (ast_shrink_phone_number).
    /// </summary>
    public static (string? Number, string? Name) ParseCallerId(string? callerId)
    {
        if (string.IsNullOrWhiteSpace(callerId)) return (null, null);
        var open = callerId.IndexOf('<');
        var close = open >= 0 ? callerId.IndexOf('>', open) : -1;
        if (open >= 0 && close > open)
        {
            var name = callerId[..open].Trim().Trim('"').Trim();
            var number = Shrink(callerId[(open + 1)..close]);
            return (number.Length > 0 ? number : null, name.Length > 0 ? name : null);
        }
        var bare = callerId.Trim().Trim('"');
        var shrunk = Shrink(bare);
        return shrunk.Length > 0 && shrunk.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#')
            ? (shrunk, null)
            : (null, bare);
    }

    private static string Shrink(string number) =>
        new(number.Where(c => c is not ('(' or ')' or '-' or '.' or ' ')).ToArray());
}
