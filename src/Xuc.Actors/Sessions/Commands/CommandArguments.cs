using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Xuc.Actors.Sessions.Commands;

/// <summary>
/// The one reader of a command frame's arguments, used only by decoders (<see cref="CtiCommandDefinition"/>): each
/// read returns a typed value or throws <see cref="CommandArgumentException"/> with the reason, worded the same for
/// every command (<c>"cmd: 'x' is missing"</c>, <c>"cmd: 'x' must be string, not integer"</c>). One integer rule
/// (a JSON integer within the range asked, never clamped) and one string rule (at most <see cref="MaxLength"/>
/// characters unless the command says otherwise).
/// </summary>
public sealed class CommandArguments(string command, JObject frame)
{
    /// <summary>The longest string argument a command takes unless it names its own limit.</summary>
    public const int MaxLength = 1024;

    public string Command { get; } = command;

    public string String(string name, int maxLength = MaxLength) =>
        OptionalString(name, maxLength) ?? throw Missing(name);

    public string? OptionalString(string name, int maxLength = MaxLength)
    {
        if (Value(name) is not { } value) return null;
        if (value.Type != JTokenType.String) throw WrongType(name, "string", value);
        var text = (string)value!;
        return text.Length <= maxLength ? text : throw Wrong(name, $"is longer than {maxLength} characters ({text.Length})");
    }

    /// <summary>A JSON integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public long Whole(string name, long min = long.MinValue, long max = long.MaxValue) =>
        OptionalWhole(name, min, max) ?? throw Missing(name);

    public long? OptionalWhole(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        if (Value(name) is not { } value) return null;
        if (value.Type != JTokenType.Integer) throw WrongType(name, "integer", value);
        if (!long.TryParse(value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw Wrong(name, $"must be from {min} to {max}, not {Shown(value)}");
        return n;
    }

    /// <summary>An id given as a JSON integer or a string of digits (clients send both), from 1 to int.MaxValue.</summary>
    public int Id(string name) => OptionalId(name) ?? throw Missing(name);

    public int? OptionalId(string name)
    {
        if (Value(name) is not { } value) return null;
        if (value.Type is not (JTokenType.Integer or JTokenType.String)) throw WrongType(name, "integer or string", value);
        return int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw Wrong(name, $"must be a positive whole number, not {Shown(value)}");
    }

    public bool Bool(string name) => OptionalBool(name) ?? throw Missing(name);

    public bool? OptionalBool(string name)
    {
        if (Value(name) is not { } value) return null;
        return value.Type == JTokenType.Boolean ? (bool)value : throw WrongType(name, "boolean", value);
    }

    public IReadOnlyList<string> Strings(string name, int maxCount = MaxLength, int maxLength = MaxLength) =>
        OptionalStrings(name, maxCount, maxLength) ?? throw Missing(name);

    public IReadOnlyList<string>? OptionalStrings(string name, int maxCount = MaxLength, int maxLength = MaxLength)
    {
        if (Value(name) is not { } value) return null;
        if (value is not JArray items) throw WrongType(name, "array", value);
        if (items.Count > maxCount) throw Wrong(name, $"holds more than {maxCount} items ({items.Count})");
        return items.Select(i => i.Type != JTokenType.String ? throw Wrong(name, $"must hold strings only, not {TypeOf(i)}")
                : ((string)i!).Length <= maxLength ? (string)i! : throw Wrong(name, $"holds a string longer than {maxLength} characters"))
            .ToList();
    }

    /// <summary>A nested object's arguments, read with the same rules (their names as <c>outer.inner</c>).</summary>
    public CommandArguments Object(string name) => OptionalObject(name) ?? throw Missing(name);

    public CommandArguments? OptionalObject(string name)
    {
        if (Value(name) is not { } value) return null;
        return value is JObject o ? new CommandArguments(Command, o) { _prefix = _prefix + name + "." } : throw WrongType(name, "object", value);
    }

    /// <summary>A nested object's string-valued fields as a map (e.g. a call's attached data), each within the string rule.</summary>
    public IReadOnlyDictionary<string, string>? OptionalStringMap(string name, int maxCount = MaxLength)
    {
        if (OptionalObject(name) is not { } inner) return null;
        if (inner._frame.Count > maxCount) throw Wrong(name, $"holds more than {maxCount} fields");
        return inner._frame.Properties().ToDictionary(p => p.Name, p => inner.String(p.Name), StringComparer.Ordinal);
    }

    private readonly JObject _frame = frame;
    private string _prefix = "";

    private JToken? Value(string name) => _frame[name] is { Type: not JTokenType.Null } v ? v : null;

    private CommandArgumentException Missing(string name) => new($"{Command}: '{_prefix}{name}' is missing");

    private CommandArgumentException WrongType(string name, string expected, JToken value) => Wrong(name, $"must be {expected}, not {TypeOf(value)}");

    private CommandArgumentException Wrong(string name, string what) => new($"{Command}: '{_prefix}{name}' {what}");

    private static string TypeOf(JToken value) => value.Type.ToString().ToLowerInvariant();

    private static string Shown(JToken value)
    {
        var text = value.ToString(Newtonsoft.Json.Formatting.None);
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
