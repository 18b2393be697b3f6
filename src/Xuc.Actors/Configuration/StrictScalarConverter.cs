using Newtonsoft.Json;

namespace Xuc.Actors.Configuration;

/// <summary>
/// Reads strings, integers and booleans only from JSON values of that type: Newtonsoft would otherwise turn
/// <c>"number": 3020</c> into "3020" and <c>"id": 22.5</c> into 22. A value of another type is refused with its path.
/// </summary>
public sealed class StrictScalarConverter : JsonConverter
{
    public override bool CanWrite => false;

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException("read only");

    public override bool CanConvert(Type objectType)
        => (Nullable.GetUnderlyingType(objectType) ?? objectType) is var t && (t == typeof(string) || t == typeof(int) || t == typeof(bool));

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var target = Nullable.GetUnderlyingType(objectType) ?? objectType;
        var nullable = target != objectType || !objectType.IsValueType;
        switch (reader.TokenType)
        {
            case JsonToken.Null when nullable:
                return null;
            case JsonToken.String when target == typeof(string):
                return (string)reader.Value!;
            case JsonToken.Boolean when target == typeof(bool):
                return (bool)reader.Value!;
            case JsonToken.Integer when target == typeof(int) && reader.Value is long l && l is >= int.MinValue and <= int.MaxValue:
                return (int)l;
            case JsonToken.Integer when target == typeof(int):
                throw Refused(reader, "an integer between -2147483648 and 2147483647");
            default:
                throw Refused(reader, target == typeof(string) ? "a string" : target == typeof(int) ? "an integer" : "true or false");
        }
    }

    private static JsonSerializationException Refused(JsonReader reader, string expected)
        => new($"{reader.Path}: {expected} is expected, not {Describe(reader)}");

    private static string Describe(JsonReader reader) => reader.TokenType switch
    {
        JsonToken.String => $"the string \"{Shorten((string)reader.Value!)}\"",
        JsonToken.Integer or JsonToken.Float => $"the number {Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture)}",
        JsonToken.Boolean => $"{reader.Value}".ToLowerInvariant(),
        JsonToken.Null => "null",
        JsonToken.StartObject => "an object",
        JsonToken.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
