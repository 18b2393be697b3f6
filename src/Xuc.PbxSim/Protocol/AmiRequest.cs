namespace Xuc.PbxSim.Protocol;

/// <summary>An action as a client sent it: headers in order (repeated <c>Variable:</c> kept).</summary>
public sealed class AmiRequest(IReadOnlyList<KeyValuePair<string, string>> headers)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public string? this[string name]
    {
        get
        {
            foreach (var (k, v) in Headers)
                if (k.Equals(name, StringComparison.OrdinalIgnoreCase)) return v;
            return null;
        }
    }

    public string Action => this["Action"] ?? "";
    public string? ActionId => this["ActionID"];

    /// <summary>Values of a repeated header; <c>Variable: a=1,b=2</c> is split on commas as Asterisk does.</summary>
    public IReadOnlyDictionary<string, string> Variables(string header = "Variable")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in Headers)
        {
            if (!k.Equals(header, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var part in v.Split(','))
            {
                var eq = part.IndexOf('=');
                if (eq > 0) result[part[..eq].Trim()] = part[(eq + 1)..];
            }
        }
        return result;
    }

    public static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase)
        || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("on", StringComparison.OrdinalIgnoreCase));
}
