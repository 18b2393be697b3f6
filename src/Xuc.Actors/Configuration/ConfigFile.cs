using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Xuc.Actors.Configuration;

/// <summary>
/// The JSON import format: one object with the lists <c>users, lines, agents, queues, agentGroups, rightProfiles,
/// userStatuses, contacts</c> (camelCase fields; users may carry a plain <c>password</c>, hashed on import).
/// Malformed JSON or a wrong type is refused with its path.
/// </summary>
public static class ConfigFile
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        MissingMemberHandling = MissingMemberHandling.Error,
        Converters = [new StringEnumConverter { AllowIntegerValues = false }, new StrictScalarConverter()],
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 32,
    };

    public static ConfigSnapshot Parse(string json) => Parse(new StringReader(json));

    /// <summary>Reads an import; <see cref="EmptyImportException"/> when it holds no object at all.</summary>
    public static ConfigSnapshot Parse(TextReader text)
    {
        ConfigSnapshot? snapshot;
        try
        {
            using var reader = new JsonTextReader(text) { MaxDepth = Settings.MaxDepth };
            snapshot = JsonSerializer.Create(Settings).Deserialize<ConfigSnapshot>(reader);
            if (snapshot is not null && reader.Read())
                throw new JsonReaderException($"unexpected content after the configuration object, line {reader.LineNumber} position {reader.LinePosition}");
        }
        catch (JsonException e)
        {
            throw new ConfigValidationException([$"malformed configuration file: {e.Message}"]);
        }
        if (snapshot is null || ConfigKinds.All.All(k => k.Items(snapshot).Count == 0)) throw new EmptyImportException();
        return snapshot;
    }

    public static string Write(ConfigSnapshot snapshot) => JsonConvert.SerializeObject(snapshot, Formatting.Indented, Settings);
}
