using System.Text;
using System.Text.RegularExpressions;

namespace Xuc.Host.Settings;

/// <summary>
/// Every setting in hocon/*.conf that carries a trailing <c># XUC_NAME</c> comment can be overridden by that
/// environment variable. The comments are the single table: this class reads them, tracking the enclosing
/// <c>name {</c> blocks, and turns set variables into a HOCON override.
/// </summary>
public static partial class EnvironmentOverrides
{
    [GeneratedRegex(@"^\s*(?<key>[A-Za-z0-9_.\-]+)\s*=.*#\s*(?<env>XUC_[A-Z0-9_]+)\s*$")]
    private static partial Regex SettingLine();

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z0-9_.\-]+)\s*\{\s*(#.*)?$")]
    private static partial Regex BlockOpen();

    /// <summary>(environment variable, HOCON path) pairs declared in the given HOCON text.</summary>
    public static IReadOnlyList<(string Env, string Path)> Declared(string hoconText)
    {
        var result = new List<(string, string)>();
        var stack = new Stack<string>();
        foreach (var raw in hoconText.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (BlockOpen().Match(line) is { Success: true } open) { stack.Push(open.Groups["key"].Value); continue; }
            if (line.Trim().StartsWith('}')) { if (stack.Count > 0) stack.Pop(); continue; }
            if (SettingLine().Match(line) is { Success: true } setting)
            {
                var prefix = string.Join('.', stack.Reverse());
                var key = setting.Groups["key"].Value;
                result.Add((setting.Groups["env"].Value, prefix.Length == 0 ? key : prefix + "." + key));
            }
        }
        return result;
    }

    /// <summary>A HOCON text setting each declared path whose variable is set in <paramref name="environment"/>.</summary>
    public static string From(string hoconText, Func<string, string?> environment)
    {
        var sb = new StringBuilder();
        foreach (var (env, path) in Declared(hoconText))
        {
            var value = environment(env);
            if (value is null) continue;
            sb.Append(path).Append(" = \"").Append(value.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"\n");
        }
        return sb.ToString();
    }
}
