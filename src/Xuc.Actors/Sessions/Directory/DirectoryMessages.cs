using Newtonsoft.Json;
using Xuc.Actors.Directory;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Directory;

/// <summary>
/// One row of a <c>DirectoryResult</c> or <c>Favorites</c> (docs/directory.md): <c>status</c> the numeric phone state
/// (PROTOCOL.md §2.2; -2 for a number no line has), <c>entry</c> the cells under <see cref="DirectoryResult.Headers"/>.
/// </summary>
public sealed record DirectoryRow(
    [property: JsonProperty("status")] int Status,
    [property: JsonProperty("entry")] IReadOnlyList<string> Entry,
    [property: JsonProperty("contact_id")] string ContactId,
    [property: JsonProperty("source")] string Source,
    [property: JsonProperty("favorite")] bool Favorite)
{
    public static DirectoryRow Of(DirectoryEntry e, int status, bool favorite) => new(status,
        [e.FirstName, e.LastName, e.Number, e.Mobile, e.Company, e.Email, favorite ? "true" : "false", e.Personal ? "true" : "false", e.Source],
        e.Id, e.Source, favorite);
}

/// <summary>A source a result was made without, and why (late: its timeout; or its error).</summary>
public sealed record LeftOutSource([property: JsonProperty("source")] string Source, [property: JsonProperty("reason")] string Reason);

/// <summary>
/// The answer to <c>directoryLookUp</c> / <c>searchContacts</c>. The headers never change order; the last two
/// (<c>Personal</c>, <c>Source</c>) are technical columns after <c>Favoris</c>, hidden by the xucmgt client.
/// <c>sourcesLeftOut</c> (beyond xuc) names the sources that did not answer in time; empty when the result is whole.
/// </summary>
public sealed record DirectoryResult(
    [property: JsonProperty("entries")] IReadOnlyList<DirectoryRow> Entries,
    [property: JsonProperty("sourcesLeftOut")] IReadOnlyList<LeftOutSource> SourcesLeftOut) : ICtiMessage
{
    public static readonly IReadOnlyList<string> Columns = ["Firstname", "Lastname", "Number", "Mobile", "Company", "Email", "Favoris", "Personal", "Source"];

    [JsonProperty("headers")] public IReadOnlyList<string> Headers => Columns;
    [JsonIgnore] public string MsgType => "DirectoryResult";
}

/// <summary>The answer to <c>getFavorites</c> / <c>getFavoriteContacts</c>: the user's favourites, in the shape of a <see cref="DirectoryResult"/>.</summary>
public sealed record Favorites(
    [property: JsonProperty("entries")] IReadOnlyList<DirectoryRow> Entries,
    [property: JsonProperty("sourcesLeftOut")] IReadOnlyList<LeftOutSource> SourcesLeftOut) : ICtiMessage
{
    [JsonProperty("headers")] public IReadOnlyList<string> Headers => DirectoryResult.Columns;
    [JsonIgnore] public string MsgType => "Favorites";
}

/// <summary>A favourite added or removed, to every session of the user (on any node).</summary>
public sealed record FavoriteUpdated(
    [property: JsonProperty("action")] string Action,
    [property: JsonProperty("contact_id")] string ContactId,
    [property: JsonProperty("source")] string Source) : ICtiMessage
{
    public const string Added = "Added";
    public const string Removed = "Removed";
    [JsonIgnore] public string MsgType => "FavoriteUpdated";
}
