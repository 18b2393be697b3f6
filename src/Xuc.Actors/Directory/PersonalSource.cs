using System.Globalization;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Directory;

/// <summary>
/// Each user's personal contacts, read from the store at each search (a user keeps few; they change over REST on any
/// node). Searched for their owner only; not used to name a caller.
/// </summary>
public sealed class PersonalSource(DirectorySource config, ConfigStore store) : IDirectorySource
{
    private readonly IReadOnlyList<string> _fields = config.SearchedFields is { Count: > 0 } f ? f : DirectoryFields.SearchedByDefault;

    public string Name => config.Name;
    public TimeSpan Timeout => TimeSpan.FromMilliseconds(config.TimeoutMs);

    public async Task<IReadOnlyList<DirectoryEntry>> SearchAsync(SearchTerms terms, int max, int userId, CancellationToken cancel)
        => (await EntriesAsync(userId)).Where(e => terms.Match(e.SearchedText(_fields))).Order(DirectoryEntry.ByName).Take(max).ToList();

    public async Task<DirectoryEntry?> FindAsync(string id, int userId, CancellationToken cancel)
        => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && await store.PersonalContactAsync(userId, n) is { } c ? Entry(c) : null;

    public Task<DirectoryEntry?> FindByNumberAsync(string digits, CancellationToken cancel) => Task.FromResult<DirectoryEntry?>(null);

    private async Task<IEnumerable<DirectoryEntry>> EntriesAsync(int userId) => (await store.PersonalContactsAsync(userId)).Select(Entry);

    private DirectoryEntry Entry(PersonalContact c) => new(Name, c.Id.ToString(CultureInfo.InvariantCulture), c.FirstName, c.LastName, c.Number,
        c.Mobile ?? "", c.Company ?? "", c.Email ?? "") { Personal = true };
}
