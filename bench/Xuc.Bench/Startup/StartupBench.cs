using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xuc.Actors.Configuration;
using Xuc.Bench.Report;

namespace Xuc.Bench.Startup;

/// <summary>
/// Time from process start to /health/ready (configuration loaded, AMI logged in to the bundled simulator),
/// a real `dotnet Xuc.Host.dll` each run, with the demo store (baseline) and with 20,000 users/lines,
/// 10,000 agents and 1,000 queues in the store. Target: under 5 s.
/// </summary>
public static class StartupBench
{
    public static async Task Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        var hostDll = FindHostDll();
        var work = Path.Combine(Path.GetTempPath(), "xuc-bench-startup-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var demoDir = Path.Combine(work, "demo");
            var largeDir = Path.Combine(work, "large");
            await Seed(demoDir, DemoDataset.Create());
            var sw = Stopwatch.StartNew();
            await Seed(largeDir, SyntheticDataset.Create(users: 20_000, agents: 10_000, queues: 1_000));
            Console.WriteLine($"seeded the large store in {sw.Elapsed.TotalSeconds:F1} s");

            // One untimed start each, so both scenarios run with warm OS file caches.
            await TimeToReady(hostDll, demoDir);
            await TimeToReady(hostDll, largeDir);
            var demo = new List<double>();
            var large = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                demo.Add(await TimeToReady(hostDll, demoDir));
                large.Add(await TimeToReady(hostDll, largeDir));
            }

            var d = Stats.Of(demo);
            var l = Stats.Of(large);
            Console.WriteLine($"\nStart-up to /health/ready ({runs} runs each, a fresh process per run, SQLite, bundled PBX simulator)\n");
            Console.WriteLine(new Table("store", "median s", "min–max s", "vs demo")
                .Add("demo (12 users, 10 agents, 3 queues) — baseline", d.Median.ToString("F2"), d.Spread("F2"), "1.00×")
                .Add("20,000 users/lines, 10,000 agents, 1,000 queues", l.Median.ToString("F2"), l.Spread("F2"), $"{l.Median / d.Median:F2}×"));
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }

    private static async Task Seed(string dataDir, ConfigSnapshot snapshot)
    {
        Directory.CreateDirectory(dataDir);
        using var store = new ConfigStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={Path.Combine(dataDir, "xuc.db")}" });
        await store.MigrateAsync();
        await store.ImportAsync(snapshot, ImportMode.Replace);
    }

    private static async Task<double> TimeToReady(string hostDll, string dataDir)
    {
        var port = FreePort();
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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (sw.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (process.HasExited) throw new InvalidOperationException($"Xuc.Host exited with {process.ExitCode} before it was ready");
                try
                {
                    var response = await http.GetAsync($"http://127.0.0.1:{port}/health/ready");
                    if (response.StatusCode == HttpStatusCode.OK) return sw.Elapsed.TotalSeconds;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(20);
            }
            throw new TimeoutException("Xuc.Host was not ready within 120 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string FindHostDll()
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
