using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Directory;

/// <summary>
/// Personal contacts as CSV (docs/directory.md, "Personal contacts"): a header naming the columns (<c>firstname</c>,
/// <c>lastname</c>, <c>number</c>, <c>mobile</c>, <c>email</c>, <c>company</c>, any order, any case; others ignored),
/// <c>,</c> or <c>;</c> separated. An import is refused whole when a row is wrong, each problem naming its line.
/// </summary>
public static class PersonalContactsCsv
{
    public static readonly IReadOnlyList<string> Columns = ["firstname", "lastname", "number", "mobile", "email", "company"];

    public static string Write(IEnumerable<PersonalContact> contacts)
    {
        var b = new System.Text.StringBuilder(string.Join(',', Columns)).Append("\r\n");
        foreach (var c in contacts)
            b.Append(string.Join(',', new[] { c.FirstName, c.LastName, c.Number, c.Mobile, c.Email, c.Company }.Select(v => Csv.Cell(v)))).Append("\r\n");
        return b.ToString();
    }

    /// <returns>The contacts (tidied), or the problems by line number (then none is imported).</returns>
    public static (IReadOnlyList<PersonalContact> Contacts, IReadOnlyList<string> Problems) Read(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0])) return ([], ["line 1: the header (firstname,lastname,number,mobile,email,company) is missing"]);
        var separator = lines[0].Count(c => c == ';') > lines[0].Count(c => c == ',') ? ';' : ',';
        var header = Csv.Split(lines[0], separator).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var at = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        if (at["firstname"] < 0 && at["lastname"] < 0)
            return ([], [$"line 1: the header names neither firstname nor lastname (it has {string.Join(", ", header)})"]);
        var contacts = new List<PersonalContact>();
        var problems = new List<string>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n])) continue;
            var cells = Csv.Split(lines[n], separator);
            string? Cell(string column) => at[column] is var i && i >= 0 && i < cells.Count ? cells[i] : null;
            var contact = new PersonalContact
            {
                FirstName = Cell("firstname") ?? "", LastName = Cell("lastname") ?? "", Number = Cell("number") ?? "",
                Mobile = Cell("mobile"), Email = Cell("email"), Company = Cell("company"),
            }.Tidied();
            var wrong = contact.Problems();
            if (wrong.Count > 0) problems.AddRange(wrong.Select(p => $"line {n + 1}: {p}"));
            else contacts.Add(contact);
        }
        return problems.Count > 0 ? ([], problems) : (contacts, []);
    }
}
