using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Directory;

/// <summary>One person or place a source found, in the directory's own fields (docs/directory.md).</summary>
public sealed record DirectoryEntry(string Source, string Id, string FirstName, string LastName, string Number, string Mobile, string Company, string Email)
{
    /// <summary>A user's own contact (the hidden <c>Personal</c> column).</summary>
    public bool Personal { get; init; }

    /// <summary>The key two entries are the same by: the number's digits (an entry without one is never merged).</summary>
    public string NumberKey => SearchText.Digits(Number);

    public string Field(string field) => field switch
    {
        DirectoryFields.FirstName => FirstName,
        DirectoryFields.LastName => LastName,
        DirectoryFields.Number => Number,
        DirectoryFields.Mobile => Mobile,
        DirectoryFields.Company => Company,
        DirectoryFields.Email => Email,
        _ => "",
    };

    /// <summary>The text searched: each searched field folded (numbers by their digits), joined by <see cref="SearchText.FieldSeparator"/>.</summary>
    public string SearchedText(IReadOnlyList<string> fields)
        => string.Join(SearchText.FieldSeparator, fields.Select(f => f is DirectoryFields.Number or DirectoryFields.Mobile ? SearchText.Digits(Field(f)) : SearchText.Fold(Field(f))));

    /// <summary>How a caller is shown on a ringing phone: first and last name, else the company.</summary>
    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Company;

    /// <summary>Alphabetical order: last name, first name, folded; then source and id, so the order is total.</summary>
    public static readonly IComparer<DirectoryEntry> ByName = Comparer<DirectoryEntry>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(SearchText.Fold(a.LastName), SearchText.Fold(b.LastName));
        if (c == 0) c = string.CompareOrdinal(SearchText.Fold(a.FirstName), SearchText.Fold(b.FirstName));
        if (c == 0) c = string.CompareOrdinal(a.Source, b.Source);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    });
}
