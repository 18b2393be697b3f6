using System.Diagnostics;
using Xuc.Actors.Configuration;
using Xuc.Bench.Report;
using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Bench.Configuration;

/// <summary>
/// One admin write (a queue updated through the store: read everything, validate the whole configuration, lock,
/// write, commit) on SQLite, with the demo store (baseline) and with 20,000 users/lines, 10,000 agents and 1,000
/// queues. Every write validates the whole configuration, so its cost grows with the store: this shows by how much.
/// </summary>
public static class ConfigWriteBench
{
    public static async Task Run(string[] args)
    {
        var writes = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 15;
        var work = Path.Combine(Path.GetTempPath(), "xuc-bench-config-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var demo = await Measure(Path.Combine(work, "demo.db"), DemoDataset.Create(), writes);
            var large = await Measure(Path.Combine(work, "large.db"), SyntheticDataset.Create(users: 20_000, agents: 10_000, queues: 1_000), writes);
            Console.WriteLine($"\nOne admin write (queue update: read all, validate all, write, commit), SQLite, {writes} writes each\n");
            Console.WriteLine(new Table("store", "median ms", "min–max ms", "vs demo")
                .Add("demo (12 users, 10 agents, 3 queues) — baseline", demo.Median.ToString("F1"), demo.Spread("F1"), "1.00×")
                .Add("20,000 users/lines, 10,000 agents, 1,000 queues", large.Median.ToString("F1"), large.Spread("F1"), $"{large.Median / demo.Median:F1}×"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<Stats> Measure(string file, ConfigSnapshot snapshot, int writes)
    {
        using var store = new ConfigStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={file}" });
        await store.MigrateAsync();
        await store.ImportAsync(snapshot, ImportMode.ReplaceAll);
        var queue = (QueueConfig)(await store.GetAsync(ConfigKinds.Queue, snapshot.Queues[0].Id.ToString()))!;
        await store.UpsertAsync(ConfigKinds.Queue, queue with { DisplayName = "warm-up" });
        var samples = new List<double>();
        for (var i = 0; i < writes; i++)
        {
            var sw = Stopwatch.StartNew();
            await store.UpsertAsync(ConfigKinds.Queue, queue with { DisplayName = $"write {i}" });
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return Stats.Of(samples);
    }
}
