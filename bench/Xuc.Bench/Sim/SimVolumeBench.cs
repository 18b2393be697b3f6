using System.Diagnostics;
using Xuc.Bench.Report;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Sim;

/// <summary>
/// AMI events per answered queue call at each simulator event level (issue 7: a real Asterisk 18 call with Local
/// members is ~200), and how fast the simulator produces them (answered calls per second, one thread).
/// </summary>
public static class SimVolumeBench
{
    public static Task Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        const int calls = 2000;
        // Warm every path up once (JIT) before anything is timed.
        foreach (var level in new[] { SimEventLevel.Minimal, SimEventLevel.Realistic })
        {
            var warm = new SimCallMix(level, keepText: false);
            for (var c = 0; c < 200; c++) warm.MixedRound();
        }
        var rows = new List<(string Level, string Members, double EventsPerCall, double BytesPerCall, Stats CallsPerSecond)>();
        foreach (var level in new[] { SimEventLevel.Minimal, SimEventLevel.Realistic })
            foreach (var (members, queue) in new[] { ("PJSIP/100x", "direct"), ("Local/100x@agents", "local"), ("Local/100x@agents/n", "local-n") })
            {
                var speeds = new List<double>();
                SimCallMix? last = null;
                for (var i = 0; i < runs; i++)
                {
                    var mix = new SimCallMix(level, keepText: false);
                    var sw = Stopwatch.StartNew();
                    for (var c = 0; c < calls; c++) mix.AnsweredCall(queue);
                    speeds.Add(calls / sw.Elapsed.TotalSeconds);
                    last = mix;
                }
                rows.Add((level.ToString().ToLowerInvariant(), members, last!.Events / (double)calls, last.Bytes / (double)calls, Stats.Of(speeds)));
            }
        var baseline = rows[0].EventsPerCall;
        Console.WriteLine($"\nSimulator volume: one answered ringall call to two members, {calls} calls per run, {runs} runs (median, min–max)\n");
        var table = new Table("level", "members", "events / answered call", "KB / call", "calls/s", "calls/s min–max", "events vs minimal PJSIP");
        foreach (var row in rows)
            table.Add(row.Level, row.Members, row.EventsPerCall.ToString("F0"), (row.BytesPerCall / 1024).ToString("F1"),
                row.CallsPerSecond.Median.ToString("N0"), row.CallsPerSecond.Spread("N0"), $"{row.EventsPerCall / baseline:F2}×");
        Console.WriteLine(table);
        return Task.CompletedTask;
    }
}
