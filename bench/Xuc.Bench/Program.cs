using Xuc.Bench.Agents;
using Xuc.Bench.Ami;
using Xuc.Bench.Configuration;
using Xuc.Bench.Sessions;
using Xuc.Bench.Sim;
using Xuc.Bench.Startup;
using Xuc.Bench.Statistics;

// ./build.sh bench [name] — each benchmark prints its own table.
var name = args.Length > 0 ? args[0] : "all";
var rest = args.Skip(1).ToArray();
var benches = new Dictionary<string, Func<string[], Task>>
{
    ["ami-parse"] = AmiParseBench.Run,
    ["startup"] = StartupBench.Run,
    ["config-write"] = ConfigWriteBench.Run,
    ["sim-volume"] = SimVolumeBench.Run,
    ["sessions"] = SessionMemoryBench.Run,
    ["session-latency"] = PhoneEventLatencyBench.Run,
    ["session-fanout"] = FanOutBench.Run,
    ["agents"] = AgentsBench.Run,
    ["stats"] = QueueStatsBench.Run,
};
if (name == "all")
{
    foreach (var (benchName, run) in benches)
    {
        Console.WriteLine($"\n=== {benchName}");
        await run(rest);
    }
    return 0;
}
if (!benches.TryGetValue(name, out var bench))
{
    Console.Error.WriteLine($"unknown benchmark '{name}'; known: all, {string.Join(", ", benches.Keys)}");
    return 2;
}
await bench(rest);
return 0;
