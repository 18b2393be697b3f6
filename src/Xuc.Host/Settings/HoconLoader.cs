using Akka.Configuration;

namespace Xuc.Host.Settings;

/// <summary>
/// Reads the HOCON files shipped under hocon/ (xuc.conf, akka.conf, persistence.conf),
/// then applies XUC_* environment variables, then explicit overrides (tests use those).
/// </summary>
public static class HoconLoader
{
    public static readonly string[] Files = ["xuc.conf", "akka.conf", "persistence.conf"];

    public static Config Load(string? overrides = null, Func<string, string?>? environment = null)
    {
        var dir = FindHoconDirectory();
        var text = string.Join("\n", Files.Select(f => File.ReadAllText(Path.Combine(dir, f))));
        var fromEnvironment = EnvironmentOverrides.From(text, environment ?? Environment.GetEnvironmentVariable);
        var layered = text + "\n" + fromEnvironment + "\n" + (overrides ?? "");
        return ConfigurationFactory.ParseString(layered);
    }

    private static string FindHoconDirectory()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("XUC_HOCON_DIR"),
            Path.Combine(AppContext.BaseDirectory, "hocon"),
            Path.Combine(Directory.GetCurrentDirectory(), "hocon"),
        };
        foreach (var c in candidates)
            if (!string.IsNullOrEmpty(c) && File.Exists(Path.Combine(c, "xuc.conf")))
                return c;
        throw new FileNotFoundException("hocon/xuc.conf was not found beside the program nor in the working directory (set XUC_HOCON_DIR)");
    }
}
