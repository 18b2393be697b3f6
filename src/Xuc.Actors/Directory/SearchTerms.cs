namespace Xuc.Actors.Directory;

/// <summary>
/// What a user typed, as words each entry must hold (in any of its searched fields, in any order): a word that looks
/// like a number is compared by its digits, any other folded (<see cref="SearchText"/>).
/// </summary>
public sealed record SearchTerms(string Raw, IReadOnlyList<string> Words)
{
    /// <summary>The words as typed, lower-cased with their accents (an LDAP server compares accents), in the order of <see cref="Words"/>.</summary>
    public IReadOnlyList<string> Typed { get; init; } = Words;

    public const int MaxLength = 100;

    /// <returns>null with <paramref name="problem"/> when there is nothing to search for or too much.</returns>
    public static SearchTerms? Parse(string? term, out string? problem)
    {
        var raw = (term ?? "").Trim();
        problem = raw.Length switch
        {
            0 => "term is empty",
            > MaxLength => $"term is longer than {MaxLength} characters",
            _ => null,
        };
        if (problem is not null) return null;
        var split = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // A number typed in groups (01 40 00 20 01) is one number.
        if (split.Length > 1 && split.All(SearchText.LooksLikeNumber)) split = [string.Concat(split)];
        var pairs = split
            .Select(w => SearchText.LooksLikeNumber(w) ? (Word: SearchText.Digits(w), Typed: SearchText.Digits(w)) : (Word: SearchText.Fold(w), Typed: w.ToLowerInvariant()))
            .Where(w => w.Word.Length > 0 && !w.Word.Contains(SearchText.FieldSeparator))
            .DistinctBy(w => w.Word, StringComparer.Ordinal)
            .ToList();
        var words = pairs.Select(p => p.Word).ToList();
        if (words.Count == 0)
        {
            problem = "term holds nothing to search for";
            return null;
        }
        return new SearchTerms(raw, words) { Typed = pairs.Select(p => p.Typed).ToList() };
    }

    /// <summary>Whether an entry's searched text (its fields folded, joined by <see cref="SearchText.FieldSeparator"/>) holds every word.</summary>
    public bool Match(string searchedText)
    {
        foreach (var w in Words)
            if (!searchedText.Contains(w, StringComparison.Ordinal)) return false;
        return true;
    }
}
