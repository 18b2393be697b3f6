namespace Xuc.Actors.Messages.Events;

/// <summary>
/// One AMI event as it crosses the cluster: its name and its headers in wire order (repeated headers kept).
/// A plain serialisable record, so the sharded entities do not depend on the AMI client's buffers.
/// </summary>
public sealed record AmiEventData(string Name, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public string? this[string header]
    {
        get
        {
            foreach (var (k, v) in Headers)
                if (k.Equals(header, StringComparison.OrdinalIgnoreCase)) return v;
            return null;
        }
    }

    public static AmiEventData Of(string name, params (string Key, string Value)[] headers)
        => new(name, headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value)).ToArray());
}
