namespace Xuc.Tests.Browser;

/// <summary>
/// What the JavaScript tests need: node, the npm packages (<c>npm ci</c>: playwright-core), Debian chromium
/// (XUC_CHROMIUM, default /usr/bin/chromium) and the Release build of Xuc.Host they start. <see cref="Missing"/> says
/// why the browser tests cannot run here (null when they can); XUC_REQUIRE_BROWSER=1 (set by build.sh test once it
/// could install them) makes a missing piece fail the tests instead of skipping them.
/// </summary>
public static class BrowserEnvironment
{
    public const string NotTested = "BROWSER NOT TESTED";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Chromium { get; } = Environment.GetEnvironmentVariable("XUC_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    public static string? Node { get; } = FindOnPath("node");

    public static bool Required => Environment.GetEnvironmentVariable("XUC_REQUIRE_BROWSER") == "1";

    /// <summary>Why node's unit tests (tests/js) cannot run (null when node is there).</summary>
    public static string? NodeMissing => Node is null ? "node is not installed (apt-get install -y nodejs npm)" : null;

    /// <summary>Why the browser tests (tests/browser) cannot run (null when they can).</summary>
    public static string? Missing { get; } = FindMissing();

    private static string? FindMissing()
    {
        if (NodeMissing is { } why) return why;
        if (!File.Exists(Chromium)) return $"no chromium at {Chromium} (apt-get install -y chromium, or set XUC_CHROMIUM)";
        if (!Directory.Exists(Path.Combine(RepoRoot, "node_modules", "playwright-core"))) return "playwright-core is not installed (npm ci)";
        if (!File.Exists(Path.Combine(RepoRoot, "src/Xuc.Host/bin/Release/net10.0/Xuc.Host.dll"))) return "no Release build of Xuc.Host (./build.sh build)";
        return null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Xuc.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Xuc.sln not found above the test binaries");
    }
}
