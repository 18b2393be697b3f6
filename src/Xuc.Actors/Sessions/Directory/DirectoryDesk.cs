using Xuc.Actors.Directory;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Directory;

/// <summary>
/// What the directory commands do for a session (docs/directory.md): search the node's <see cref="DirectoryCatalog"/>,
/// mark the user's favourites, read the phone states; add and remove favourites in the store. Each answer is the
/// message for this session; a favourite changed is also the message for all the user's sessions.
/// </summary>
public sealed class DirectoryDesk(DirectoryCatalog catalog, PhoneStates phones)
{
    public const string UnknownContact = "UnknownContact";

    public DirectoryCatalog Catalog => catalog;

    public async Task<ICtiMessage> LookUpAsync(int userId, string? term)
    {
        if (SearchTerms.Parse(term, out var problem) is not { } terms)
            return new CtiError(CtiErrors.InvalidArgument, "directoryLookUp: " + problem);
        var answer = await catalog.Current.SearchAsync(terms, userId);
        var favorites = (await catalog.Store.FavoritesAsync(userId)).ToHashSet();
        var rows = await RowsAsync(answer.Entries, favorites);
        return new DirectoryResult(rows, LeftOut(answer.LeftOut));
    }

    public async Task<ICtiMessage> FavoritesAsync(int userId)
    {
        var search = catalog.Current;
        var found = new List<DirectoryEntry>();
        var leftOut = new List<SourceLeftOut>();
        foreach (var (source, id) in await catalog.Store.FavoritesAsync(userId))
        {
            var (entry, problem) = await search.FindAsync(source, id, userId);
            if (entry is not null) found.Add(entry);
            else if (problem is not null && leftOut.All(l => l.Source != source)) leftOut.Add(new SourceLeftOut(source, problem));
        }
        var rows = await RowsAsync(found, found.Select(e => (e.Source, e.Id)).ToHashSet());
        return new Favorites(rows, LeftOut(leftOut));
    }

    /// <returns>The change for all the user's sessions, or the error for this one.</returns>
    public async Task<(FavoriteUpdated? Change, CtiError? Error)> AddFavoriteAsync(int userId, string contactId, string source)
    {
        var (entry, problem) = await catalog.Current.FindAsync(source, contactId, userId);
        if (entry is null)
            return (null, new CtiError(UnknownContact, $"addFavorite: {problem ?? $"no contact '{Truncated(contactId)}' in source '{Truncated(source)}'"}"));
        await catalog.Store.AddFavoriteAsync(userId, source, contactId);
        return (new FavoriteUpdated(FavoriteUpdated.Added, contactId, source), null);
    }

    public async Task<(FavoriteUpdated? Change, CtiError? Error)> RemoveFavoriteAsync(int userId, string contactId, string source)
        => await catalog.Store.RemoveFavoriteAsync(userId, source, contactId)
            ? (new FavoriteUpdated(FavoriteUpdated.Removed, contactId, source), null)
            : (null, new CtiError(UnknownContact, $"removeFavorite: '{Truncated(contactId)}' of source '{Truncated(source)}' is not one of your favourites"));

    private async Task<IReadOnlyList<DirectoryRow>> RowsAsync(IReadOnlyList<DirectoryEntry> entries, HashSet<(string Source, string ContactId)> favorites)
    {
        var states = await phones.OfAsync(entries.Select(e => e.Number));
        return entries.Select(e => DirectoryRow.Of(e, states.GetValueOrDefault(e.Number, PhoneHintStatus.UnknownNumber), favorites.Contains((e.Source, e.Id)))).ToList();
    }

    private static IReadOnlyList<LeftOutSource> LeftOut(IEnumerable<SourceLeftOut> leftOut) => leftOut.Select(l => new LeftOutSource(l.Source, l.Reason)).ToList();

    private static string Truncated(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
