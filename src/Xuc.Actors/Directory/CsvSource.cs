using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Directory;

/// <summary>
/// A CSV file (docs/directory.md, "CSV"): a header line naming the columns (<c>,</c> or <c>;</c> separated, quotes as in
/// RFC 4180), one entry a line. Re-read when its modification time or size changes, checked at each search; while it
/// cannot be read (missing, locked) the last good copy answers and the error is kept for the answer.
/// </summary>
public sealed class CsvSource(DirectorySource config) : IDirectorySource
{
    private readonly object _gate = new();
    private (DateTime Modified, long Length, ContactIndex Index)? _loaded;

    public string Name => config.Name;
    public TimeSpan Timeout => TimeSpan.FromMilliseconds(config.TimeoutMs);
    public string Path => config.Path!;

    public Task<IReadOnlyList<DirectoryEntry>> SearchAsync(SearchTerms terms, int max, int userId, CancellationToken cancel)
        => Task.FromResult(Current().Search(terms, max));

    public Task<DirectoryEntry?> FindAsync(string id, int userId, CancellationToken cancel) => Task.FromResult(Current().Find(id));

    public Task<DirectoryEntry?> FindByNumberAsync(string digits, CancellationToken cancel) => Task.FromResult(Current().FindByNumber(digits));

    private ContactIndex Current()
    {
        var info = new FileInfo(Path);
        if (!info.Exists) return _loaded?.Index ?? throw new FileNotFoundException($"{Path} does not exist");
        if (_loaded is { } l && l.Modified == info.LastWriteTimeUtc && l.Length == info.Length) return l.Index;
        lock (_gate)
        {
            if (_loaded is { } again && again.Modified == info.LastWriteTimeUtc && again.Length == info.Length) return again.Index;
            var index = new ContactIndex(Read(File.ReadAllLines(Path)), config.SearchedFields is { Count: > 0 } f ? f : DirectoryFields.SearchedByDefault);
            _loaded = (info.LastWriteTimeUtc, info.Length, index);
            return index;
        }
    }

    private IEnumerable<DirectoryEntry> Read(string[] lines)
    {
        if (lines.Length == 0) yield break;
        var separator = lines[0].Count(c => c == ';') > lines[0].Count(c => c == ',') ? ';' : ',';
        var header = Csv.Split(lines[0], separator).Select(h => h.Trim()).ToList();
        int Column(string field)
        {
            var name = config.Mapping?.GetValueOrDefault(field) ?? field;
            return header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        }
        var columns = new[] { DirectoryFields.Id }.Concat(DirectoryFields.All).ToDictionary(f => f, Column);
        for (var n = 1; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n])) continue;
            var cells = Csv.Split(lines[n], separator);
            string Cell(string field) => columns[field] is var c && c >= 0 && c < cells.Count ? cells[c].Trim() : "";
            var number = Cell(DirectoryFields.Number);
            // Without an id column an entry is known by its number (stable while the file is edited), else its line.
            var id = Cell(DirectoryFields.Id) is { Length: > 0 } given ? given : number.Length > 0 ? number : $"line{n + 1}";
            yield return new DirectoryEntry(Name, id, Cell(DirectoryFields.FirstName), Cell(DirectoryFields.LastName), number,
                Cell(DirectoryFields.Mobile), Cell(DirectoryFields.Company), Cell(DirectoryFields.Email));
        }
    }
}

/// <summary>One CSV line's cells: a cell in double quotes may hold the separator and <c>""</c> for a quote.</summary>
public static class Csv
{
    public static List<string> Split(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>A cell as written: quoted when it holds the separator, a quote or a line break.</summary>
    public static string Cell(string? value, char separator = ',')
    {
        var v = value ?? "";
        return v.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
