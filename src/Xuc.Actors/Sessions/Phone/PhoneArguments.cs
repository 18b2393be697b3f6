using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>
/// Reads the values of phone commands beyond their JSON types (checked by <see cref="CommandCatalog"/>); a bad value
/// is refused with <c>InvalidArgument</c> naming the command and the argument.
/// </summary>
public static partial class PhoneArguments
{
    /// <summary>The prefix of attached data (PROTOCOL.md §2.2: only <c>USR_</c> data goes back to clients).</summary>
    public const string DataPrefix = "USR_";

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex VariableName();

    [GeneratedRegex("^[0-9A-Za-z*#+]{1,64}$")]
    private static partial Regex DialString();

    /// <summary>
    /// A number to dial: spaces, dots, dashes and brackets people type (<c>+33 6 12.34-56 (78)</c>) are dropped; what
    /// is left must be digits, letters, <c>*</c>, <c>#</c>, <c>+</c> (at most 64).
    /// </summary>
    public static string Destination(string command, JObject frame, string name = "destination")
    {
        var raw = (string?)frame[name] ?? "";
        var cleaned = new string(raw.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('.' or '-' or '(' or ')')).ToArray());
        if (!DialString().IsMatch(cleaned))
            throw Invalid($"{command}: '{name}' must be a number to dial (digits, letters, * # +), not '{Truncated(raw)}'");
        return cleaned;
    }

    /// <summary>
    /// Attached data: each key gets <c>USR_</c> unless it has it; keys are Asterisk variable names (letters, digits,
    /// <c>_</c>); values are strings, numbers or booleans. <paramref name="forOriginate"/>: a value with a comma is
    /// refused, because Asterisk splits an Originate <c>Variable:</c> header on commas.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Variables(string command, JObject frame, bool forOriginate)
    {
        if (frame["variables"] is not JObject variables) return [];
        var result = new List<KeyValuePair<string, string>>();
        foreach (var p in variables.Properties())
        {
            if (!VariableName().IsMatch(p.Name))
                throw Invalid($"{command}: variable name '{Truncated(p.Name)}' must be letters, digits and _ (at most 64)");
            var value = p.Value.Type switch
            {
                JTokenType.String => (string)p.Value!,
                JTokenType.Integer or JTokenType.Float => Convert.ToString(((JValue)p.Value).Value, CultureInfo.InvariantCulture)!,
                JTokenType.Boolean => (bool)p.Value ? "true" : "false",
                _ => throw Invalid($"{command}: variable '{p.Name}' must be a string, a number or a boolean"),
            };
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0) throw Invalid($"{command}: variable '{p.Name}' contains a line break");
            if (forOriginate && value.Contains(',')) throw Invalid($"{command}: variable '{p.Name}' contains a comma, which Asterisk's Originate would split");
            var name = p.Name.StartsWith(DataPrefix, StringComparison.Ordinal) ? p.Name : DataPrefix + p.Name;
            result.Add(new(name, value));
        }
        return result;
    }

    /// <summary>A queue id sent as a number or a string of digits.</summary>
    public static int QueueId(string command, JObject frame)
    {
        var token = frame["queueId"]!;
        // An integer beyond int64 is a BigInteger in the JValue: casting it threw, and was logged with its stack as a bug.
        if (token is JValue { Value: long n } && n is > 0 and <= int.MaxValue) return (int)n;
        if (token.Type == JTokenType.String && int.TryParse((string?)token, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        throw Invalid($"{command}: 'queueId' must be a queue id, not '{Truncated(token.ToString())}'");
    }

    /// <summary>One DTMF key: 0–9, *, #, A–D.</summary>
    public static string Key(string command, JObject frame)
    {
        var key = (string?)frame["key"] ?? "";
        if (key.Length != 1 || !"0123456789*#ABCDabcd".Contains(key[0]))
            throw Invalid($"{command}: 'key' must be one DTMF key (0-9, *, #, A-D), not '{Truncated(key)}'");
        return key.ToUpperInvariant();
    }

    /// <summary>A caller id as Asterisk parses it: <c>"name" &lt;number&gt;</c> (quotes and angle brackets taken out of the parts).</summary>
    public static string CallerId(string name, string number)
    {
        static string Clean(string s) => new(s.Where(ch => ch is not ('"' or '<' or '>' or '\r' or '\n')).ToArray());
        var n = Clean(name).Trim();
        var num = Clean(number).Trim();
        return n.Length == 0 ? $"<{num}>" : $"\"{n}\" <{num}>";
    }

    private static PhoneCommandRefused Invalid(string message) => new(CtiErrors.InvalidArgument, message);

    private static string Truncated(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
