using System.Diagnostics;
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
        var hostDll = HostProcess.FindHostDll();
        var work = Path.Combine(Path.GetTempPath(), "xuc-bench-startup-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var demoDir = Path.Combine(work, "demo");
            var largeDir = Path.Combine(work, "large");
            await HostProcess.Seed(demoDir, DemoDataset.Create());
            var sw = Stopwatch.StartNew();
            await HostProcess.Seed(largeDir, SyntheticDataset.Create(users: 20_000, agents: 10_000, queues: 1_000));
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

    private static async Task<double> TimeToReady(string hostDll, string dataDir)
    {
        var port = HostProcess.FreePort();
        var sw = Stopwatch.StartNew();
        using var process = HostProcess.Start(hostDll, dataDir, port);
        try
        {
            return await HostProcess.WaitReady(process, port, sw);
        }
        finally
        {
            await HostProcess.Stop(process);
        }
    }
}
