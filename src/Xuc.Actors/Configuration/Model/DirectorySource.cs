namespace Xuc.Actors.Configuration.Model;

/// <summary>
/// One place <c>directoryLookUp</c> searches (docs/directory.md): its <see cref="Type"/> (<c>users</c>, <c>contacts</c>,
/// <c>personal</c>, <c>csv</c>, <c>ldap</c>), the order its entries come in, how long it may take, the fields it is
/// searched on and, for a CSV file or an LDAP server, which column or attribute holds each field.
/// </summary>
public sealed record DirectorySource
{
    /// <summary>The key, and the <c>source</c> of its entries (a favourite names it).</summary>
    public string Name { get; init; } = "";
    public string Type { get; init; } = "";
    /// <summary>Sources are merged in this order (then by name): the first with a number keeps it.</summary>
    public int Position { get; init; }
    /// <summary>How long a search waits for this source before answering without it.</summary>
    public int TimeoutMs { get; init; } = DefaultTimeoutMs;
    /// <summary>Among <see cref="DirectoryFields.All"/>; null or empty: firstName, lastName, number, mobile, company.</summary>
    public IReadOnlyList<string>? SearchedFields { get; init; }
    /// <summary>A field of <see cref="DirectoryFields.All"/> (and <c>id</c>) → the CSV column or LDAP attribute holding it; null: the defaults of its type.</summary>
    public IReadOnlyDictionary<string, string>? Mapping { get; init; }
    /// <summary>csv: the file (re-read when it changes).</summary>
    public string? Path { get; init; }
    /// <summary>ldap: <c>ldap://host:port</c>.</summary>
    public string? Url { get; init; }
    public string? BaseDn { get; init; }
    public string? BindDn { get; init; }
    public string? BindPassword { get; init; }
    /// <summary>ldap: a filter every entry must also match, e.g. <c>(objectClass=inetOrgPerson)</c>.</summary>
    public string? Filter { get; init; }

    public const int DefaultTimeoutMs = 1000;
}

/// <summary>The names of a directory entry's fields, as a source's searched fields and mapping name them.</summary>
public static class DirectoryFields
{
    public const string Id = "id";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Number = "number";
    public const string Mobile = "mobile";
    public const string Company = "company";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [FirstName, LastName, Number, Mobile, Company, Email];
    public static readonly IReadOnlyList<string> SearchedByDefault = [FirstName, LastName, Number, Mobile, Company];

    public static readonly IReadOnlyList<string> Types = ["users", "contacts", "personal", "csv", "ldap"];
}
