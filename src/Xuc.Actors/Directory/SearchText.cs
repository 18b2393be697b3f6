using System.Text;

namespace Xuc.Actors.Directory;

/// <summary>
/// How names and numbers are compared (docs/directory.md, "Matching"): a name is folded to lower case without its
/// accents (<c>Hélène</c> → <c>helene</c>, <c>Œ</c> → <c>oe</c>); a number keeps its digits and a leading <c>+</c>
/// (<c>+33 1.40-00</c> → <c>+3314000</c>).
/// </summary>
public static class SearchText
{
    /// <summary>Between the fields of an entry's searched text: no search word holds it, so no word matches across two fields.</summary>
    public const char FieldSeparator = '\u0001';

    /// <summary>The fold of each char of Basic Latin, Latin-1 and Latin Extended-A (U+0000..U+017F); others are lower-cased alone, combining accents dropped.</summary>

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var plain = true;
        foreach (var c in text)
            if (c >= Folds.Length || Folds[c].Length != 1 || Folds[c][0] != c) { plain = false; break; }
        if (plain) return text;
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < Folds.Length) b.Append(Folds[c]);
            else if (c is < '\u0300' or > '\u036F') b.Append(char.ToLowerInvariant(c));
        }
        return b.ToString();
    }

    /// <summary>The digits of a number, with its leading <c>+</c>; empty for none.</summary>
    public static string Digits(string? number)
    {
        if (string.IsNullOrEmpty(number)) return "";
        var b = new StringBuilder(number.Length);
        foreach (var c in number)
            if (char.IsAsciiDigit(c) || (c == '+' && b.Length == 0)) b.Append(c);
        return b.ToString();
    }

    /// <summary>A word a user types for a number: digits and the separators people write them with, at least one digit.</summary>
    public static bool LooksLikeNumber(string word)
        => word.Any(char.IsAsciiDigit) && word.All(c => char.IsAsciiDigit(c) || c is '+' or '.' or '-' or '(' or ')' or '/');

    // U+00C0..U+00FF and U+0100..U+017F, one group per letter, in code point order (the runtime runs with invariant
    // globalisation, whose string.Normalize does not decompose).
    private static readonly (string Fold, int Count)[] Latin1 =
    [
        ("a", 6), ("ae", 1), ("c", 1), ("e", 4), ("i", 4), ("d", 1), ("n", 1), ("o", 5), ("\u00D7", 1), ("o", 1), ("u", 4), ("y", 1), ("th", 1), ("ss", 1),
        ("a", 6), ("ae", 1), ("c", 1), ("e", 4), ("i", 4), ("d", 1), ("n", 1), ("o", 5), ("\u00F7", 1), ("o", 1), ("u", 4), ("y", 1), ("th", 1), ("y", 1),
    ];

    private static readonly (string Fold, int Count)[] ExtendedA =
    [
        ("a", 6), ("c", 8), ("d", 4), ("e", 10), ("g", 8), ("h", 4), ("i", 10), ("ij", 2), ("j", 2), ("k", 3), ("l", 10), ("n", 9), ("o", 6),
        ("oe", 2), ("r", 6), ("s", 8), ("t", 6), ("u", 12), ("w", 2), ("y", 3), ("z", 6), ("s", 1),
    ];

    // Declared after the two tables it reads (static fields initialise in order).
    private static readonly string[] Folds = BuildFolds();

    private static string[] BuildFolds()
    {
        var folds = new string[0x180];
        for (var c = 0; c < 0xC0; c++) folds[c] = char.ToLowerInvariant((char)c).ToString();
        var at = 0xC0;
        foreach (var (fold, count) in Latin1.Concat(ExtendedA))
            for (var k = 0; k < count; k++) folds[at++] = fold;
        return folds;
    }
}
