using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Directory;

/// <summary>A source that did not answer in time or failed: the answer was made without it.</summary>
public sealed record SourceLeftOut(string Source, string Reason);

/// <summary>A search's entries (merged, at most the maximum) and the sources it was made without.</summary>
public sealed record DirectoryAnswer(IReadOnlyList<DirectoryEntry> Entries, IReadOnlyList<SourceLeftOut> LeftOut);

/// <summary>
/// The configured sources, searched together (docs/directory.md): every source at once, each within its own timeout; a
/// source late or failing is left out of the answer (and named in it) without holding the others back. Entries are
/// merged in source order, an entry whose number (or whose source and id) an earlier one has is dropped, then sorted by
/// name and cut at <see cref="DirectorySettings.MaxResults"/>.
/// </summary>
public sealed class DirectorySearch(IReadOnlyList<IDirectorySource> sources, int maxResults)
{
    public IReadOnlyList<IDirectorySource> Sources => sources;
    public int MaxResults => maxResults;

    /// <summary>The sources when the store configures none: the users, the configuration's contacts, each user's personal contacts.</summary>
    public static readonly IReadOnlyList<DirectorySource> DefaultSources =
    [
        new() { Name = "users", Type = "users", Position = 0 },
        new() { Name = "contacts", Type = "contacts", Position = 1 },
        new() { Name = "personal", Type = "personal", Position = 2 },
    ];

    public static DirectorySearch From(ConfigSnapshot config, ConfigStore store, DirectorySettings settings)
    {
        var configured = config.DirectorySources.Count > 0 ? config.DirectorySources : DefaultSources;
        var built = configured.OrderBy(s => s.Position).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => Build(s, config, store)).ToList();
        return new DirectorySearch(built, settings.MaxResults);
    }

    private static IDirectorySource Build(DirectorySource s, ConfigSnapshot config, ConfigStore store)
    {
        var fields = s.SearchedFields is { Count: > 0 } f ? f : DirectoryFields.SearchedByDefault;
        var timeout = TimeSpan.FromMilliseconds(s.TimeoutMs);
        return s.Type switch
        {
            "users" => new IndexedSource(s.Name, timeout, new ContactIndex(ConfigEntries.Users(config, s.Name), fields)),
            "contacts" => new IndexedSource(s.Name, timeout, new ContactIndex(ConfigEntries.Contacts(config, s.Name), fields)),
            "personal" => new PersonalSource(s, store),
            "csv" => new CsvSource(s),
            "ldap" => new LdapSource(s),
            _ => throw new ConfigValidationException([$"directorysource {s.Name}: type '{s.Type}' is unknown"]),
        };
    }

    public async Task<DirectoryAnswer> SearchAsync(SearchTerms terms, int userId)
    {
        var asked = sources.Select(s => Ask(s, c => s.SearchAsync(terms, maxResults, userId, c))).ToArray();
        var merged = new List<DirectoryEntry>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<(string, string)>();
        var leftOut = new List<SourceLeftOut>();
        for (var i = 0; i < asked.Length; i++)
        {
            var (found, problem) = await asked[i];
            if (problem is not null) leftOut.Add(new SourceLeftOut(sources[i].Name, problem));
            foreach (var e in found ?? [])
            {
                if (!ids.Add((e.Source, e.Id))) continue;
                var key = e.NumberKey;
                if (key.Length > 0 && !numbers.Add(key)) continue;
                merged.Add(e);
            }
        }
        merged.Sort(DirectoryEntry.ByName);
        return new DirectoryAnswer(merged.Count > maxResults ? merged.GetRange(0, maxResults) : merged, leftOut);
    }

    /// <returns>The entry, null when the source has none with this id; <c>problem</c> when the source is unknown or did not answer.</returns>
    public async Task<(DirectoryEntry? Entry, string? Problem)> FindAsync(string source, string id, int userId)
    {
        if (sources.FirstOrDefault(s => s.Name == source) is not { } s) return (null, $"no directory source '{source}'");
        return await Ask(s, c => s.FindAsync(id, userId, c));
    }

    /// <summary>The first entry, in source order, with this number (an incoming caller); null when none or no source answered.</summary>
    public async Task<DirectoryEntry?> FindByNumberAsync(string number)
    {
        var digits = SearchText.Digits(number);
        if (digits.Length == 0) return null;
        foreach (var s in sources)
            if ((await Ask(s, c => s.FindByNumberAsync(digits, c))).Result is { } found) return found;
        return null;
    }

    /// <summary>One source's answer within its timeout; a synchronous source answers at once.</summary>
    private static async Task<(T? Result, string? Problem)> Ask<T>(IDirectorySource source, Func<CancellationToken, Task<T>> ask)
    {
        using var cancel = new CancellationTokenSource(source.Timeout);
        Task<T> task;
        try { task = ask(cancel.Token); }
        catch (Exception e) { return (default, Failure(e)); }
        try { return (task.IsCompleted ? await task : await task.WaitAsync(source.Timeout), null); }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            _ = task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return (default, $"no answer within {source.Timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) { return (default, Failure(e)); }
    }

    private static string Failure(Exception e) => e.GetBaseException().Message is { Length: > 0 } m ? Short(m) : e.GetType().Name;

    private static string Short(string text) => text.Length <= 200 ? text.ReplaceLineEndings(" ") : text[..200].ReplaceLineEndings(" ") + "…";
}
