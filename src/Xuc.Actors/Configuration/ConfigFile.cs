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
        Converters = [new StringEnumConverter()],
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 32,
    };

    public static ConfigSnapshot Parse(string json)
    {
        try
        {
            return JsonConvert.DeserializeObject<ConfigSnapshot>(json, Settings)
                   ?? throw new ConfigValidationException(["the file is empty or null"]);
        }
        catch (JsonException e)
        {
            throw new ConfigValidationException([$"malformed configuration file: {e.Message}"]);
        }
    }

    public static string Write(ConfigSnapshot snapshot) => JsonConvert.SerializeObject(snapshot, Formatting.Indented, Settings);
}
