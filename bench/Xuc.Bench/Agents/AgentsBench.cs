using System.Diagnostics;
using Xuc.Actors.Configuration;
using Xuc.Bench.Report;
using Xuc.Bench.Sessions;

namespace Xuc.Bench.Agents;

/// <summary>
/// Agents at scale: the real server in its own process on a store of N agents (each a user with his own line, a plain
/// agent's rights, in Q queues, 2–3 each: <see cref="AgentStore"/>), connected over AMI to a simulator in the bench's
/// process whose phones for those lines exist and are registered, and one CTI session per agent.
/// <para>Cold login: a fresh server each run, just ready; every session sends <c>agentLogin</c> on his own line at the
/// same moment; the time from the first send to the last session's <c>AgentReady</c> (each login's QueueAdds answered by
/// the simulator and their QueueMemberAdded events back included). The QueueAdds the simulator received must equal the
/// memberships. Baseline: 100 of the same store's agents on another fresh server.</para>
/// <para>State events: with all agents logged in, the simulator pauses and unpauses them (QueuePause from the PBX side,
/// one QueueMemberPause per queue of the agent), R rounds; AgentStateEvent frames delivered to the agents' own sessions
/// ÷ the time from the first pause to the last frame. Baseline: the first 100 agents driven the same way, same server.</para>
/// Usage: <c>./build.sh bench agents [runs] [agents] [queues] [rounds]</c>.
/// </summary>
public static class AgentsBench
{
    private const int BaselineAgents = 100;

    public static async Task Run(string[] args)
    {
        var runs = Arg(args, 0, 3);
        var agents = Arg(args, 1, 1000);
        var queues = Arg(args, 2, 100);
        var rounds = Arg(args, 3, 10);
        var baseline = Math.Min(BaselineAgents, agents);
        var store = AgentStore.Create(agents, queues);
        var loginBase = new List<double>();
        var login = new List<double>();
        var statesBase = new List<double>();
        var states = new List<double>();
        var amiRates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var b = await ColdLogin(store, agents, baseline, 0);
            var r = await ColdLogin(store, agents, agents, rounds);
            loginBase.Add(b.Seconds);
            login.Add(r.Seconds);
            statesBase.Add(r.BaselineRate);
            states.Add(r.Rate);
            amiRates.Add(r.AmiRate);
            Console.WriteLine($"run {run}: cold login of {baseline:N0} agents {b.Seconds:F2} s ({b.QueueAdds:N0} QueueAdds), of {agents:N0} agents {r.Seconds:F2} s ({r.QueueAdds:N0} QueueAdds; their sessions connected in {r.Connected:F1} s); " +
                              $"state events: {baseline:N0} agents {r.BaselineRate:N0}/s, {agents:N0} agents {r.Rate:N0}/s (QueueMemberPause offered at {r.AmiRate:N0}/s)");
        }
        var memberships = AgentStore.Memberships(store, agents);
        var lb = Stats.Of(loginBase);
        var l = Stats.Of(login);
        Console.WriteLine($"\nCold login: every agent's session sends agentLogin at once on a server just ready, time to the last AgentReady " +
                          $"({agents:N0} agents over {queues} queues, {memberships:N0} memberships = QueueAdds; {runs} runs, a fresh server each, median and min–max)\n");
        Console.WriteLine(new Table("agents logging in", "QueueAdds", "s to all AgentReady", "min–max s", "logins/s", "vs baseline")
            .Add($"{baseline:N0} (baseline)", AgentStore.Memberships(store, baseline).ToString("N0"), lb.Median.ToString("F2"), lb.Spread("F2"), (baseline / lb.Median).ToString("N0"), "1.00×")
            .Add($"{agents:N0}", memberships.ToString("N0"), l.Median.ToString("F2"), l.Spread("F2"), (agents / l.Median).ToString("N0"), $"{l.Median / lb.Median:F2}× the time"));
        var sb = Stats.Of(statesBase);
        var s = Stats.Of(states);
        var a = Stats.Of(amiRates);
        Console.WriteLine($"\nAgent state events end to end: with {agents:N0} agents logged in, the PBX pauses and unpauses them {rounds} times " +
                          $"(QueuePause on the simulator); AgentStateEvent frames on the agents' own sessions per second, first pause to last frame ({runs} runs, median and min–max)\n");
        Console.WriteLine(new Table("agents driven", "frames/run", "AgentStateEvent/s", "min–max", "vs baseline")
            .Add($"{baseline:N0} (baseline)", (baseline * rounds * 2).ToString("N0"), sb.Median.ToString("N0"), sb.Spread("N0"), "1.00×")
            .Add($"{agents:N0}", (agents * rounds * 2).ToString("N0"), s.Median.ToString("N0"), s.Spread("N0"), $"{s.Median / sb.Median:F2}×"));
        Console.WriteLine($"(the offered load: the simulator emitted the {agents:N0} agents' QueueMemberPause events at {a.Median:N0}/s, {a.Spread("N0")})");
    }

    private sealed record RunResult(double Seconds, int QueueAdds, double BaselineRate, double Rate, double AmiRate, double Connected);

    /// <summary>A fresh server; <paramref name="logging"/> sessions log in at once; then, when <paramref name="rounds"/> &gt; 0, the state events.</summary>
    private static async Task<RunResult> ColdLogin(ConfigSnapshot store, int agents, int logging, int rounds)
    {
        await using var pbx = await SimulatedPbxServer.StartAsync(agents + 1, store: store);
        AgentStore.AddQueues(pbx.Sim.Model, store);
        var frames = new AgentFrames(logging);
        await using var clients = new FrameClients(frames.OnFrame);
        var connecting = Stopwatch.StartNew();
        await clients.OpenAsync(Enumerable.Range(1, logging).Select(u => new Uri($"{pbx.Cti}?token={Uri.EscapeDataString(pbx.Token(u))}")).ToList(), ctiConnectSequence: true);
        var connected = connecting.Elapsed.TotalSeconds;
        pbx.Sim.Observed.Watch("QueueAdd");

        frames.Phase = AgentFrames.Login;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, logging).Select(i =>
            clients.SendAsync(i, $$"""{"claz":"web","command":"agentLogin","agentphonenumber":"{{SimulatedPbxServer.Number(i + 1)}}"}""")));
        await frames.WaitAll(clients, "AgentReady after agentLogin");
        var seconds = (frames.LastAt - start) / (double)Stopwatch.Frequency;
        var queueAdds = pbx.Sim.Observed.Take().Count;
        var expected = AgentStore.Memberships(store, logging);
        if (queueAdds != expected) throw new InvalidOperationException($"the simulator received {queueAdds} QueueAdds for {expected} memberships");
        if (rounds == 0) return new RunResult(seconds, queueAdds, 0, 0, 0, connected);

        var baselineRate = (await PauseRounds(pbx, clients, frames, Math.Min(BaselineAgents, logging), rounds, store)).Frames;
        var (rate, amiRate) = await PauseRounds(pbx, clients, frames, logging, rounds, store);
        return new RunResult(seconds, queueAdds, baselineRate, rate, amiRate, connected);
    }

    /// <summary>The PBX pauses then unpauses the first <paramref name="driven"/> agents, <paramref name="rounds"/> times; frames/s and AMI events/s.</summary>
    private static async Task<(double Frames, double Ami)> PauseRounds(SimulatedPbxServer pbx, FrameClients clients, AgentFrames frames, int driven, int rounds,
        ConfigSnapshot store)
    {
        frames.Expect(driven, rounds * 2);
        var amiEvents = AgentStore.Memberships(store, driven) * rounds * 2;
        var start = Stopwatch.GetTimestamp();
        for (var round = 0; round < rounds; round++)
            foreach (var paused in new[] { true, false })
                for (var u = 1; u <= driven; u++)
                {
                    if (pbx.Sim.Model.PauseMember($"PJSIP/{SimulatedPbxServer.Number(u)}", paused, reason: paused ? "break" : null) is { } error)
                        throw new InvalidOperationException($"QueuePause PJSIP/{SimulatedPbxServer.Number(u)}: {error}");
                }
        var emitted = Stopwatch.GetTimestamp();
        await frames.WaitAll(clients, "AgentStateEvent after QueuePause");
        return (driven * rounds * 2 / ((frames.LastAt - start) / (double)Stopwatch.Frequency), amiEvents / ((emitted - start) / (double)Stopwatch.Frequency));
    }

    private static int Arg(string[] args, int i, int fallback) => args.Length > i && int.TryParse(args[i], out var v) ? v : fallback;
}
