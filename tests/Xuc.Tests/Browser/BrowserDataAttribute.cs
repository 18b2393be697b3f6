using System.Reflection;
using Xunit.Sdk;

namespace Xuc.Tests.Browser;

/// <summary>
/// A row per browser test file (tests/browser/*.test.js, each a node:test file driving Debian chromium against the
/// real server). Where the browser cannot be started, every row is skipped and its name says BROWSER NOT TESTED and
/// why, unless XUC_REQUIRE_BROWSER=1: then the rows run and fail.
/// </summary>
public sealed class BrowserFilesAttribute : DataAttribute
{
    private static bool Skipped => BrowserEnvironment.Missing is not null && !BrowserEnvironment.Required;

    public override string? Skip
    {
        get => Skipped ? $"{BrowserEnvironment.NotTested}: {BrowserEnvironment.Missing}; ./build.sh test as root installs chromium, nodejs and npm and runs npm ci" : null;
        set { }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var files = Directory.GetFiles(Path.Combine(BrowserEnvironment.RepoRoot, "tests", "browser"), "*.test.js")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return files.Select(f => new object[] { Skipped ? $"{f} {BrowserEnvironment.NotTested} ({BrowserEnvironment.Missing})" : f! });
    }
}
