using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using Xuc.Bench.Report;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Sessions;

/// <summary>
/// AMI event → WebSocket frame latency for phone events: the server in its own process, the simulator and N CTI
/// sessions (one per user, each on his own line) in the bench's process. A steady load of internal calls (user 2k−1
/// calls user 2k, who answers after 300 ms; the caller hangs up 1.5 s later) runs; each PhoneEvent frame's latency is
/// the time from the first AMI event that says it (see <see cref="AmiEmissionTap"/>) leaving the simulator to the
/// frame's last byte at the client. The first seconds (warm-up) are not counted.
/// Usage: <c>./build.sh bench session-latency [runs] [sessions] [calls/s] [seconds]</c>.
/// </summary>
public static class PhoneEventLatencyBench
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task Run(string[] args)
    {
        var runs = Arg(args, 0, 3);
        var sessions = Arg(args, 1, 1000) / 2 * 2;
        var rate = Arg(args, 2, 20);
        var seconds = Arg(args, 3, 20);
        var p50 = new List<double>();
        var p99 = new List<double>();
        var p999 = new List<double>();
        var samples = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var r = await OneRun(sessions, rate, seconds);
            var sorted = r.Latencies.Order().ToArray();
            if (sorted.Length == 0) throw new InvalidOperationException($"run {run}: no PhoneEvent frame was measured ({r.Expected} expected, {r.Unmatched} without their AMI event)");
            p50.Add(Percentile(sorted, 0.50));
            p99.Add(Percentile(sorted, 0.99));
            p999.Add(Percentile(sorted, 0.999));
            samples.Add(sorted.Length);
            Console.WriteLine($"run {run}: {sorted.Length:N0} phone events measured ({r.Expected:N0} expected, {r.Unmatched} without their AMI event), " +
                              $"p50 {p50[^1]:F2} ms, p99 {p99[^1]:F2} ms, p99.9 {p999[^1]:F2} ms, max {sorted[^1]:F2} ms");
        }
        Console.WriteLine($"\nAMI event → PhoneEvent frame latency, {sessions:N0} sessions, {rate} calls/s for {seconds} s after a {WarmUp.TotalSeconds:F0} s warm-up, {runs} runs (median, min–max of the runs; target p99 ≤ 5 ms)\n");
        var a = Stats.Of(p50);
        var b = Stats.Of(p99);
        var c = Stats.Of(p999);
        Console.WriteLine(new Table("sessions", "events/run", "p50 ms", "p50 min–max", "p99 ms", "p99 min–max", "p99.9 ms", "p99.9 min–max")
            .Add(sessions.ToString("N0"), Stats.Of(samples).Median.ToString("N0"), a.Median.ToString("F2"), a.Spread("F2"), b.Median.ToString("F2"), b.Spread("F2"), c.Median.ToString("F2"), c.Spread("F2")));
    }

    private sealed record RunResult(IReadOnlyCollection<double> Latencies, int Expected, int Unmatched);

    private static async Task<RunResult> OneRun(int sessions, int rate, int seconds)
    {
        await using var pbx = await SimulatedPbxServer.StartAsync(sessions);
        var tap = new AmiEmissionTap();
        pbx.Sim.Model.Subscribe(tap);
        var latencies = new ConcurrentBag<double>();
        var seen = new ConcurrentDictionary<(string, string), byte>();
        var unmatched = 0;
        var measuredFrom = long.MaxValue;
        await using var clients = new FrameClients((_, at, frame) =>
        {
            var text = Encoding.UTF8.GetString(frame.Span);
            if (!text.Contains("\"msgType\":\"PhoneEvent\"", StringComparison.Ordinal)) return;
            var message = (JObject)JObject.Parse(text)["ctiMessage"]!;
            var key = ((string?)message["uniqueId"] ?? "", (string?)message["eventType"] ?? "");
            // Only the first frame of each kind for a channel: a later one (an Established that gains the other
            // party's name, a Dialing that gains attached data) answers a later AMI event than the one timed here.
            if (!seen.TryAdd(key, 0)) return;
            if (!tap.Emitted.TryGetValue(key, out var emitted)) Interlocked.Increment(ref unmatched);
            else if (emitted >= Interlocked.Read(ref measuredFrom)) latencies.Add((at - emitted) * 1000.0 / Stopwatch.Frequency);
        });
        await clients.OpenAsync(Enumerable.Range(1, sessions).Select(u => new Uri($"{pbx.Cti}?token={Uri.EscapeDataString(pbx.Token(u))}")).ToList(), ctiConnectSequence: true);
        for (var u = 2; u <= sessions; u += 2) pbx.Sim.Model.SetEndpointBehaviour(SimulatedPbxServer.Number(u), EndpointBehaviour.AutoAnswer, TimeSpan.FromMilliseconds(300));

        var pairs = sessions / 2;
        var total = (int)((WarmUp.TotalSeconds + seconds) * rate);
        var hangups = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            if (measuredFrom == long.MaxValue && clock.Elapsed >= WarmUp) Interlocked.Exchange(ref measuredFrom, Stopwatch.GetTimestamp());
            var caller = 2 * (k % pairs) + 1;
            var uid = pbx.Sim.Model.Dial(SimulatedPbxServer.Number(caller), SimulatedPbxServer.Number(caller + 1));
            hangups.Add(Task.Delay(1800).ContinueWith(_ => pbx.Sim.Model.Hangup(uid)));
            clients.CheckAlive();
        }
        await Task.WhenAll(hangups);
        // Every AMI event the tap keeps after the warm-up is one PhoneEvent to one session (one user per line).
        var expected = tap.Emitted.Values.Count(t => t >= measuredFrom);
        for (var wait = Stopwatch.StartNew(); latencies.Count < expected && wait.Elapsed < TimeSpan.FromSeconds(20);) await Task.Delay(100);
        clients.CheckAlive();
        return new RunResult(latencies.ToArray(), expected, unmatched);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Arg(string[] args, int i, int fallback) => args.Length > i && int.TryParse(args[i], out var v) ? v : fallback;
}
