using Xuc.Ami.Actions;

namespace Xuc.Actors.Messages.Pbx;

/// <summary>
/// An AMI action as it crosses the cluster: its name and its headers in the order they are written (repeated
/// headers such as <c>Variable:</c> kept). Built from a typed <see cref="AmiAction"/> on the caller's node, so a
/// value with a line break is refused there, before anything is sent.
/// </summary>
public sealed record PbxAction(string Name, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public static PbxAction From(AmiAction action)
    {
        var lines = action.ToWire(null).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new List<KeyValuePair<string, string>>(lines.Length);
        // The first line is "Action: <name>".
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 2)..]));
        }
        return new PbxAction(action.Name, headers);
    }

    /// <summary>The action to write on the AMI link, waiting <paramref name="timeout"/> for its answer.</summary>
    public AmiAction ToAmi(TimeSpan timeout)
        => new GenericAction(Name, Headers.Select(h => (h.Key, h.Value)).ToArray()) { ResponseTimeout = timeout };
}
