using Newtonsoft.Json;

namespace Xuc.Actors.Configuration;

/// <summary>How one kind differs between two configurations, by key: added, changed (stored form differs), deleted keys.</summary>
internal sealed record KindDiff(IConfigKind Kind, IReadOnlyList<object> Added, IReadOnlyList<object> Updated, IReadOnlyList<string> Deleted)
{
    public static KindDiff Between(IConfigKind kind, ConfigSnapshot before, ConfigSnapshot after)
    {
        var old = new Dictionary<string, object>();
        foreach (var item in kind.Items(before)) old[kind.KeyOf(item)] = item;
        var added = new List<object>();
        var updated = new List<object>();
        foreach (var item in kind.Items(after))
        {
            if (!old.Remove(kind.KeyOf(item), out var previous)) added.Add(item);
            else if (!ReferenceEquals(previous, item) && !SameContent(previous, item)) updated.Add(item);
        }
        return new KindDiff(kind, added, updated, [.. old.Keys]);
    }

    /// <summary>Records holding lists compare those by reference, so the content is compared as JSON.</summary>
    private static bool SameContent(object a, object b) => a.Equals(b) || JsonConvert.SerializeObject(a) == JsonConvert.SerializeObject(b);
}
