using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xuc.Actors.Configuration;

namespace Xuc.Bench.Startup;

/// <summary>The real server as a separate process (<c>dotnet Xuc.Host.dll</c>) on a loopback port, over a store the bench seeds.</summary>
public static class HostProcess
{
    /// <returns>the users as stored (with the token version a token minted for them must carry).</returns>
    public static async Task<IReadOnlyList<Xuc.Actors.Configuration.Model.User>> Seed(string dataDir, ConfigSnapshot snapshot)
    {
        Directory.CreateDirectory(dataDir);
        using var store = new ConfigStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={Path.Combine(dataDir, "xuc.db")}" });
        await store.MigrateAsync();
        await store.ImportAsync(snapshot, ImportMode.Replace);
        return (await store.LoadAsync()).Users;
    }

    /// <summary>Starts the server (bundled simulator unless <paramref name="environment"/> says otherwise, logs discarded); the caller kills it.</summary>
    public static Process Start(string hostDll, string dataDir, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet", [hostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        psi.Environment["XUC_DATA_DIR"] = dataDir;
        psi.Environment["XUC_HTTP_PORT"] = port.ToString();
        psi.Environment["XUC_HTTP_BIND"] = "127.0.0.1";
        psi.Environment["XUC_AMI_PORT"] = "0";
        psi.Environment["XUC_PBXSIM_CONTROL_PORT"] = "0";
        psi.Environment["XUC_AKKA_PORT"] = "0";
        psi.Environment["XUC_SEED_DEMO"] = "off";
        psi.Environment["XUC_AKKA_LOGLEVEL"] = "WARNING";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls /health/ready; the time it took from <paramref name="since"/>.</summary>
    public static async Task<double> WaitReady(Process process, int port, Stopwatch since)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (since.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited) throw new InvalidOperationException($"Xuc.Host exited with {process.ExitCode} before it was ready");
            try
            {
                var response = await http.GetAsync($"http://127.0.0.1:{port}/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return since.Elapsed.TotalSeconds;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(20);
        }
        throw new TimeoutException("Xuc.Host was not ready within 120 s");
    }

    public static async Task Stop(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static string FindHostDll()
    {
        var here = AppContext.BaseDirectory;
        var config = here.Contains("/Release/") ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Xuc.Host", "bin", config, "net10.0", "Xuc.Host.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("src/Xuc.Host/bin/<config>/net10.0/Xuc.Host.dll not found; build the solution first");
    }
}
