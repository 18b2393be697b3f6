using System.Globalization;
using System.Text;

namespace Xuc.Actors.Callbacks;

/// <summary>
/// CSV of callback requests (docs/callbacks.md, "CSV import"): a header naming the columns (any order, any case:
/// phoneNumber, mobilePhoneNumber, firstName, lastName, company, description, dueDate, period), then one request a
/// row. The separator is the header's: <c>|</c>, <c>;</c>, a tab or <c>,</c>. Fields may be quoted ("" inside for a
/// quote, line breaks allowed). <c>period</c> is a preferred period's name or uuid (empty: the default period);
/// an empty <c>dueDate</c> is today. Any bad row refuses the whole file, each named by its line number.
/// </summary>
public static class CallbackCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["phoneNumber", "mobilePhoneNumber", "firstName", "lastName", "company", "description", "dueDate", "period"];

    /// <summary>One data row: its first line in the file and its fields by column.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields);

    /// <summary>The requests of a file, checked against the periods; throws <see cref="CallbackValidationException"/> naming every bad line.</summary>
    public static IReadOnlyList<CallbackRequest> Read(TextReader text, IReadOnlyList<PreferredPeriod> periods, string today)
    {
        var errors = new List<string>();
        var rows = Rows(text, errors);
        var known = periods.Select(p => p.Uuid).ToHashSet();
        var requests = new List<CallbackRequest>(rows.Count);
        foreach (var row in rows)
        {
            string? Field(string name) => row.Fields.TryGetValue(name, out var v) && v.Trim() is { Length: > 0 } t ? t : null;
            var periodText = Field("period");
            var period = periodText is null ? null
                : periods.FirstOrDefault(p => p.Uuid == periodText) ?? periods.FirstOrDefault(p => string.Equals(p.Name, periodText, StringComparison.OrdinalIgnoreCase));
            var request = new CallbackRequest
            {
                PhoneNumber = CallbackRules.CleanNumber(Field("phoneNumber")), MobilePhoneNumber = CallbackRules.CleanNumber(Field("mobilePhoneNumber")),
                FirstName = Field("firstName"), LastName = Field("lastName"), Company = Field("company"), Description = Field("description"),
                DueDate = Field("dueDate") ?? today, PeriodUuid = period?.Uuid ?? periods.FirstOrDefault(p => p.Default)?.Uuid,
            };
            var wrong = CallbackRules.RequestErrors(request, known).ToList();
            if (periodText is not null && period is null) wrong.Add($"no preferred period named '{CallbackRules.Cut(periodText)}'");
            errors.AddRange(wrong.Select(e => $"line {row.Line}: {e}"));
            requests.Add(request);
        }
        if (errors.Count == 0 && requests.Count == 0) errors.Add("the file has no request (a header line, then one request a line)");
        if (errors.Count > 0) throw new CallbackValidationException(errors);
        return requests;
    }

    /// <summary>The data rows; a header or a row of the wrong shape adds an error.</summary>
    public static IReadOnlyList<Row> Rows(TextReader text, List<string> errors)
    {
        var records = Records(text).ToList();
        var rows = new List<Row>();
        if (records.Count == 0) return rows;
        var (headerLine, header, separator) = records[0];
        var names = new List<string>();
        foreach (var field in Split(header, separator))
        {
            var name = Columns.FirstOrDefault(c => string.Equals(c, field.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null) errors.Add($"line {headerLine}: unknown column '{CallbackRules.Cut(field.Trim())}'; the columns are {string.Join(", ", Columns)}");
            else if (names.Contains(name)) errors.Add($"line {headerLine}: column {name} twice");
            names.Add(name ?? "");
        }
        if (errors.Count > 0) return rows;
        foreach (var (line, record, _) in records.Skip(1))
        {
            var fields = Split(record, separator);
            if (fields.Count != names.Count)
            {
                errors.Add($"line {line}: {fields.Count} fields where the header has {names.Count}");
                continue;
            }
            rows.Add(new Row(line, names.Zip(fields).ToDictionary(p => p.Item1, p => p.Item2)));
        }
        return rows;
    }

    /// <summary>Logical records (a quoted field may span lines) with their first line number; blank lines skipped. The separator is the first record's.</summary>
    private static IEnumerable<(int Line, string Text, char Separator)> Records(TextReader text)
    {
        var lineNo = 0;
        char separator = ',';
        var first = true;
        while (text.ReadLine() is { } line)
        {
            lineNo++;
            var start = lineNo;
            var record = new StringBuilder(line);
            while (Quotes(record) % 2 == 1 && text.ReadLine() is { } more)
            {
                lineNo++;
                record.Append('\n').Append(more);
            }
            var whole = record.ToString();
            if (whole.Trim().Length == 0) continue;
            if (first)
            {
                separator = whole.Contains('|') ? '|' : whole.Contains(';') ? ';' : whole.Contains('\t') ? '\t' : ',';
                first = false;
            }
            yield return (start, whole, separator);
        }
    }

    private static int Quotes(StringBuilder s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++) if (s[i] == '"') n++;
        return n;
    }

    private static List<string> Split(string record, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Tickets as CSV (comma-separated, RFC 4180 quoting, times ISO 8601 UTC).</summary>
    public static string WriteTickets(IEnumerable<CallbackTicket> tickets)
    {
        var csv = new StringBuilder("uuid,requestUuid,listUuid,agentId,phoneNumber,start,lastUpdate,status,comment\r\n");
        foreach (var t in tickets)
        {
            string[] cells =
            [
                t.Uuid, t.RequestUuid, t.ListUuid, t.AgentId.ToString(CultureInfo.InvariantCulture), t.PhoneNumber,
                t.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                t.LastUpdate.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), t.Status, t.Comment,
            ];
            csv.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
