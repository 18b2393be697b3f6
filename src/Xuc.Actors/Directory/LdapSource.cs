using System.DirectoryServices.Protocols;
using System.Net;
using System.Text;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Directory;

/// <summary>
/// An LDAP server (docs/directory.md, "LDAP"), through System.DirectoryServices.Protocols (OpenLDAP's libldap): one
/// connection per request, bound with the source's <c>bindDn</c> (anonymous without one), a subtree search under
/// <c>baseDn</c>. Each word of the search must be held by one of the searched attributes: as a substring (as folded and
/// as typed) or, for accented entries, as a whole word by LDAP's approximate match (<c>~=</c> folds accents); what the
/// server returns is then checked with the same accent-insensitive rule as every other source.
/// </summary>
public sealed class LdapSource(DirectorySource config) : IDirectorySource
{
    private static readonly Dictionary<string, string> Defaults = new()
    {
        [DirectoryFields.FirstName] = "givenName", [DirectoryFields.LastName] = "sn", [DirectoryFields.Number] = "telephoneNumber",
        [DirectoryFields.Mobile] = "mobile", [DirectoryFields.Company] = "o", [DirectoryFields.Email] = "mail",
    };

    private readonly IReadOnlyList<string> _fields = config.SearchedFields is { Count: > 0 } f ? f : DirectoryFields.SearchedByDefault;

    public string Name => config.Name;
    public TimeSpan Timeout => TimeSpan.FromMilliseconds(config.TimeoutMs);

    /// <summary>The attribute holding a field; <c>id</c> has none by default (the entry's DN is its id).</summary>
    private string? Attribute(string field) => config.Mapping?.GetValueOrDefault(field) ?? Defaults.GetValueOrDefault(field);

    public Task<IReadOnlyList<DirectoryEntry>> SearchAsync(SearchTerms terms, int max, int userId, CancellationToken cancel)
        => Task.Run(() =>
        {
            var words = terms.Words.Select((w, i) => Or(_fields, f => Matches(Attribute(f), w, terms.Typed[i]))).ToList();
            var found = Query(And([.. words]), max * 4, cancel);
            IReadOnlyList<DirectoryEntry> kept = found.Where(e => terms.Match(e.SearchedText(_fields))).Order(DirectoryEntry.ByName).Take(max).ToList();
            return kept;
        }, cancel);

    public Task<DirectoryEntry?> FindAsync(string id, int userId, CancellationToken cancel)
        => Task.Run(() => Attribute(DirectoryFields.Id) is { } idAttribute
            ? Query($"({idAttribute}={Escape(id)})", 1, cancel).FirstOrDefault()
            : Read(id, cancel), cancel);

    public Task<DirectoryEntry?> FindByNumberAsync(string digits, CancellationToken cancel)
        => Task.Run(() => Query(Or([DirectoryFields.Number, DirectoryFields.Mobile], f => Attribute(f) is { } a ? $"({a}={Escape(digits)})" : null), 1, cancel).FirstOrDefault(), cancel);

    private static string? Matches(string? attribute, string word, string typed)
    {
        if (attribute is null) return null;
        var parts = new List<string> { $"({attribute}=*{Escape(word)}*)", $"({attribute}~={Escape(word)})" };
        if (typed != word) parts.Add($"({attribute}=*{Escape(typed)}*)");
        return "(|" + string.Concat(parts) + ")";
    }

    private static string Or(IEnumerable<string> fields, Func<string, string?> filter)
        => "(|" + string.Concat(fields.Select(filter).Where(f => f is not null)) + ")";

    private static string And(params string[] filters) => filters.Length == 1 ? filters[0] : "(&" + string.Concat(filters) + ")";

    private List<DirectoryEntry> Query(string filter, int sizeLimit, CancellationToken cancel)
    {
        if (!string.IsNullOrWhiteSpace(config.Filter)) filter = $"(&{Wrapped(config.Filter)}{filter})";
        var request = new SearchRequest(config.BaseDn, filter, SearchScope.Subtree, Attributes()) { SizeLimit = sizeLimit, TimeLimit = Timeout };
        return Send(request, cancel);
    }

    private DirectoryEntry? Read(string dn, CancellationToken cancel)
    {
        var filter = string.IsNullOrWhiteSpace(config.Filter) ? "(objectClass=*)" : Wrapped(config.Filter);
        try { return Send(new SearchRequest(dn, filter, SearchScope.Base, Attributes()) { SizeLimit = 1 }, cancel).FirstOrDefault(); }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode is ResultCode.NoSuchObject or ResultCode.InvalidDNSyntax) { return null; }
    }

    private List<DirectoryEntry> Send(SearchRequest request, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var url = new Uri(config.Url!);
        using var connection = new LdapConnection(new LdapDirectoryIdentifier(url.Host, url.IsDefaultPort || url.Port <= 0 ? (url.Scheme == "ldaps" ? 636 : 389) : url.Port));
        connection.SessionOptions.ProtocolVersion = 3;
        if (url.Scheme == "ldaps") connection.SessionOptions.SecureSocketLayer = true;
        connection.Timeout = Timeout;
        connection.AuthType = string.IsNullOrEmpty(config.BindDn) ? AuthType.Anonymous : AuthType.Basic;
        if (string.IsNullOrEmpty(config.BindDn)) connection.Bind();
        else connection.Bind(new NetworkCredential(config.BindDn, config.BindPassword ?? ""));
        SearchResponse response;
        try { response = (SearchResponse)connection.SendRequest(request, Timeout); }
        catch (DirectoryOperationException e) when (e.Response is SearchResponse { ResultCode: ResultCode.SizeLimitExceeded } partial) { response = partial; }
        var entries = new List<DirectoryEntry>(response.Entries.Count);
        foreach (SearchResultEntry e in response.Entries) entries.Add(ToEntry(e));
        return entries;
    }

    private string[] Attributes() => [.. new[] { DirectoryFields.Id }.Concat(DirectoryFields.All).Select(Attribute).OfType<string>().Distinct()];

    private DirectoryEntry ToEntry(SearchResultEntry e)
    {
        string Value(string field)
        {
            if (Attribute(field) is not { } name || e.Attributes[name] is not { Count: > 0 } values) return "";
            return values[0] switch { string s => s, byte[] b => Encoding.UTF8.GetString(b), var o => o?.ToString() ?? "" };
        }
        var id = Attribute(DirectoryFields.Id) is not null && Value(DirectoryFields.Id) is { Length: > 0 } given ? given : e.DistinguishedName;
        return new DirectoryEntry(Name, id, Value(DirectoryFields.FirstName), Value(DirectoryFields.LastName), Value(DirectoryFields.Number),
            Value(DirectoryFields.Mobile), Value(DirectoryFields.Company), Value(DirectoryFields.Email));
    }

    private static string Wrapped(string filter) => filter.TrimStart().StartsWith('(') ? filter.Trim() : $"({filter.Trim()})";

    /// <summary>RFC 4515's escapes for a value in a filter.</summary>
    public static string Escape(string value)
    {
        var b = new StringBuilder(value.Length);
        foreach (var c in value)
            b.Append(c switch { '*' => @"\2a", '(' => @"\28", ')' => @"\29", '\\' => @"\5c", '\0' => @"\00", _ => c.ToString() });
        return b.ToString();
    }
}
