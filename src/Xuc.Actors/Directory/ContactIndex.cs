namespace Xuc.Actors.Directory;

/// <summary>
/// The entries of one in-memory source, searchable fast (docs/directory.md, "Matching"): sorted by name, each with its
/// searched text, and an index from every three-character sequence (trigram) of those texts to the entries holding it.
/// A search looks up the trigrams of its longest word, walks the shortest list and checks each entry against every
/// word; a word shorter than three characters walks all entries. Either way it stops at the wanted count, so the
/// first entries in name order are the ones returned. Immutable: a change of the source builds a new one.
/// </summary>
public sealed class ContactIndex
{
    private readonly DirectoryEntry[] _entries;
    private readonly string[] _texts;
    private readonly Dictionary<ulong, int[]> _trigrams;
    private readonly Dictionary<string, int> _byId;
    private readonly Dictionary<string, int> _byNumber;

    public ContactIndex(IEnumerable<DirectoryEntry> entries, IReadOnlyList<string> searchedFields)
    {
        _entries = entries.OrderBy(e => e, DirectoryEntry.ByName).ToArray();
        _texts = new string[_entries.Length];
        _byId = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
        _byNumber = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
        var postings = new Dictionary<ulong, List<int>>();
        var seen = new HashSet<ulong>();
        for (var i = 0; i < _entries.Length; i++)
        {
            var e = _entries[i];
            var text = _texts[i] = e.SearchedText(searchedFields);
            _byId.TryAdd(e.Id, i);
            if (SearchText.Digits(e.Number) is { Length: > 0 } n) _byNumber.TryAdd(n, i);
            if (SearchText.Digits(e.Mobile) is { Length: > 0 } m) _byNumber.TryAdd(m, i);
            seen.Clear();
            for (var k = 0; k + 3 <= text.Length; k++)
            {
                var gram = Trigram(text, k);
                if (!seen.Add(gram)) continue;
                if (!postings.TryGetValue(gram, out var list)) postings[gram] = list = [];
                list.Add(i);
            }
        }
        _trigrams = postings.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public int Count => _entries.Length;

    public IReadOnlyList<DirectoryEntry> Search(SearchTerms terms, int max)
    {
        var found = new List<DirectoryEntry>(Math.Min(max, 64));
        if (max <= 0) return found;
        var longest = terms.Words.MaxBy(w => w.Length)!;
        if (longest.Length < 3)
        {
            for (var i = 0; i < _texts.Length && found.Count < max; i++)
                if (terms.Match(_texts[i])) found.Add(_entries[i]);
            return found;
        }
        int[]? shortest = null;
        for (var k = 0; k + 3 <= longest.Length; k++)
        {
            if (!_trigrams.TryGetValue(Trigram(longest, k), out var list)) return found;
            if (shortest is null || list.Length < shortest.Length) shortest = list;
        }
        foreach (var i in shortest!)
        {
            if (!terms.Match(_texts[i])) continue;
            found.Add(_entries[i]);
            if (found.Count >= max) break;
        }
        return found;
    }

    public DirectoryEntry? Find(string id) => _byId.TryGetValue(id, out var i) ? _entries[i] : null;

    /// <summary>The first entry (in name order) whose number or mobile has these digits.</summary>
    public DirectoryEntry? FindByNumber(string digits) => _byNumber.TryGetValue(digits, out var i) ? _entries[i] : null;

    private static ulong Trigram(string s, int at) => ((ulong)s[at] << 32) | ((ulong)s[at + 1] << 16) | s[at + 2];
}
