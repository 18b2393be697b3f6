using Newtonsoft.Json;
using Xuc.Actors.Configuration;

namespace Xuc.Actors.Messages.Events;

/// <summary>
/// Published on <see cref="PubSub.Topics.Config"/> after a committed change in the configuration store, so every
/// node's <see cref="EntityConfigDirectory"/> and the sessions that show the object refresh it. For a line, a queue
/// or an agent the object travels with the message as JSON (<see cref="Value"/> as it now is, <see cref="Previous"/>
/// as it was); other kinds, and a whole import (<c>Reloaded</c>), are re-read from the store by whoever needs them.
/// </summary>
public sealed record ConfigChanged(string Kind, string Id, string Operation, string? Value = null, string? Previous = null)
{
    public static ConfigChanged From(ConfigChange change) => new(
        change.Kind, change.Id, change.Op.ToString(), Carried(change.Kind, change.Value), Carried(change.Kind, change.Previous));

    /// <summary>The change as the store raised it, with the carried objects; null for what must be re-read.</summary>
    public ConfigChange? ToChange()
    {
        if (!Enum.TryParse<ChangeOp>(Operation, out var op) || op == ChangeOp.Reloaded) return null;
        var type = TypeOf(Kind);
        if (type is null) return null;
        return new ConfigChange(Kind, Id, op,
            Value is null ? null : JsonConvert.DeserializeObject(Value, type, ConfigFile.Settings),
            Previous is null ? null : JsonConvert.DeserializeObject(Previous, type, ConfigFile.Settings));
    }

    private static string? Carried(string kind, object? item) =>
        item is not null && TypeOf(kind) is not null ? JsonConvert.SerializeObject(item, ConfigFile.Settings) : null;

    /// <summary>The kinds held by entities travel with the message; the others are only named.</summary>
    private static readonly IConfigKind[] EntityKinds = [ConfigKinds.Line, ConfigKinds.Queue, ConfigKinds.Agent];

    private static Type? TypeOf(string kind) => EntityKinds.FirstOrDefault(k => k.Name == kind)?.ItemType;
}
