using System.Globalization;
using Akka.Configuration;

namespace Xuc.Host.Settings;

/// <summary>
/// Reads typed values from a HOCON section and refuses anything out of range with a <see cref="SettingError"/>
/// naming the environment variable that overrides it, instead of coercing or failing later deep in start-up.
/// </summary>
public sealed class SettingsReader(Config section, string prefix)
{
    private string Raw(string path) => section.HasPath(path) ? section.GetString(path) ?? "" : "";

    private SettingError Error(string path, string env, string expected, string? shown = null)
        => new(env, prefix + path, shown ?? Raw(path), expected);

    /// <summary>A TCP port; 0 means "any free port" where <paramref name="allowAny"/>.</summary>
    public int Port(string path, string env, int fallback, bool allowAny = true)
    {
        if (!section.HasPath(path)) return fallback;
        var min = allowAny ? 0 : 1;
        if (!int.TryParse(Raw(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < min || port > 65535)
            throw Error(path, env, $"a port number from {min} to 65535 is expected");
        return port;
    }

    /// <summary>A HOCON duration (<c>5s</c>, <c>500ms</c>, <c>2m</c>) above zero.</summary>
    public TimeSpan Duration(string path, string env, TimeSpan fallback, bool allowZero = false)
    {
        if (!section.HasPath(path)) return fallback;
        TimeSpan value;
        try { value = section.GetTimeSpan(path, fallback, allowInfinite: false); }
        catch (Exception e) when (e is FormatException or ConfigurationException or OverflowException or ArgumentException)
        {
            throw Error(path, env, "a duration such as 5s, 500ms or 2m is expected");
        }
        if (value < TimeSpan.Zero || value == TimeSpan.Zero && !allowZero)
            throw Error(path, env, allowZero ? "a duration of zero or more is expected" : "a duration above zero is expected");
        return value;
    }

    public bool Flag(string path, string env, bool fallback)
    {
        if (!section.HasPath(path)) return fallback;
        return Raw(path).Trim().ToLowerInvariant() switch
        {
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            _ => throw Error(path, env, "on or off is expected"),
        };
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), returned in lower case.</summary>
    public string OneOf(string path, string env, string fallback, params string[] allowed)
    {
        var value = section.HasPath(path) ? Raw(path).Trim().ToLowerInvariant() : fallback;
        if (!allowed.Contains(value)) throw Error(path, env, string.Join(" or ", allowed) + " is expected");
        return value;
    }

    public string Text(string path, string fallback) => section.HasPath(path) ? section.GetString(path) ?? fallback : fallback;

    public string NonEmpty(string path, string env, string fallback)
    {
        var value = Text(path, fallback);
        if (string.IsNullOrWhiteSpace(value)) throw Error(path, env, "a value is required", "\"\"");
        return value;
    }
}
