using System.Globalization;
using System.Text.RegularExpressions;

namespace Xuc.Actors.Callbacks;

/// <summary>What a callback list, period and request must be; each rule answers what is wrong, or null.</summary>
public static partial class CallbackRules
{
    public const int MaxText = 200;
    public const int MaxDescription = 1000;

    [GeneratedRegex(@"^\+?[0-9*#]{1,39}$")]
    private static partial Regex Number();

    /// <summary>
    /// Spaces, dots, dashes and brackets are dropped (<c>01 23 45-67</c> is <c>01234567</c>); null or empty stays null;
    /// what is no number even then is kept as given (for <see cref="NumberError"/> to quote).
    /// </summary>
    public static string? CleanNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var kept = new string(number.Where(c => c is not (' ' or '.' or '-' or '(' or ')')).ToArray());
        return Number().IsMatch(kept) ? kept : number.Trim();
    }

    public static string? NumberError(string field, string? number) =>
        number is null || Number().IsMatch(number) ? null : $"{field} '{Cut(number)}' is not a phone number (digits, *, #, an optional leading +)";

    public static bool IsDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsTime(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static string? ListError(CallbackList list, IReadOnlySet<int> queueIds)
    {
        if (string.IsNullOrWhiteSpace(list.Name)) return "a callback list needs a name";
        if (list.Name.Length > MaxText) return $"name is longer than {MaxText} characters";
        return queueIds.Contains(list.QueueId) ? null : $"queueId {list.QueueId} is no configured queue";
    }

    public static string? PeriodError(PreferredPeriod p)
    {
        if (string.IsNullOrWhiteSpace(p.Name)) return "a preferred period needs a name";
        if (p.Name.Length > MaxText) return $"name is longer than {MaxText} characters";
        if (!IsTime(p.PeriodStart)) return $"periodStart '{Cut(p.PeriodStart)}' is not a time HH:mm:ss";
        if (!IsTime(p.PeriodEnd)) return $"periodEnd '{Cut(p.PeriodEnd)}' is not a time HH:mm:ss";
        return string.CompareOrdinal(p.PeriodStart, p.PeriodEnd) < 0 ? null : $"periodStart {p.PeriodStart} is not before periodEnd {p.PeriodEnd}";
    }

    /// <summary>The request's errors (a number to call, a due date, a known period, field lengths).</summary>
    public static IEnumerable<string> RequestErrors(CallbackRequest r, IReadOnlySet<string> periodUuids)
    {
        if (r.PhoneNumber is null && r.MobilePhoneNumber is null) yield return "phoneNumber or mobilePhoneNumber is needed";
        if (NumberError("phoneNumber", r.PhoneNumber) is { } phone) yield return phone;
        if (NumberError("mobilePhoneNumber", r.MobilePhoneNumber) is { } mobile) yield return mobile;
        if (!IsDate(r.DueDate)) yield return $"dueDate '{Cut(r.DueDate)}' is not a date YYYY-MM-DD";
        if (r.PeriodUuid is { } period && !periodUuids.Contains(period)) yield return $"no preferred period '{Cut(period)}'";
        foreach (var (name, value) in new[] { ("firstName", r.FirstName), ("lastName", r.LastName), ("company", r.Company) })
            if (value is { Length: > MaxText }) yield return $"{name} is longer than {MaxText} characters";
        if (r.Description is { Length: > MaxDescription }) yield return $"description is longer than {MaxDescription} characters";
    }

    public static string Cut(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..60] + "…";
}
