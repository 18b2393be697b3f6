using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Bench.Report;
using Xuc.Bench.Startup;

namespace Xuc.Bench.Sessions;

/// <summary>
/// Idle memory per CTI WebSocket session: the real server in its own process (demo store, bundled simulator), the
/// sockets opened by this process, each logged on (connect sequence read) and then pinging every 5 s. At 0 (the
/// baseline, same server) and 1k / 5k / 10k sessions the server's resident set (/proc) and managed heap (after a full
/// GC, <c>GET /xuc/api/2.0/diagnostics/memory</c>, admin) are read; per session = (at N − at 0) / N. Target ≤ 20 KB.
/// Usage: <c>./build.sh bench sessions [runs] [levels, e.g. 1000,5000,10000]</c>.
/// </summary>
public static class SessionMemoryBench
{
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(5);

    /// <summary>Idle this long (pinging) before each reading, so what the opening burst left behind (pooled blocks,
    /// timers of the set-up) has gone and the figure is that of a session that stays.</summary>
    private static readonly TimeSpan IdleBeforeReading = TimeSpan.FromSeconds(30);

    public static async Task Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 3;
        var levels = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [1_000, 5_000, 10_000];
        var hostDll = HostProcess.FindHostDll();
        var work = Path.Combine(Path.GetTempPath(), "xuc-bench-sessions-" + Environment.ProcessId);
        var rss = levels.ToDictionary(n => n, _ => new List<double>());
        var heap = levels.ToDictionary(n => n, _ => new List<double>());
        var baseRss = new List<double>();
        var baseHeap = new List<double>();
        try
        {
            await HostProcess.Seed(work, DemoDataset.Create());
            for (var run = 1; run <= runs; run++)
            {
                var port = HostProcess.FreePort();
                using var server = HostProcess.Start(hostDll, work, port);
                try
                {
                    await HostProcess.WaitReady(server, port, Stopwatch.StartNew());
                    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
                    // One REST login per demo user; the sockets take the users in turn (several sessions per user).
                    var tokens = new List<string>();
                    foreach (var user in DemoDataset.Create().Users) tokens.Add(await Login(http, user.Login, user.Password!));
                    var admin = await Login(http, "admin", "admin");
                    await using var sockets = new IdleSockets(new Uri($"ws://127.0.0.1:{port}/xuc/api/2.0/cti"), tokens);

                    // The baseline: this ready server before its first session.
                    var zero = await Memory(http, admin, server.Id, expectedSessions: 0);
                    baseRss.Add(zero.Rss);
                    baseHeap.Add(zero.Heap);
                    Console.WriteLine($"run {run}: 0 sessions  RSS {zero.Rss / 1048576:F1} MiB, heap {zero.Heap / 1048576:F1} MiB");
                    foreach (var n in levels)
                    {
                        var sw = Stopwatch.StartNew();
                        await sockets.GrowTo(n);
                        var opened = sw.Elapsed.TotalSeconds;
                        // Idle with pings, a round every PingEvery, every ping answered.
                        for (var idle = Stopwatch.StartNew(); idle.Elapsed < IdleBeforeReading;)
                            await sockets.PingRound(over: PingEvery);
                        await sockets.PingRound(over: PingEvery);
                        var at = await Memory(http, admin, server.Id, expectedSessions: n);
                        rss[n].Add((at.Rss - zero.Rss) / n);
                        heap[n].Add((at.Heap - zero.Heap) / n);
                        Console.WriteLine($"run {run}: {n} sessions (opened in {opened:F1} s)  RSS {at.Rss / 1048576:F1} MiB, heap {at.Heap / 1048576:F1} MiB" +
                                          $"  → {(at.Rss - zero.Rss) / n / 1024:F1} KiB RSS, {(at.Heap - zero.Heap) / n / 1024:F1} KiB heap per session");
                    }
                }
                finally
                {
                    await HostProcess.Stop(server);
                }
            }

            var b = Stats.Of(baseRss);
            var bh = Stats.Of(baseHeap);
            Console.WriteLine($"\nIdle memory per CTI WebSocket session ({runs} runs, a fresh server process per run, sockets from the bench process, " +
                              $"pinging every {PingEvery.TotalSeconds:F0} s, read after {IdleBeforeReading.TotalSeconds:F0} s idle; baseline = the same server with 0 sessions: RSS {b.Median / 1048576:F0} MiB, managed heap {bh.Median / 1048576:F1} MiB; target ≤ 20 KiB per session)\n");
            var table = new Table("sessions", "RSS KiB/session median", "RSS min–max", "heap KiB/session median", "heap min–max");
            foreach (var n in levels)
            {
                var rs = Stats.Of(rss[n].Select(x => x / 1024).ToArray());
                var hs = Stats.Of(heap[n].Select(x => x / 1024).ToArray());
                table.Add(n.ToString("N0"), rs.Median.ToString("F1"), rs.Spread("F1"), hs.Median.ToString("F1"), hs.Spread("F1"));
            }
            Console.WriteLine(table);
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }

    internal static async Task<string> Login(HttpClient http, string login, string password)
    {
        var response = await http.PostAsync("/xuc/api/2.0/auth/login",
            new StringContent(new JObject { ["login"] = login, ["password"] = password }.ToString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["token"]!;
    }

    internal sealed record Sample(double Rss, double Heap);

    /// <summary>The server's heap after a full GC (its diagnostics endpoint), then its resident set from /proc.</summary>
    internal static async Task<Sample> Memory(HttpClient http, string adminToken, int pid, int expectedSessions)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/xuc/api/2.0/diagnostics/memory");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        if ((int)body["ctiSessions"]! != expectedSessions)
            throw new InvalidOperationException($"the server holds {(int)body["ctiSessions"]!} sessions, {expectedSessions} expected");
        return new Sample(ResidentBytes(pid) ?? (long)body["residentBytes"]!, (long)body["managedHeapBytes"]!);
    }

    private static long? ResidentBytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
