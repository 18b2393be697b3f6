using System.Text;

namespace Xuc.Actors.Configuration;

/// <summary>
/// A sheet field's value template (<see cref="Model.SheetField"/>): text with <c>{placeholders}</c> filled from the
/// call; <c>{{</c> and <c>}}</c> stand for literal braces. Checked when the configuration is written.
/// </summary>
public static class SheetTemplate
{
    public static readonly IReadOnlySet<string> Types = new SortedSet<string>(StringComparer.Ordinal) { "phone", "text", "title", "url" };

    /// <summary>The call's own fields a template may name; attached data is named by its key (USR_…, XIVO_…).</summary>
    public static readonly IReadOnlySet<string> CallFields = new SortedSet<string>(StringComparer.Ordinal)
        { "DN", "callDirection", "linkedId", "otherDN", "otherDName", "queueName", "uniqueId" };

    private static bool Known(string name)
        => CallFields.Contains(name) || (name.Length > 4 && (name.StartsWith("USR_", StringComparison.Ordinal) || name.StartsWith("XIVO_", StringComparison.Ordinal)));

    /// <returns>null when the template is well formed, else what is wrong with it.</returns>
    public static string? Problem(string template)
    {
        string? problem = null;
        Walk(template, _ => { }, name =>
        {
            if (problem is null && !Known(name))
                problem = $"names {{{name}}}, which is none of {string.Join(", ", CallFields.Select(f => "{" + f + "}"))}, {{USR_…}}, {{XIVO_…}}";
        }, error => problem ??= error);
        return problem;
    }

    /// <summary>The template with each placeholder replaced by <paramref name="lookup"/>'s value (empty when it has none).</summary>
    public static string Fill(string template, Func<string, string?> lookup)
    {
        var sb = new StringBuilder(template.Length + 32);
        Walk(template, text => sb.Append(text), name => sb.Append(lookup(name) ?? ""), _ => { });
        return sb.ToString();
    }

    private static void Walk(string template, Action<string> text, Action<string> placeholder, Action<string> error)
    {
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{') { text("{"); i += 2; continue; }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}') { text("}"); i += 2; continue; }
            if (c == '}') { error($"has a '}}' at {i} that closes nothing (write '}}}}' for a brace)"); text("}"); i++; continue; }
            if (c != '{') { text(c.ToString()); i++; continue; }
            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                error($"has a '{{' at {i} that is never closed (write '{{{{' for a brace)");
                text(template[i..]);
                return;
            }
            placeholder(template[(i + 1)..end]);
            i = end + 1;
        }
    }
}
