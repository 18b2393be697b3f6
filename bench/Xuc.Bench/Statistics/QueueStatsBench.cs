using System.Diagnostics;
using Xuc.Actors.Configuration;
using Xuc.Actors.Statistics;
using Xuc.Bench.Report;
using Xuc.Bench.Sessions;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Statistics;

/// <summary>
/// Wallboards on a busy day: the real server in its own process on a store of Q queues and A agents (each agent's line
/// a static member of his two default queues in the simulator, which runs in the bench's process; rrmemory: one
/// member rung at a time, as a call centre queue of 20 agents would be), a steady call load
/// (external callers enter random queues; members answer after 3 s; 15 % hang up after 1–2.5 s of waiting; answered
/// calls last 4–8 s), and S CTI sessions of one Admin user each sending <c>subscribeToQueueStats</c>.
/// Latency: from the instant the simulator writes the AMI event that moves a day counter to value n (the n-th
/// QueueCallerJoin / AgentConnect / QueueCallerAbandon of a queue) to the last byte, at a session, of the first
/// QueueStatistics frame that carries that counter = n for that queue; one sample per session per event, after a warm-up
/// (also printed per event: the first session's latency, and the spread from the first session to the last). The
/// sessions are read by one polling thread (<see cref="PolledFrameClients"/>), cheap per frame.
/// Baseline: the same load on a fresh server with no session (CPU from /proc/PID/stat, RSS, managed heap).
/// Check: the recorded queue events folded with the server's own code (<see cref="CounterFold"/>) equal the last value
/// every session received for each queue and counter once the load has drained.
/// Usage: <c>./build.sh bench stats [runs] [sessions] [calls/s] [seconds] [queues] [agents]</c>.
/// </summary>
public static class QueueStatsBench
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task Run(string[] args)
    {
        var runs = Arg(args, 0, 3);
        var sessions = Arg(args, 1, 1000);
        var rate = Arg(args, 2, 20);
        var seconds = Arg(args, 3, 30);
        var queues = Arg(args, 4, 200);
        var agents = Arg(args, 5, 2000);
        var baseline = await OneRun(0, rate, seconds, queues, agents, 0);
        Console.WriteLine($"baseline (0 sessions): CPU {baseline.Cpu:P0} of one core, RSS {baseline.Rss / 1048576:F0} MiB, heap {baseline.Heap / 1048576:F0} MiB, {baseline.Calls} calls");
        var results = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            var r = await OneRun(sessions, rate, seconds, queues, agents, run);
            results.Add(r);
            Console.WriteLine($"run {run}: {r.Calls} calls, {r.FramesPerSecond:N0} frames/s, {r.Samples:N0} latency samples, p50 {r.P50:F2} ms, p99 {r.P99:F2} ms, max {r.Max:F2} ms, " +
                              $"CPU {r.Cpu:P0} (bench process: {r.ClientCpu:P0}), RSS {r.Rss / 1048576:F0} MiB, heap {r.Heap / 1048576:F0} MiB");
            Console.WriteLine(r.Check);
            if (!r.Check.StartsWith("fold check: OK", StringComparison.Ordinal)) Environment.Exit(1);
        }
        Stats S(Func<RunResult, double> f) => Stats.Of(results.Select(f).ToArray());
        var fps = S(r => r.FramesPerSecond);
        var p50 = S(r => r.P50);
        var p99 = S(r => r.P99);
        var cpu = S(r => r.Cpu * 100);
        var rss = S(r => r.Rss / 1048576);
        var heap = S(r => r.Heap / 1048576);
        Console.WriteLine($"\nQueue statistics to wallboards: {queues} queues, {agents} agents, {rate} calls/s for {seconds} s after a {WarmUp.TotalSeconds:F0} s warm-up, {runs} runs " +
                          $"(median, min–max); baseline = the same load with no session (CPU {baseline.Cpu * 100:F0} %, RSS {baseline.Rss / 1048576:F0} MiB, heap {baseline.Heap / 1048576:F0} MiB); target p99 ≤ 50 ms\n");
        Console.WriteLine(new Table("sessions", "frames/s", "p50 ms", "p99 ms", "server CPU % of a core", "vs baseline", "RSS MiB", "vs baseline", "heap MiB", "vs baseline")
            .Add(sessions.ToString("N0"), $"{fps.Median:N0} ({fps.Spread("N0")})", $"{p50.Median:F1} ({p50.Spread("F1")})", $"{p99.Median:F1} ({p99.Spread("F1")})",
                $"{cpu.Median:F0} ({cpu.Spread("F0")})", $"{cpu.Median / (baseline.Cpu * 100):F1}×", $"{rss.Median:F0} ({rss.Spread("F0")})", $"{rss.Median * 1048576 / baseline.Rss:F2}×",
                $"{heap.Median:F0} ({heap.Spread("F0")})", $"{heap.Median * 1048576 / baseline.Heap:F2}×"));
    }

    private sealed record RunResult(int Calls, double FramesPerSecond, int Samples, double P50, double P99, double Max, double Cpu, double ClientCpu, double Rss, double Heap, string Check);

    private static async Task<RunResult> OneRun(int sessions, int rate, int seconds, int queues, int agents, int seed)
    {
        var wallboard = agents + 1;
        var recorder = new QueueEventRecorder(Names);
        await using var pbx = await SimulatedPbxServer.StartAsync(SyntheticDataset.Create(wallboard, agents, queues), model =>
        {
            model.Subscribe(recorder);
            for (var q = 1; q <= queues; q++) model.AddQueue($"queue{q}", (900000 + q).ToString(), QueueStrategy.RrMemory);
            for (var a = 1; a <= wallboard; a++) model.AddEndpoint(SimulatedPbxServer.Number(a), behaviour: EndpointBehaviour.AutoAnswer);
            model.SetAllEndpointsBehaviour(EndpointBehaviour.AutoAnswer, TimeSpan.FromSeconds(3));
            // The agents' memberships of the store (SyntheticDataset's two default queues), static in the PBX.
            for (var a = 1; a <= agents; a++)
            {
                var line = "PJSIP/" + SimulatedPbxServer.Number(a);
                model.AddMember($"queue{1 + (a - 1) % queues}", line, $"Agent {a}", 0, isStatic: true);
                model.AddMember($"queue{1 + a % queues}", line, $"Agent {a}", 1, isStatic: true);
            }
        });
        var names = Enumerable.Range(1, queues).Select(q => $"queue{q}").ToArray();
        var received = new double[sessions, queues + 1, Names.Length];
        var snapshots = new int[sessions];
        // Per session (its socket's frames come one after the other): no lock and no allocation per frame.
        var reading = Enumerable.Range(0, sessions).Select(_ => new List<(int Counter, double Value)>(Names.Length)).ToArray();
        var latencies = Enumerable.Range(0, sessions).Select(_ => new List<((int, int, int) Key, double Ms)>()).ToArray();
        var reader = new StatsFrames(Names);
        long frames = 0;
        var measuredFrom = long.MaxValue;
        using var clients = new PolledFrameClients((session, at, frame) =>
        {
            var counters = reading[session];
            if (!reader.TryRead(frame.Span, out var queueId, counters)) return;
            Interlocked.Increment(ref frames);
            if (counters.Count == Names.Length) Interlocked.Increment(ref snapshots[session]);
            foreach (var (c, value) in counters)
            {
                var before = received[session, queueId, c];
                received[session, queueId, c] = value;
                if (value == before || !recorder.Emitted.TryGetValue((queueId, c, (int)value), out var emitted) || emitted < Interlocked.Read(ref measuredFrom)) continue;
                latencies[session].Add(((queueId, c, (int)value), (at - emitted) * 1000.0 / Stopwatch.Frequency));
            }
        });
        var admin = pbx.Token(wallboard);
        var cti = new Uri($"{pbx.Cti}?token={Uri.EscapeDataString(admin)}");
        clients.Open(Enumerable.Repeat(cti, sessions).ToList());
        for (var s = 0; s < sessions; s++) clients.Send(s, "{\"claz\":\"web\",\"command\":\"subscribeToQueueStats\"}");
        for (var wait = Stopwatch.StartNew(); snapshots.Any(n => n < queues);)
        {
            if (wait.Elapsed > TimeSpan.FromSeconds(50)) throw new TimeoutException($"{snapshots.Count(n => n < queues)} sessions without their {queues} QueueStatistics snapshots after 50 s");
            clients.CheckAlive();
            await Task.Delay(100);
        }

        // The load: callers into random queues, a steady rate.
        var random = new Random(seed);
        var hangups = new List<Task>();
        var total = (int)((WarmUp.TotalSeconds + seconds) * rate);
        var clock = Stopwatch.StartNew();
        long cpuFrom = 0, framesFrom = 0;
        var clientCpuFrom = TimeSpan.Zero;
        double measuredSeconds = 0;
        for (var k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            if (measuredFrom == long.MaxValue && clock.Elapsed >= WarmUp)
            {
                Interlocked.Exchange(ref measuredFrom, Stopwatch.GetTimestamp());
                cpuFrom = CpuTicks(pbx.Server.Id);
                clientCpuFrom = Process.GetCurrentProcess().TotalProcessorTime;
                framesFrom = Interlocked.Read(ref frames);
                measuredSeconds = clock.Elapsed.TotalSeconds;
            }
            var uid = pbx.Sim.Model.ExternalCall("06" + random.Next(10_000_000, 99_999_999), (900001 + random.Next(queues)).ToString());
            var abandon = random.NextDouble() < 0.15;
            var after = abandon ? TimeSpan.FromMilliseconds(random.Next(1000, 2500)) : TimeSpan.FromMilliseconds(3000 + random.Next(4000, 8000));
            hangups.Add(Task.Delay(after).ContinueWith(_ => { try { pbx.Sim.Model.Hangup(uid); } catch (SimulationException) { } }));
            if (sessions > 0) clients.CheckAlive();
        }
        measuredSeconds = clock.Elapsed.TotalSeconds - measuredSeconds;
        var cpu = (CpuTicks(pbx.Server.Id) - cpuFrom) / 100.0 / measuredSeconds;
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuFrom).TotalSeconds / measuredSeconds;
        var fps = (Interlocked.Read(ref frames) - framesFrom) / measuredSeconds;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{pbx.Port}"), Timeout = TimeSpan.FromSeconds(60) };
        var memory = await SessionMemoryBench.Memory(http, admin, pbx.Server.Id, sessions);
        await Task.WhenAll(hangups);

        // Drained: wait until no frame has come for 2 s, then compare with the fold.
        for (long last = -1; Interlocked.Read(ref frames) != last;)
        {
            last = Interlocked.Read(ref frames);
            await Task.Delay(2000);
        }
        var check = sessions == 0 ? "fold check: OK (no session)" : Check(CounterFold.Of(recorder.Log, names), received, sessions, queues);
        var sorted = latencies.SelectMany(l => l).Select(l => l.Ms).Order().ToArray();
        var byEvent = latencies.SelectMany(l => l).GroupBy(l => l.Key).Select(g => (First: g.Min(l => l.Ms), Spread: g.Max(l => l.Ms) - g.Min(l => l.Ms))).ToList();
        var first = byEvent.Select(e => e.First).Order().ToArray();
        var spread = byEvent.Select(e => e.Spread).Order().ToArray();
        if (sessions > 0) Console.WriteLine($"  per event: first session p50 {Pct(first, 0.5):F1} ms, p99 {Pct(first, 0.99):F1} ms; first to last session p50 {Pct(spread, 0.5):F1} ms, p99 {Pct(spread, 0.99):F1} ms");
        return new RunResult(total, fps, sorted.Length, Pct(sorted, 0.5), Pct(sorted, 0.99), sorted.Length == 0 ? double.NaN : sorted[^1], cpu, clientCpu, memory.Rss, memory.Heap, check);
    }

    private static readonly string[] Names =
    [
        QueueCounters.TotalNumberCallsEntered, QueueCounters.TotalNumberCallsAnswered, QueueCounters.PercentageAnsweredBefore15,
        QueueCounters.TotalNumberCallsAbandonned, QueueCounters.TotalNumberCallsAbandonnedAfter15, QueueCounters.PercentageAbandonnedAfter15,
        QueueCounters.WaitingCalls, QueueCounters.LongestWaitingTime, QueueCounters.EWT, QueueCounters.AvailableAgents,
        QueueCounters.TalkingAgents, QueueCounters.LoggedAgents,
    ];

    private static string Check(Dictionary<string, IReadOnlyList<QueueStat>> fold, double[,,] received, int sessions, int queues)
    {
        var mismatches = new List<string>();
        for (var q = 1; q <= queues; q++)
        foreach (var stat in fold[$"queue{q}"])
        {
            var c = Array.IndexOf(Names, stat.Name);
            for (var s = 0; s < sessions; s++)
                if (received[s, q, c] != stat.Value)
                {
                    mismatches.Add($"queue{q} {stat.Name}: fold {stat.Value}, session {s} received {received[s, q, c]}");
                    break;
                }
        }
        return mismatches.Count == 0
            ? $"fold check: OK ({queues} queues x {Names.Length} counters, {sessions} sessions)"
            : $"fold check: {mismatches.Count} mismatches, first:\n  " + string.Join("\n  ", mismatches.Take(10));
    }

    /// <summary>utime + stime of the process, in clock ticks (100 per second).</summary>
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Arg(string[] args, int i, int fallback) => args.Length > i && int.TryParse(args[i], out var v) ? v : fallback;
}
