using Xuc.Ami.Recording;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xunit.Abstractions;

namespace Xuc.Tests.PbxSim;

/// <summary>
/// PbxSim against a real Asterisk 22.10.1: each scenario of tests/Xuc.Tests/Fixtures/Asterisk22 (recorded on the real PBX,
/// see its README) is played on the simulator and both streams are compared structurally (<see cref="FidelityProfile"/>).
/// Every difference must be on the allow-list (fidelity-allow.txt, each with its reason), and every entry of the list must
/// still be a difference, so the list shrinks as the simulator follows Asterisk more closely.
/// </summary>
public sealed class FidelityTests(ITestOutputHelper output)
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Asterisk22");

    private sealed record Scenario(string Name, Action<PbxModel> Setup, Func<PbxSimulator, SimSession, Task> Play);

    /// <summary>A raw AMI peer on the simulator that names the actions it sends, as the recorder did on the real PBX.</summary>
    private sealed class SimSession(RawAmi ami)
    {
        private int _n;
        public RawAmi Ami { get; } = ami;
        public Dictionary<string, string> Actions { get; } = [];

        public async Task<List<KeyValuePair<string, string>>> SendAsync(string action, params (string Name, string Value)[] headers)
        {
            var id = $"fid-{++_n}";
            Actions[id] = Label(Actions.Values, action);
            await Ami.SendAsync($"Action: {action}\r\nActionID: {id}\r\n" + string.Concat(headers.Select(h => $"{h.Name}: {h.Value}\r\n")) + "\r\n");
            return await Ami.ReadUntilAsync("ActionID", id);
        }
    }

    private static string Label(IEnumerable<string> sent, string action)
    {
        var n = sent.Count(a => a == action || a.StartsWith(action + "#", StringComparison.Ordinal));
        return n == 0 ? action : $"{action}#{n + 1}";
    }

    private static void Queue(PbxModel m, string name, string number, QueueStrategy strategy, params (string Interface, string? State)[] members)
    {
        m.AddQueue(name, number, strategy);
        foreach (var (i, s) in members) m.AddMember(name, i, "Agent " + (s ?? i)[^4..], stateInterface: s, isStatic: true);
    }

    /// <summary>The real recording's configuration (recorder/mkconf.sh): phones, queues and static members.</summary>
    private static void Pbx(PbxModel m)
    {
        foreach (var e in new[] { "1001", "1002", "1003", "1004", "1006", "1007" }) m.AddEndpoint(e);
        Queue(m, "sales", "3000", QueueStrategy.RingAll, ("PJSIP/1001", null), ("PJSIP/1002", null));
        Queue(m, "support", "3001", QueueStrategy.RrMemory, ("PJSIP/1006", null), ("PJSIP/1007", null));
        Queue(m, "salesl", "3003", QueueStrategy.RingAll, ("Local/1001@agents", "PJSIP/1001"), ("Local/1002@agents", "PJSIP/1002"));
        Queue(m, "supportl", "3004", QueueStrategy.RrMemory, ("Local/1006@agents/n", "PJSIP/1006"), ("Local/1007@agents/n", null));
        m.AddQueue("billing", "3002");
    }

    private static Func<PbxSimulator, SimSession, Task> Steps(Action<PbxModel> steps) => (sim, _) => { steps(sim.Model); return Task.CompletedTask; };

    private static void AnsweredThenCallerHangsUp(PbxModel m, string to, string answerer)
    {
        var caller = m.ExternalCall("0612345678", to);
        m.Answer(answerer);
        m.Hangup(caller);
    }

    private static void RingNoAnswerThenNext(PbxModel m, string to)
    {
        var caller = m.ExternalCall("0611111111", to);
        m.RingTimeout("1006");
        m.Answer("1007");
        m.Hangup(caller);
    }

    private static readonly Scenario[] Scenarios =
    [
        new("queue-answered", Pbx, Steps(m => AnsweredThenCallerHangsUp(m, "3000", "1002"))),
        new("queue-answered-up", Pbx, Steps(m => AnsweredThenCallerHangsUp(m, "3000", "1002"))),
        new("queue-local-answered", Pbx, Steps(m => AnsweredThenCallerHangsUp(m, "3003", "1002"))),
        new("queue-abandon", Pbx, Steps(m => m.Hangup(m.ExternalCall("0622222222", "3000")))),
        new("queue-local-abandon", Pbx, Steps(m => m.Hangup(m.ExternalCall("0622222222", "3003")))),
        new("queue-ring-no-answer", Pbx, Steps(m => RingNoAnswerThenNext(m, "3001"))),
        new("queue-local-ring-no-answer", Pbx, Steps(m => RingNoAnswerThenNext(m, "3004"))),
        new("queue-agent-hangs-up", Pbx, async (sim, s) =>
        {
            sim.Model.ExternalCall("0612345678", "3000");
            sim.Model.Answer("1001");
            var agent = (await s.Ami.ReadUntilAsync("Event", "AgentConnect")).Get("DestChannel")!;
            await s.SendAsync("Hangup", ("Channel", agent), ("Cause", "16"));
        }),
        new("internal-call", Pbx, Steps(m =>
        {
            m.Dial("1001", "1002");
            m.Answer("1002");
            m.Hangup("1001");
        })),
        new("originate", Pbx, async (sim, s) =>
        {
            await s.SendAsync("Originate", ("Channel", "PJSIP/1001"), ("Context", "default"), ("Exten", "1002"), ("Priority", "1"),
                ("CallerID", "\"Support\" <3001>"), ("Variable", "USR_ticket=42"), ("Async", "true"), ("Timeout", "20000"));
            sim.Model.Answer("1001");
            sim.Model.Answer("1002");
            var callee = (await s.Ami.ReadUntilAsync("Event", "BridgeEnter")).Get("Channel")!;
            var enter = await s.Ami.ReadUntilAsync("Event", "BridgeEnter");
            if (enter.Get("Channel")!.StartsWith("PJSIP/1002")) callee = enter.Get("Channel")!;
            await s.SendAsync("Hangup", ("Channel", callee));
        }),
        new("members", Pbx, async (_, s) =>
        {
            await s.SendAsync("QueueAdd", ("Queue", "billing"), ("Interface", "PJSIP/1004"), ("MemberName", "Bill"), ("Penalty", "3"));
            await s.SendAsync("QueuePause", ("Queue", "billing"), ("Interface", "PJSIP/1004"), ("Paused", "true"), ("Reason", "lunch"));
            await s.SendAsync("QueuePause", ("Queue", "billing"), ("Interface", "PJSIP/1004"), ("Paused", "false"));
            await s.SendAsync("QueuePenalty", ("Queue", "billing"), ("Interface", "PJSIP/1004"), ("Penalty", "1"));
            await s.SendAsync("QueueRemove", ("Queue", "billing"), ("Interface", "PJSIP/1004"));
            await s.SendAsync("QueueRemove", ("Queue", "sales"), ("Interface", "PJSIP/1001"));
            await s.SendAsync("QueuePause", ("Queue", "sales"), ("Interface", "PJSIP/1001"), ("Paused", "true"), ("Reason", "break"));
            await s.SendAsync("QueuePause", ("Queue", "sales"), ("Interface", "PJSIP/1001"), ("Paused", "false"));
        }),
        new("actions", Pbx, async (_, s) =>
        {
            foreach (var a in new[] { "DeviceStateList", "PJSIPShowEndpoints", "Status", "CoreSettings", "CoreStatus", "CoreShowChannels",
                         "QueueStatus", "QueueSummary", "ExtensionStateList", "Ping", "ConfbridgeListRooms" })
                await s.SendAsync(a);
            await s.SendAsync("Events", ("EventMask", "on"));
            await s.SendAsync("NoSuchAction");
        }),
    ];

    private static FidelityProfile Real(string scenario)
    {
        var capture = AmiCaptureReader.ReadFile(Path.Combine(Dir, scenario + ".ami"));
        var actions = new Dictionary<string, string>();
        foreach (var a in capture.Items.OfType<CapturedAction>()) actions[a.ActionId] = Label(actions.Values, a.Action);
        var messages = capture.Messages.Select(m => m.Headers.ToList());
        return FidelityProfile.Of(messages, actions);
    }

    private static async Task<FidelityProfile> Simulated(Scenario scenario)
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0, Events = SimEventLevel.Realistic, AmiVersion = "11.0.0" });
        scenario.Setup(sim.Model);
        await sim.StartAsync();
        await using var ami = await RawAmi.ConnectAsync(sim.Port);
        var session = new SimSession(ami);
        await session.SendAsync("Login", ("Username", "xuc"), ("Secret", "xucpass"));
        await ami.ReadUntilAsync("Event", "FullyBooted");
        await scenario.Play(sim, session);
        // Everything the scenario caused was queued before this Ping's answer.
        await ami.SendAsync("Action: Ping\r\nActionID: fidelity-end\r\n\r\n");
        await ami.ReadUntilAsync("ActionID", "fidelity-end");
        return FidelityProfile.Of(ami.Log, session.Actions);
    }

    /// <summary>The allow-list: <c>key | reason</c> per line, a key ending in <c>*</c> covering every key it starts.</summary>
    private static List<(string Key, string Reason)> Allowed() =>
        File.ReadAllLines(Path.Combine(Dir, "fidelity-allow.txt"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('|', 2))
            .Select(p => (p[0].Trim(), p.Length > 1 ? p[1].Trim() : ""))
            .ToList();

    private static bool Covers(string allowed, string key) =>
        allowed.EndsWith('*') ? key.StartsWith(allowed[..^1], StringComparison.Ordinal) : allowed == key;

    [Fact]
    public async Task The_simulator_sends_what_a_real_Asterisk_22_sends_on_the_same_scenarios_but_for_the_allow_listed_differences()
    {
        var real = new Dictionary<string, FidelityProfile>();
        var simulated = new Dictionary<string, FidelityProfile>();
        foreach (var s in Scenarios)
        {
            real[s.Name] = Real(s.Name);
            simulated[s.Name] = await Simulated(s);
        }
        var differences = new List<string>();

        var realTypes = real.Values.SelectMany(p => p.EventTypes).ToHashSet();
        var simTypes = simulated.Values.SelectMany(p => p.EventTypes).ToHashSet();
        var missingTypes = realTypes.Except(simTypes).Order().ToList();
        differences.AddRange(missingTypes.Select(t => $"type {t}"));

        var common = realTypes.Intersect(simTypes).Order().ToList();
        var headerDiffs = new List<string>();
        foreach (var t in common)
        {
            var realLists = real.Values.SelectMany(p => p.HeaderLists.GetValueOrDefault(t) ?? []).ToHashSet();
            var simLists = simulated.Values.SelectMany(p => p.HeaderLists.GetValueOrDefault(t) ?? []).ToHashSet();
            var missing = realLists.Except(simLists).ToList();
            if (missing.Count == 0) continue;
            headerDiffs.Add(t);
            differences.Add($"headers {t}");
            foreach (var l in missing) output.WriteLine($"headers {t}: real {l}\n   simulator: {string.Join(" / ", simLists)}");
        }

        var responses = 0;
        var sameResponses = 0;
        var sequences = 0;
        var sameSequences = 0;
        foreach (var s in Scenarios)
        {
            var (r, m) = (real[s.Name], simulated[s.Name]);
            foreach (var (action, text) in r.Responses.Where(kv => kv.Key != "Logoff"))
            {
                responses++;
                if (m.Responses.GetValueOrDefault(action) == text) { sameResponses++; continue; }
                differences.Add($"response {s.Name} {action}");
                output.WriteLine($"response {s.Name} {action}: real {text}\n   simulator: {m.Responses.GetValueOrDefault(action) ?? "(none)"}");
            }
            foreach (var (role, seq) in r.Sequences)
            {
                sequences++;
                var mine = m.Sequences.GetValueOrDefault(role);
                if (mine is not null && mine.SequenceEqual(seq)) { sameSequences++; continue; }
                differences.Add($"sequence {s.Name} {role}");
                output.WriteLine($"sequence {s.Name} {role}: real {string.Join(" ", seq)}\n   simulator: {(mine is null ? "(no such channel)" : string.Join(" ", mine))}");
            }
        }

        output.WriteLine($"event types sent by the real PBX: {realTypes.Count}, also by the simulator: {realTypes.Count - missingTypes.Count}; missing: {string.Join(", ", missingTypes)}");
        output.WriteLine($"simulator-only types: {string.Join(", ", simTypes.Except(realTypes).Order())}");
        output.WriteLine($"header lists (event types both send): {common.Count - headerDiffs.Count}/{common.Count} identical; differing: {string.Join(", ", headerDiffs)}");
        output.WriteLine($"action responses: {sameResponses}/{responses} identical");
        output.WriteLine($"per-channel sequences: {sameSequences}/{sequences} identical");

        var allowed = Allowed();
        Assert.All(allowed, a => Assert.False(string.IsNullOrWhiteSpace(a.Reason), $"allow-list entry '{a.Key}' gives no reason"));
        var unexplained = differences.Where(d => !allowed.Any(a => Covers(a.Key, d))).ToList();
        var stale = allowed.Where(a => !differences.Any(d => Covers(a.Key, d))).Select(a => a.Key).ToList();
        Assert.True(unexplained.Count == 0, "differences not on the allow-list:\n" + string.Join("\n", unexplained));
        Assert.True(stale.Count == 0, "allow-list entries that are no longer differences (remove them):\n" + string.Join("\n", stale));
    }
}
