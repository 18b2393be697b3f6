using System.Diagnostics;
using System.Text;

namespace Xuc.Tests.Browser;

/// <summary>Runs alone, after the parallel tests: chromium and the servers it drives want the machine's two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}

/// <summary>
/// The JavaScript tests inside the xunit suite, so <c>./build.sh test</c> and CI run them: node's unit tests of the
/// library's frames (tests/js, node only) and a row per browser test file (tests/browser: each starts the Release
/// Xuc.Host on free ports and drives Debian chromium through playwright-core). A row passes when node's test runner
/// exits 0; its output (the failing step, the pages' text, the server's last lines) is the failure message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests
{
    [Fact]
    public async Task Library_frames_and_link_unit_tests_pass_under_node()
    {
        if (BrowserEnvironment.NodeMissing is { } why) throw new InvalidOperationException(why + "; ./build.sh test as root installs it");
        await NodeTestAsync(Path.Combine("tests", "js"), TimeSpan.FromMinutes(2));
    }

    [Theory]
    [BrowserFiles]
    public async Task Browser_test_file_passes_in_chromium_against_the_real_server(string file)
    {
        if (file.Contains(BrowserEnvironment.NotTested, StringComparison.Ordinal)) throw new InvalidOperationException(file);
        await NodeTestAsync(Path.Combine("tests", "browser", file), TimeSpan.FromMinutes(5));
    }

    private static async Task NodeTestAsync(string target, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(BrowserEnvironment.Node!, ["--test", "--test-concurrency=1", "--test-reporter=spec", target])
        {
            WorkingDirectory = BrowserEnvironment.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true
        };
        psi.Environment["XUC_CHROMIUM"] = BrowserEnvironment.Chromium;
        psi.Environment.Remove("NODE_TEST_CONTEXT"); // a node inside a node test run would report to its parent
        psi.Environment["XUC_REQUIRE_BROWSER"] = "1"; // this row runs: a browser file that cannot start chromium fails, never skips
        var output = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            Assert.Fail($"node --test {target} ran past {timeout.TotalMinutes} min:\n{output}");
        }
        await p.WaitForExitAsync(); // the output's last lines
        string text;
        lock (output) text = output.ToString();
        Assert.True(p.ExitCode == 0, $"node --test {target} exited {p.ExitCode}:\n{text}");
    }
}
