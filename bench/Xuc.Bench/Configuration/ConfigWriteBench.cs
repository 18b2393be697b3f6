using System.Diagnostics;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Bench.Report;
using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Bench.Configuration;

/// <summary>
/// The configuration store on SQLite. (1) One admin write (a queue updated through the store: lock, validate the whole
/// configuration, write, commit) with the demo store (baseline) and with 20,000 users/lines, 10,000 agents and 1,000
/// queues. (2) Directory imports and reads at scale: merging 80,000 contacts into the demo store, merging 2,000 more
/// into that store, reading one object by key, and one single-object write on it (the whole write runs under the
/// store's write lock, so its time bounds how long the lock is held).
/// </summary>
public static class ConfigWriteBench
{
    private const int LargeDirectory = 80_000;

    public static async Task Run(string[] args)
    {
        var writes = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 15;
        var work = Path.Combine(Path.GetTempPath(), "xuc-bench-config-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var demo = await MeasureQueueWrites(Path.Combine(work, "demo.db"), DemoDataset.Create(), writes);
            var large = await MeasureQueueWrites(Path.Combine(work, "large.db"), SyntheticDataset.Create(users: 20_000, agents: 10_000, queues: 1_000), writes);
            Console.WriteLine($"\nOne admin write (queue update: read all, validate all, write, commit), SQLite, {writes} writes each\n");
            Console.WriteLine(new Table("store", "median ms", "min–max ms", "vs demo")
                .Add("demo (12 users, 10 agents, 3 queues) — baseline", demo.Median.ToString("F1"), demo.Spread("F1"), "1.00×")
                .Add("20,000 users/lines, 10,000 agents, 1,000 queues", large.Median.ToString("F1"), large.Spread("F1"), $"{large.Median / demo.Median:F1}×"));

            var directory = await MeasureDirectory(work, runs: 3, writes);
            var baseline = directory.DemoWrite.Median;
            Console.WriteLine($"\nThe directory at scale, SQLite: merges {directory.Runs} runs (a fresh store each), reads and writes {writes * 4} each\n");
            var table = new Table("operation", "median ms", "min–max ms", "target", "vs demo write");
            void Row(string what, Stats s, string target) => table.Add(what, s.Median.ToString("F1"), s.Spread("F1"), target, $"{s.Median / baseline:F1}×");
            Row("single contact write, demo store — baseline", directory.DemoWrite, "");
            Row($"merge of {LargeDirectory:N0} contacts into the demo store", directory.BigMerge, "< 5,000 ms");
            Row($"merge of 2,000 contacts into the {LargeDirectory:N0}-contact store", directory.SmallMerge, "");
            Row($"GET one contact by id, {LargeDirectory:N0}-contact store", directory.Get, "< 5 ms");
            Row($"single contact write (write lock held), {LargeDirectory:N0}-contact store", directory.Write, "< 100 ms");
            Console.WriteLine(table);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static ConfigStore Store(string file) => new(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={file}" });

    private static async Task<Stats> MeasureQueueWrites(string file, ConfigSnapshot snapshot, int writes)
    {
        using var store = Store(file);
        await store.MigrateAsync();
        await store.ImportAsync(snapshot, ImportMode.Replace);
        var queue = (QueueConfig)(await store.GetAsync(ConfigKinds.Queue, snapshot.Queues[0].Id.ToString()))!;
        await store.UpsertAsync(ConfigKinds.Queue, queue with { DisplayName = "warm-up" });
        return await Timed(writes, i => store.UpsertAsync(ConfigKinds.Queue, queue with { DisplayName = $"write {i}" }));
    }

    private sealed record DirectoryFigures(int Runs, Stats DemoWrite, Stats BigMerge, Stats SmallMerge, Stats Get, Stats Write);

    private static ConfigSnapshot ContactsFile(int first, int count) => new()
    {
        Contacts = [.. Enumerable.Range(first, count).Select(i => new DirectoryContact
        {
            Id = i, FirstName = "Contact", LastName = i.ToString(), Number = $"01{i:00000000}", Mobile = $"06{i:00000000}",
            Email = $"contact{i}@example.com", Company = $"Company {i % 500}",
        })],
    };

    private static DirectoryContact Edited(int id, int i) => new() { Id = id, FirstName = "Edited", LastName = i.ToString(), Number = "0140000000" };

    private static async Task<DirectoryFigures> MeasureDirectory(string work, int runs, int writes)
    {
        var big = ContactsFile(100_000, LargeDirectory);
        var small = ContactsFile(500_000, 2_000);
        var bigMerges = new List<double>();
        var smallMerges = new List<double>();
        ConfigStore? last = null;
        for (var run = 0; run < runs; run++)
        {
            last?.Dispose();
            var store = last = Store(Path.Combine(work, $"directory-{run}.db"));
            await store.MigrateAsync();
            await store.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
            var sw = Stopwatch.StartNew();
            await store.ImportAsync(big, ImportMode.Merge);
            bigMerges.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            await store.ImportAsync(small, ImportMode.Merge);
            smallMerges.Add(sw.Elapsed.TotalMilliseconds);
        }
        using var large = last!;
        var get = await Timed(writes * 4, i => large.GetAsync(ConfigKinds.Contact, (100_000 + i * 997 % LargeDirectory).ToString()));
        var write = await Timed(writes * 4, i => large.UpsertAsync(ConfigKinds.Contact, Edited(100_000 + i, i)));

        using var demo = Store(Path.Combine(work, "directory-demo.db"));
        await demo.MigrateAsync();
        await demo.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var demoWrite = await Timed(writes * 4, i => demo.UpsertAsync(ConfigKinds.Contact, Edited(1, i)));
        return new DirectoryFigures(runs, demoWrite, Stats.Of(bigMerges), Stats.Of(smallMerges), get, write);
    }

    /// <summary>One warm-up call, then <paramref name="count"/> timed calls.</summary>
    private static async Task<Stats> Timed(int count, Func<int, Task> call)
    {
        await call(count);
        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            await call(i);
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return Stats.Of(samples);
    }
}
