using System.Text;

namespace Xuc.Ami.Framing;

/// <summary>
/// One AMI message (a response or an event): its headers in wire order, repeated headers kept.
/// The message keeps its own bytes and the offsets of each name and value; a value becomes a string
/// only when it is asked for, so parsing costs no string per line.
/// </summary>
public sealed class AmiMessage
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets; // 4 per header: nameStart, nameLength, valueStart, valueLength

    internal AmiMessage(byte[] bytes, int[] offsets, int count)
    {
        _bytes = bytes;
        _offsets = offsets;
        Count = count;
    }

    /// <summary>Builds a message from header pairs (tests, the simulator's own checks, resync replays).</summary>
    public static AmiMessage From(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var list = headers.ToList();
        var buffer = new List<byte>();
        var offsets = new int[list.Count * 4];
        for (var i = 0; i < list.Count; i++)
        {
            var name = Encoding.UTF8.GetBytes(list[i].Key);
            var value = Encoding.UTF8.GetBytes(list[i].Value);
            offsets[i * 4] = buffer.Count; offsets[i * 4 + 1] = name.Length; buffer.AddRange(name);
            offsets[i * 4 + 2] = buffer.Count; offsets[i * 4 + 3] = value.Length; buffer.AddRange(value);
        }
        return new AmiMessage(buffer.ToArray(), offsets, list.Count);
    }

    public static AmiMessage From(params (string Name, string Value)[] headers)
        => From(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));

    /// <summary>Number of header lines.</summary>
    public int Count { get; }

    public bool IsEvent => IndexOf("Event") >= 0;
    /// <summary>A response to an action (an event may carry a Response header too, as OriginateResponse does).</summary>
    public bool IsResponse => IndexOf("Response") >= 0 && !IsEvent;

    /// <summary>The event name, or null for a response.</summary>
    public string? EventName => this["Event"];

    public string? ActionId => this["ActionID"];

    public string NameAt(int i) => Encoding.UTF8.GetString(_bytes, _offsets[i * 4], _offsets[i * 4 + 1]);
    public string ValueAt(int i) => Encoding.UTF8.GetString(_bytes, _offsets[i * 4 + 2], _offsets[i * 4 + 3]);

    /// <summary>The first value of a header (case-insensitive name), or null.</summary>
    public string? this[string name] => IndexOf(name) is var i and >= 0 ? ValueAt(i) : null;

    /// <summary>Whether a header has exactly this value (ASCII case-insensitive), without making a string.</summary>
    public bool ValueEquals(string name, string expected)
    {
        var i = IndexOf(name);
        if (i < 0) return false;
        return AsciiEquals(_bytes.AsSpan(_offsets[i * 4 + 2], _offsets[i * 4 + 3]), expected);
    }

    /// <summary>Every value of a repeated header, in order.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        var result = new List<string>();
        for (var i = 0; i < Count; i++)
            if (NameIs(i, name)) result.Add(ValueAt(i));
        return result;
    }

    /// <summary>The headers in wire order, as one array (no iterator on the way).</summary>
    public KeyValuePair<string, string>[] HeaderArray()
    {
        var headers = new KeyValuePair<string, string>[Count];
        for (var i = 0; i < Count; i++) headers[i] = new(NameAt(i), ValueAt(i));
        return headers;
    }

    public IEnumerable<KeyValuePair<string, string>> Headers
    {
        get
        {
            for (var i = 0; i < Count; i++) yield return new(NameAt(i), ValueAt(i));
        }
    }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Count; i++)
            if (NameIs(i, name)) return i;
        return -1;
    }

    private bool NameIs(int i, string name) => AsciiEquals(_bytes.AsSpan(_offsets[i * 4], _offsets[i * 4 + 1]), name);

    private static bool AsciiEquals(ReadOnlySpan<byte> bytes, string s)
    {
        if (bytes.Length != s.Length) return false;
        for (var k = 0; k < bytes.Length; k++)
        {
            var a = bytes[k];
            var b = s[k];
            if (a == b) continue;
            if (b > 127 || (a | 0x20) != (b | 0x20) || (uint)((a | 0x20) - 'a') > 'z' - 'a') return false;
        }
        return true;
    }

    /// <summary>The message as AMI text (CRLF line ends, blank line at the end).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in Headers) sb.Append(k).Append(": ").Append(v).Append("\r\n");
        return sb.Append("\r\n").ToString();
    }
}
