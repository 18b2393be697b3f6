namespace Xuc.Actors.Configuration.Model;

/// <summary>A contact a user keeps for himself (xuc's personal contacts), searched with the directory by him only.</summary>
public sealed record PersonalContact
{
    public long Id { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string Number { get; init; } = "";
    public string? Mobile { get; init; }
    public string? Email { get; init; }
    public string? Company { get; init; }

    /// <summary>The contact with its numbers written without the separators people type (spaces, dots, dashes, brackets).</summary>
    public PersonalContact Tidied() => this with
    {
        FirstName = FirstName.Trim(), LastName = LastName.Trim(), Number = Plain(Number) ?? "", Mobile = Plain(Mobile),
        Email = Email?.Trim() is { Length: > 0 } e ? e : null, Company = Company?.Trim() is { Length: > 0 } c ? c : null,
    };

    private static string? Plain(string? number)
        => number is null ? null : new string(number.Where(c => c is not (' ' or '.' or '-' or '(' or ')')).ToArray()) is { Length: > 0 } n ? n : null;

    /// <summary>What is wrong with it (it must be <see cref="Tidied"/> first), in words naming the field; empty when nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FirstName.Length == 0 && LastName.Length == 0) problems.Add("firstName or lastName is required");
        if (Number.Length == 0 && Mobile is null) problems.Add("number or mobile is required");
        if (Number.Length > 0 && !Dialable(Number)) problems.Add($"number '{Number}' is not a dialable number");
        if (Mobile is { } m && !Dialable(m)) problems.Add($"mobile '{m}' is not a dialable number");
        if (FirstName.Length > 100 || LastName.Length > 100 || (Company?.Length ?? 0) > 200 || (Email?.Length ?? 0) > 200)
            problems.Add("a name is longer than 100 characters, or the company or email longer than 200");
        return problems;
    }

    private static bool Dialable(string n) => n.Length is > 0 and <= 32 && n.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or '+');
}
