using System.Collections.Frozen;

namespace Xuc.Actors.Sessions.Commands;

/// <summary>
/// Every command of every <see cref="ICtiFeature"/> in this assembly, by name, found once. The codec decodes a
/// frame of one of these into its record; the session checks the rights and hands the record to its handler.
/// Commands not (yet) moved here are still read by <see cref="CommandCatalog"/>.
/// </summary>
public static class CtiCommandRegistry
{
    private static readonly FrozenDictionary<string, CtiCommandDefinition> Definitions = Build();

    public static CtiCommandDefinition? Find(string command) => Definitions.GetValueOrDefault(command);

    public static IEnumerable<CtiCommandDefinition> All => Definitions.Values;

    private static FrozenDictionary<string, CtiCommandDefinition> Build()
    {
        var features = typeof(ICtiFeature).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICtiFeature).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ICtiFeature)Activator.CreateInstance(t)!);
        var definitions = new Dictionary<string, CtiCommandDefinition>(StringComparer.Ordinal);
        foreach (var feature in features)
        foreach (var definition in feature.Commands)
            if (!definitions.TryAdd(definition.Name, definition))
                throw new InvalidOperationException($"the CTI command '{definition.Name}' is defined twice (in {feature.GetType().Name} and another feature)");
        return definitions.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
