using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration;

/// <summary>What a directory source must hold (docs/directory.md), in words naming the source and the field.</summary>
public static class DirectorySourceRules
{
    public const int MaxTimeoutMs = 60_000;

    public static IEnumerable<string> Errors(IReadOnlyList<DirectorySource> sources)
    {
        foreach (var g in sources.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return $"directorysource {g.Key}: name is used more than once";
        foreach (var s in sources)
        {
            var id = $"directorysource {s.Name}";
            if (string.IsNullOrWhiteSpace(s.Name)) yield return "directorysource: name is required";
            if (!DirectoryFields.Types.Contains(s.Type)) yield return $"{id}: type '{s.Type}' is not one of {string.Join(", ", DirectoryFields.Types)}";
            if (s.TimeoutMs is < 1 or > MaxTimeoutMs) yield return $"{id}: timeoutMs {s.TimeoutMs} is outside 1..{MaxTimeoutMs}";
            foreach (var f in (s.SearchedFields ?? []).Where(f => !DirectoryFields.All.Contains(f)))
                yield return $"{id}: searchedFields '{f}' is not one of {string.Join(", ", DirectoryFields.All)}";
            foreach (var f in (s.Mapping?.Keys ?? []).Where(f => f != DirectoryFields.Id && !DirectoryFields.All.Contains(f)))
                yield return $"{id}: mapping '{f}' is not one of id, {string.Join(", ", DirectoryFields.All)}";
            if (s.Type == "csv" && string.IsNullOrWhiteSpace(s.Path)) yield return $"{id}: path (the CSV file) is required for type csv";
            if (s.Type == "ldap")
            {
                if (!Uri.TryCreate(s.Url ?? "", UriKind.Absolute, out var url) || url.Scheme is not ("ldap" or "ldaps"))
                    yield return $"{id}: url '{s.Url}' is not ldap://host:port";
                if (string.IsNullOrWhiteSpace(s.BaseDn)) yield return $"{id}: baseDn is required for type ldap";
            }
        }
    }
}
