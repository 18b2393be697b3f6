namespace Xuc.Actors.Directory;

/// <summary>
/// One place the directory searches, built from its <see cref="Configuration.Model.DirectorySource"/>
/// (docs/directory.md). Each call may be cancelled by the search's timeout for this source.
/// </summary>
public interface IDirectorySource
{
    string Name { get; }
    TimeSpan Timeout { get; }

    /// <summary>At most <paramref name="max"/> entries holding every word, in name order; <paramref name="userId"/> for per-user sources.</summary>
    Task<IReadOnlyList<DirectoryEntry>> SearchAsync(SearchTerms terms, int max, int userId, CancellationToken cancel);

    /// <summary>The entry with this id (a favourite), or null.</summary>
    Task<DirectoryEntry?> FindAsync(string id, int userId, CancellationToken cancel);

    /// <summary>The entry whose number or mobile has these digits (an incoming caller), or null; per-user sources answer null.</summary>
    Task<DirectoryEntry?> FindByNumberAsync(string digits, CancellationToken cancel);
}

/// <summary>A source whose entries are in memory: searched synchronously through a <see cref="ContactIndex"/>.</summary>
public sealed class IndexedSource(string name, TimeSpan timeout, ContactIndex index) : IDirectorySource
{
    public string Name => name;
    public TimeSpan Timeout => timeout;
    public ContactIndex Index => index;

    public Task<IReadOnlyList<DirectoryEntry>> SearchAsync(SearchTerms terms, int max, int userId, CancellationToken cancel) => Task.FromResult(index.Search(terms, max));

    public Task<DirectoryEntry?> FindAsync(string id, int userId, CancellationToken cancel) => Task.FromResult(index.Find(id));

    public Task<DirectoryEntry?> FindByNumberAsync(string digits, CancellationToken cancel) => Task.FromResult(index.FindByNumber(digits));
}
