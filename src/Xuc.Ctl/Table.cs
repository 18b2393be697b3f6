using System.Text;

namespace Xuc.Ctl;

/// <summary>Rows under their headers, each column as wide as its widest cell, two spaces apart.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Add(params object?[] cells)
    {
        _rows.Add([.. cells.Select(c => c switch { null => "-", bool b => b ? "yes" : "no", _ => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "-" })]);
        return this;
    }

    public int Count => _rows.Count;

    public override string ToString()
    {
        var all = new List<string[]> { headers };
        all.AddRange(_rows);
        var widths = headers.Select((_, i) => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString();
    }
}
