using System.Diagnostics;
using Xuc.PbxSim;

namespace Xuc.Tests.PbxSim;

/// <summary>A client that is not ours (Python's socket module, tests/third-party/ami_smoke.py) works against the simulator.</summary>
public sealed class ThirdPartyClientTests
{
    [Fact]
    public async Task A_plain_python_socket_client_logs_in_pings_and_reads_an_event_list()
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(sim.Model);
        await sim.StartAsync();
        var script = Path.Combine(RepoRoot(), "tests", "third-party", "ami_smoke.py");
        var psi = new ProcessStartInfo("python3", [script, sim.Port.ToString()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("python3 could not be started; it is required (apt-get install python3)");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(p.ExitCode == 0, $"ami_smoke.py exited {p.ExitCode}: {await stdout}{await stderr}");
        Assert.StartsWith("ok: Asterisk Call Manager/", await stdout);
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Xuc.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Xuc.sln not found above the test binaries");
    }
}
