using System.Collections.Concurrent;

namespace Xuc.Actors.Directory;

/// <summary>
/// The node's reverse lookup (docs/directory.md, "Caller names"): the name the directory gives a number, kept for
/// <see cref="DirectorySettings.ReverseLookupTtl"/> (a number it does not know too, so an unknown caller costs one
/// search per TTL). Shared by every line feed of the node.
/// </summary>
public sealed class CallerNames(Func<DirectorySearch> search, TimeSpan ttl, TimeProvider? clock = null)
{
    private readonly ConcurrentDictionary<string, (string? Name, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private const int MaxKept = 100_000;

    /// <returns>Whether the cache holds this number (then <paramref name="name"/> is its name, null for none).</returns>
    public bool TryCached(string number, out string? name)
    {
        if (_cache.TryGetValue(number, out var kept) && kept.Until > _clock.GetUtcNow())
        {
            name = kept.Name;
            return true;
        }
        name = null;
        return false;
    }

    /// <summary>Asks the directory and keeps the answer; a directory that fails gives no name (kept too).</summary>
    public async Task<string?> LookUpAsync(string number)
    {
        string? name;
        try { name = (await search().FindByNumberAsync(number))?.DisplayName; }
        catch (Exception) { name = null; }
        if (_cache.Count >= MaxKept) _cache.Clear();
        _cache[number] = (string.IsNullOrWhiteSpace(name) ? null : name, _clock.GetUtcNow() + ttl);
        return name;
    }

    /// <summary>Forgets every name (the directory's configuration changed).</summary>
    public void Clear() => _cache.Clear();
}
