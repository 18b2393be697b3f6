namespace Xuc.Actors.Configuration;

/// <summary>
/// What an import did, per kind (the admin API's names: user, line, ...): objects added, objects whose stored form
/// changed, objects deleted (only a <see cref="ImportMode.Replace"/> deletes). Unchanged objects are not written.
/// </summary>
public sealed record ImportResult(
    ImportMode Mode,
    IReadOnlyDictionary<string, int> Added,
    IReadOnlyDictionary<string, int> Updated,
    IReadOnlyDictionary<string, int> Deleted)
{
    public string ModeName => ImportModes.Name(Mode);

    /// <summary>One line for an operator: <c>added 13 users, 12 lines; updated none; deleted 2 contacts</c>.</summary>
    public string Summary() => $"added {Describe(Added)}; updated {Describe(Updated)}; deleted {Describe(Deleted)}";

    private static string Describe(IReadOnlyDictionary<string, int> counts)
    {
        var parts = counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}{(c.Value == 1 ? "" : c.Key.EndsWith('s') ? "es" : "s")}").ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
