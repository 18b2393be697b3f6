using System.Text;

namespace Xuc.Bench.Report;

/// <summary>A plain Markdown table, printed as the benchmark's result (and pasted in the README as is).</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells) => sb.Append("| ").Append(string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i])))).Append(" |\n");
        Line(headers);
        sb.Append('|').Append(string.Join('|', widths.Select(w => new string('-', w + 2)))).Append("|\n");
        foreach (var r in _rows) Line(r);
        return sb.ToString();
    }
}
