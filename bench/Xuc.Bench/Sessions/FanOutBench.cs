using System.Diagnostics;
using System.Text;
using Xuc.Bench.Report;
using Xuc.Bench.Startup;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Sessions;

/// <summary>
/// Fan-out: N CTI sessions of one user, whose line is busy (a burst of short calls from it to eight auto-answering
/// phones), against the ceiling — a bare Kestrel WebSocket broadcast of the same number of pre-serialised frames to N
/// sockets (<see cref="RawBroadcastServer"/>) in the same run. Throughput = frames delivered to all sessions ÷ the time
/// from the burst's start to the last session's last frame (its line's EventReleased of the burst's last call).
/// Usage: <c>./build.sh bench session-fanout [runs] [sessions] [calls]</c>.
/// </summary>
public static class FanOutBench
{
    private const int Callees = 8;

    public static async Task Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 3;
        var sessions = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 1000;
        var calls = args.Length > 2 && int.TryParse(args[2], out var c) ? c : 100;
        var ours = new List<double>();
        var raw = new List<double>();
        var perSession = 0;
        for (var run = 1; run <= runs; run++)
        {
            var (framesPerSession, oursRate, sample) = await Ours(sessions, calls);
            perSession = framesPerSession;
            var rawRate = await Raw(sessions, framesPerSession, sample);
            ours.Add(oursRate);
            raw.Add(rawRate);
            Console.WriteLine($"run {run}: {framesPerSession} frames to each of {sessions:N0} sessions: Xuc {oursRate:N0} frames/s, raw Kestrel broadcast {rawRate:N0} frames/s ({oursRate / rawRate:P0})");
        }
        var o = Stats.Of(ours);
        var w = Stats.Of(raw);
        Console.WriteLine($"\nFan-out to {sessions:N0} sessions of one busy line ({calls} calls, {perSession} frames per session), {runs} runs (median, min–max; target ≥ 50 % of the raw broadcast)\n");
        Console.WriteLine(new Table("server", "frames/s", "frames/s min–max", "vs raw")
            .Add("raw Kestrel WebSocket broadcast of pre-serialised frames (ceiling)", w.Median.ToString("N0"), w.Spread("N0"), "100 %")
            .Add("Xuc: PBX events → line → sessions (serialised once per node)", o.Median.ToString("N0"), o.Spread("N0"), $"{o.Median / w.Median:P0}"));
    }

    private static async Task<(int FramesPerSession, double Rate, byte[] Sample)> Ours(int sessions, int calls)
    {
        await using var pbx = await SimulatedPbxServer.StartAsync(1 + Callees, outbox: 100_000);
        var counts = new int[sessions];
        var doneAt = new long[sessions];
        var countAtDone = new int[sessions];
        byte[]? lastUid = null;
        byte[]? sample = null;
        var counting = false;
        await using var clients = new FrameClients((i, at, frame) =>
        {
            if (!Volatile.Read(ref counting)) return;
            var n = ++counts[i];
            var span = frame.Span;
            if (sample is null && span.IndexOf("\"PhoneEvent\""u8) >= 0) sample = frame.ToArray();
            if (IsRelease(span) && doneAt[i] == 0 && Volatile.Read(ref lastUid) is { } uid && span.IndexOf(uid) >= 0)
            {
                countAtDone[i] = n;
                Volatile.Write(ref doneAt[i], at);
            }
        });
        var token = Uri.EscapeDataString(pbx.Token(1));
        await clients.OpenAsync(Enumerable.Range(0, sessions).Select(_ => new Uri($"{pbx.Cti}?token={token}")).ToList(), ctiConnectSequence: true);
        for (var k = 2; k <= 1 + Callees; k++) pbx.Sim.Model.SetEndpointBehaviour(SimulatedPbxServer.Number(k), EndpointBehaviour.AutoAnswer, TimeSpan.Zero);

        Volatile.Write(ref counting, true);
        var start = Stopwatch.GetTimestamp();
        var uids = new List<string>();
        for (var k = 0; k < calls; k++) uids.Add(pbx.Sim.Model.Dial(SimulatedPbxServer.Number(1), SimulatedPbxServer.Number(2 + k % Callees)));
        Volatile.Write(ref lastUid, Encoding.UTF8.GetBytes($"\"{uids[^1]}\""));
        foreach (var uid in uids) pbx.Sim.Model.Hangup(uid);
        for (var wait = Stopwatch.StartNew(); doneAt.Any(t => t == 0); await Task.Delay(20))
        {
            clients.CheckAlive();
            if (wait.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException($"{doneAt.Count(t => t == 0)} sessions never saw the burst's last call released");
        }
        var frames = countAtDone.Sum();
        var seconds = (doneAt.Max() - start) / (double)Stopwatch.Frequency;
        return (countAtDone.Min(), frames / seconds, sample ?? Encoding.UTF8.GetBytes("{}"));
    }

    /// <summary>The one look the clients of both runs take at each frame (the Xuc run's then checks the call's id).</summary>
    private static bool IsRelease(ReadOnlySpan<byte> frame) => frame.IndexOf("\"EventReleased\""u8) >= 0;

    private static async Task<double> Raw(int sessions, int framesPerSession, byte[] sample)
    {
        await using var server = new RawBroadcastServer(HostProcess.FreePort());
        await server.StartAsync();
        var counts = new int[sessions];
        var doneAt = new long[sessions];
        var releases = new int[sessions];
        await using var clients = new FrameClients((i, at, frame) =>
        {
            // The same look at each frame as the Xuc run's client takes, so both clients cost the same per frame.
            if (IsRelease(frame.Span)) releases[i]++;
            if (++counts[i] == framesPerSession) Volatile.Write(ref doneAt[i], at);
        });
        await clients.OpenAsync(Enumerable.Range(0, sessions).Select(_ => new Uri($"ws://127.0.0.1:{server.Port}/raw")).ToList(), ctiConnectSequence: false);
        while (server.Connected < sessions) await Task.Delay(10);
        var frames = Enumerable.Range(0, framesPerSession).Select(_ => sample).ToArray();
        var start = Stopwatch.GetTimestamp();
        await server.BroadcastAsync(frames);
        for (var wait = Stopwatch.StartNew(); doneAt.Any(t => t == 0); await Task.Delay(5))
            if (wait.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException("the raw broadcast did not arrive");
        return (double)framesPerSession * sessions / ((doneAt.Max() - start) / (double)Stopwatch.Frequency);
    }
}
