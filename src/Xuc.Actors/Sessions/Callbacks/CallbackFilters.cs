using System.Text.RegularExpressions;
using Xuc.Actors.Callbacks;
using Xuc.Actors.Sessions.Commands;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>
/// <c>findCallbackRequest</c>'s filters: <c>[{field, operator, value}]</c>, all of which a request must meet. Fields:
/// the request's (uuid, listUuid, phoneNumber, mobilePhoneNumber, firstName, lastName, company, description, agentId,
/// dueDate, clotured, periodUuid); operators <c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>
/// (text order; dates compare as such), <c>like</c> / <c>ilike</c> (<c>%</c> any run, <c>_</c> one character),
/// <c>is null</c>, <c>is not null</c>. Anything else is refused.
/// </summary>
public sealed record CallbackFilter(string Field, string Operator, string? Value)
{
    public bool Matches(RequestView r)
    {
        var actual = CallbackFilters.Value(r, Field);
        return Operator switch
        {
            "is null" => actual is null,
            "is not null" => actual is not null,
            "=" => actual == Value,
            "!=" => actual != Value,
            "like" or "ilike" => actual is not null && Regex.IsMatch(actual, "^" + Regex.Escape(Value ?? "").Replace("%", ".*").Replace("_", ".") + "$",
                (Operator == "ilike" ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100)),
            _ => actual is not null && Value is not null && Compare(string.CompareOrdinal(actual, Value)),
        };
    }

    private bool Compare(int c) => Operator switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
}

public static class CallbackFilters
{
    public const int MaxLimit = 1000;

    private static readonly string[] Operators = ["=", "!=", "<", "<=", ">", ">=", "like", "ilike", "is null", "is not null"];

    private static readonly Dictionary<string, Func<RequestView, string?>> Fields = new(StringComparer.Ordinal)
    {
        ["uuid"] = r => r.Uuid, ["listUuid"] = r => r.ListUuid, ["phoneNumber"] = r => r.PhoneNumber, ["mobilePhoneNumber"] = r => r.MobilePhoneNumber,
        ["firstName"] = r => r.FirstName, ["lastName"] = r => r.LastName, ["company"] = r => r.Company, ["description"] = r => r.Description,
        ["agentId"] = r => r.AgentId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dueDate"] = r => r.DueDate,
        ["clotured"] = r => r.Clotured ? "true" : "false", ["periodUuid"] = r => r.PreferredPeriod?.Uuid,
    };

    public static string? Value(RequestView r, string field) => Fields[field](r);

    /// <summary>The filters of a <c>findCallbackRequest</c> frame (<c>request.filters</c>), checked when it is decoded.</summary>
    /// <exception cref="CommandArgumentException">a filter that is not one.</exception>
    public static IReadOnlyList<CallbackFilter> Parse(IReadOnlyList<CommandArguments>? filters) =>
        (filters ?? []).Select(f =>
        {
            var field = f.String("field");
            if (!Fields.ContainsKey(field))
                throw new CommandArgumentException($"{f.Command}: no field '{CallbackRules.Cut(field)}' to filter on; the fields are {string.Join(", ", Fields.Keys)}");
            var op = f.String("operator");
            var normal = op.Trim().ToLowerInvariant();
            if (!Operators.Contains(normal))
                throw new CommandArgumentException($"{f.Command}: operator '{CallbackRules.Cut(op)}' is not one of {string.Join(", ", Operators)}");
            return new CallbackFilter(field, normal, f.OptionalText("value"));
        }).ToList();
}
