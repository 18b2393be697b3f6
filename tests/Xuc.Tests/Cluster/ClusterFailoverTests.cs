using System.Collections.Concurrent;
using System.Diagnostics;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Host.Settings;
using Xuc.Host.Startup;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;
using Xunit.Abstractions;

namespace Xuc.Tests.Cluster;

/// <summary>
/// Issue 21's acceptance (<c>./build.sh cluster-test</c>): three Xuc node processes on one PostgreSQL database behind
/// HAProxy, the PBX simulator outside them (in this process, as a PBX is outside Xuc); agents logged in on sessions
/// through the load balancer, queue calls flowing; <c>kill -9</c> of the node holding the AMI singleton (the oldest).
/// Every session of the killed node is back through the load balancer within 10 s with its connect sequence and its
/// subscription (not green yet: docs/cluster.md "Not done"); every agent's state and day counters equal what the PBX did (the calls each answered: what a
/// single-node run without the kill counts, docs/cluster.md); no event twice on any connection.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Agents (and sessions): 50, the issue's number; <c>XUC_CLUSTER_AGENTS</c> sets another.</summary>
    private static readonly int Agents = int.TryParse(Environment.GetEnvironmentVariable("XUC_CLUSTER_AGENTS"), out var n) ? n : 50;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private const string TokenSecret = "cluster-test-secret";
    private readonly List<ServerProcess> _nodes = [];
    private readonly List<TempDirectory> _dirs = [];

    private static string Phone(int agent) => $"{1100 + agent}";

    /// <summary>N agents, each with his user (login agentN, NoRight) and line, all members of queue sales (no wrap-up).</summary>
    private static ConfigSnapshot Centre(int agents) => new()
    {
        Lines = Enumerable.Range(1, agents).Select(i => new Line { Id = i, Number = Phone(i), Interface = $"PJSIP/{Phone(i)}", Context = "default" }).ToList(),
        Queues = [new Queue { Id = 1, Name = "sales", DisplayName = "Sales", Number = "3000", Context = "default", WrapUpSeconds = 0 }],
        AgentGroups = [new AgentGroup { Id = 1, Name = "sales-team", DisplayName = "Sales team" }],
        Agents = Enumerable.Range(1, agents).Select(i => new Agent
        {
            Id = i, Number = $"2{i:000}", FirstName = "Agent", LastName = $"{i}", GroupId = 1, Context = "default", DefaultQueues = [new QueueMembership(1, 0)],
        }).ToList(),
        RightProfiles = [new RightProfile { Id = 1, Name = "Plain user", Kind = ProfileKind.NoRight }, new RightProfile { Id = 2, Name = "Administrator", Kind = ProfileKind.Admin }],
        Users = Enumerable.Range(1, agents).Select(i => new User
        {
            Id = i, Login = $"agent{i}", Password = $"pw-agent{i}", FirstName = "Agent", LastName = $"{i}", LineId = i, AgentId = i, RightProfileId = 1,
        }).Append(new User { Id = agents + 1, Login = "supervisor", Password = "pw-supervisor-admin", FirstName = "Ada", LastName = "Admin", RightProfileId = 2 }).ToList(),
        UserStatuses = DemoDataset.Create().UserStatuses,
    };

    [ClusterFact]
    public async Task Kill_9_of_the_ami_singletons_node_every_session_back_within_10_s_with_its_state_and_counters()
    {
        Assert.True(LoadBalancer.Binary is not null, "haproxy is not installed (./build.sh cluster-test installs it)");
        Assert.True(PgDatabase.ServerConnectionString is not null, "XUC_TEST_PG is not set (./build.sh cluster-test starts PostgreSQL)");
        await using var db = await PgDatabase.CreateAsync();
        var centre = Centre(Agents);
        using (var store = new ConfigStore(new ConfigStoreOptions { Provider = "postgres", ConnectionString = db.ConnectionString }))
        {
            await store.MigrateAsync();
            await store.ImportAsync(centre, ImportMode.Replace);
        }
        await using var sim = await EmbeddedSimulator.StartAsync(new AmiSettings { Port = 0 }, centre);
        sim.Model.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.FromSeconds(2));

        // Three nodes, each a seed; node 1 starts first and is the oldest: it holds the AMI singleton.
        var akkaPorts = Enumerable.Range(0, 3).Select(_ => FreePort.Next()).ToList();
        var seeds = string.Join(',', akkaPorts.Select(p => $"akka.tcp://xuc@127.0.0.1:{p}"));
        foreach (var port in akkaPorts)
        {
            var dir = new TempDirectory();
            _dirs.Add(dir);
            var node = ServerProcess.Start(dir.Path, new Dictionary<string, string>
            {
                ["XUC_DB_PROVIDER"] = "postgres", ["XUC_DB_CONNECTION"] = db.ConnectionString, ["XUC_SEED_DEMO"] = "off",
                ["XUC_AMI_EMBEDDED"] = "off", ["XUC_AMI_PORT"] = sim.Port.ToString(), ["XUC_AMI_RECONNECT_MAX"] = "1s",
                ["XUC_TOKEN_SECRET"] = TokenSecret, ["XUC_AKKA_PORT"] = port.ToString(), ["XUC_AKKA_SEEDS"] = seeds,
                ["XUC_AKKA_LOGLEVEL"] = "info",
            });
            _nodes.Add(node);
            (await node.ReadyAsync()).Dispose();
        }
        using var lb = new LoadBalancer(_nodes.Select(s => s.HttpPort).ToList());
        await lb.ListeningAsync();
        using var http = new HttpClient { BaseAddress = lb.Http, Timeout = TimeSpan.FromSeconds(10) };
        await Wait.Until(async () => (await http.GetAsync("/health/ready")).IsSuccessStatusCode, Within, "the load balancer serves a ready node");

        // Every agent: a session through the load balancer, his agent stats subscribed, logged in on his phone.
        var sessions = new List<ReconnectingSession>();
        const string subscribe = """{"claz":"web","command":"subscribeToAgentStats"}""";
        for (var i = 1; i <= Agents; i++)
        {
            var token = await ServerProcess.TokenAsync(http, $"agent{i}", $"pw-agent{i}");
            var address = new Uri($"ws://127.0.0.1:{lb.Port}/xuc/api/2.0/cti?token={Uri.EscapeDataString(token)}");
            sessions.Add(await ReconnectingSession.OpenAsync(address, $"agent{i}", subscribe));
        }
        for (var i = 1; i <= Agents; i++)
            await sessions[i - 1].SendAsync($$"""{"claz":"web","command":"agentLogin","agentphonenumber":"{{Phone(i)}}"}""");
        try { await Wait.Until(() => Task.FromResult(sessions.All(s => LastState(s) == "AgentReady")), Within, "every agent Ready"); }
        catch (Exception) { output.WriteLine("last states: " + string.Join(", ", sessions.GroupBy(LastState).Select(g => $"{g.Key ?? "none"} {g.Count()}"))); throw; }
        await Wait.Until(() => Task.FromResult(sim.Model.Locked(() => sim.Model.Queues.Single().Members.Count) == Agents), Within, "every agent a member of sales on the PBX");

        // Queue calls, one after another, each answered by the next agent in turn.
        var answered = new ConcurrentDictionary<int, int>();
        using var stopCalls = new CancellationTokenSource();
        var calls = Task.Run(() => CallsAsync(sim, answered, stopCalls.Token));
        await Wait.Until(() => Task.FromResult(answered.Values.Sum() >= 5), Within, "calls flow");

        var killed = _nodes[0];
        killed.Process.Kill();
        var killedAt = Stopwatch.GetTimestamp();
        output.WriteLine($"kill -9 of node 1 (pid {killed.Process.Id}) after {answered.Values.Sum()} calls");

        // The killed node's sessions are the ones that drop: kill -9 closes its sockets at once, HAProxy closes the clients'.
        await Wait.Until(() => Task.FromResult(sessions.Any(s => s.Connection > 0)), Within, "the killed node's sessions dropped");
        // The PBX's view: its AMI session from node 1 ends, then a survivor's singleton logs in.
        long amiBackAt = 0;
        await Wait.Until(() => Task.FromResult(sim.SessionCount == 0), Within, "the killed node's AMI session ended on the PBX");
        await Wait.Until(() => Task.FromResult(sim.SessionCount == 1 && (amiBackAt = Stopwatch.GetTimestamp()) > 0), Within, "the AMI singleton reconnected from a survivor");
        var moved = sessions.Where(s => s.Connection > 0).ToList();
        try { await Wait.Until(() => Task.FromResult(moved.All(s => !s.Reconnections.IsEmpty)), TimeSpan.FromSeconds(30), "the killed node's sessions reconnected"); }
        finally
        {
            output.WriteLine("failover timeline (seconds from the kill):");
            foreach (var line in FailoverTimeline.Lines(killedAt, _nodes.Skip(1).ToList(), lb, amiBackAt, moved)) output.WriteLine(line);
        }
        var backIn = moved.Select(s => Stopwatch.GetElapsedTime(killedAt, s.Reconnections.First().BackAt)).ToList();
        var callsAtKill = answered.Values.Sum();
        await Wait.Until(() => Task.FromResult(answered.Values.Sum() >= callsAtKill + 10), Within, "calls flow after the failover");
        stopCalls.Cancel();
        await calls;

        output.WriteLine($"{Agents} agents, {moved.Count} sessions on the killed node; back within (from the kill to the new connection's whole connect sequence): " +
                         (backIn.Count == 0 ? "none" : $"max {backIn.Max().TotalSeconds:F1} s, median {backIn.Order().ElementAt(backIn.Count / 2).TotalSeconds:F1} s") +
                         $"; {answered.Values.Sum()} calls answered");
        Assert.NotEmpty(moved);
        Assert.All(backIn, t => Assert.True(t < TimeSpan.FromSeconds(10), $"a session came back after {t.TotalSeconds:F1} s"));
        Assert.All(moved, s => Assert.Equal(1, s.Connection));

        // Every agent Ready again, his InbAnsCalls the calls he answered on the PBX, his InbCalls all calls offered.
        var total = answered.Values.Sum();
        await Wait.Until(() => Task.FromResult(sessions.Select((s, i) => (s, i)).All(x =>
                LastState(x.s) == "AgentReady" && Statistic(x.s, "InbAnsCalls") == answered.GetValueOrDefault(x.i + 1))),
            Within, "every agent's state and answered calls equal the PBX's");
        foreach (var s in sessions)
        {
            Assert.Equal(total, Statistic(s, "InbCalls"));
            for (var c = 0; c <= s.Connection; c++) NoEventTwice(s.Login, s.On(c));
        }
        await Task.WhenAll(sessions.Select(s => s.DisposeAsync().AsTask()));
    }

    private static async Task CallsAsync(PbxSimulator sim, ConcurrentDictionary<int, int> answered, CancellationToken stop)
    {
        for (var k = 0; !stop.IsCancellationRequested; k++)
        {
            var agent = k % Agents + 1;
            var caller = sim.Model.ExternalCall($"06990{k:00000}", "3000");
            var ringing = false;
            for (var t = 0; t < 100 && !ringing; t++)
            {
                ringing = sim.Model.Locked(() => sim.Model.Channels.Any(c => c.Name.StartsWith($"PJSIP/{Phone(agent)}-")));
                if (!ringing) await Task.Delay(50, CancellationToken.None);
            }
            if (ringing)
            {
                sim.Model.Answer(Phone(agent));
                answered.AddOrUpdate(agent, 1, (_, v) => v + 1);
                await Task.Delay(400, CancellationToken.None);
            }
            sim.Model.Hangup(caller);
            await Task.Delay(300, CancellationToken.None);
        }
    }

    private static string? LastState(ReconnectingSession s)
        => (string?)s.Frames.LastOrDefault(f => (string?)f.Frame["msgType"] == "AgentStateEvent").Frame?["ctiMessage"]?["name"];

    /// <summary>The last value of one of the agent's statistics on his latest connection (snapshot, then changes).</summary>
    private static int? Statistic(ReconnectingSession s, string name)
        => s.On(s.Connection).Where(f => (string?)f["msgType"] == "AgentStatistics")
            .SelectMany(f => f["ctiMessage"]!["statistics"]!.Children<JObject>())
            .LastOrDefault(st => (string?)st["name"] == name)?["value"]?.Value<int>();

    /// <summary>No phone event (type, channel) twice on one connection, no agent state twice in a row.</summary>
    private static void NoEventTwice(string login, List<JObject> frames)
    {
        var phone = frames.Where(f => (string?)f["msgType"] == "PhoneEvent")
            .Select(f => $"{f["ctiMessage"]!["eventType"]} {f["ctiMessage"]!["uniqueId"]}").ToList();
        Assert.True(phone.Count == phone.Distinct().Count(), $"{login}: a phone event twice: {string.Join(", ", phone.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key))}");
        var states = frames.Where(f => (string?)f["msgType"] == "AgentStateEvent").Select(f => (string?)f["ctiMessage"]!["name"]).ToList();
        for (var i = 1; i < states.Count; i++)
            Assert.True(states[i] != states[i - 1], $"{login}: {states[i]} twice in a row");
    }

    public void Dispose()
    {
        foreach (var n in _nodes) n.Dispose();
        foreach (var d in _dirs) d.Dispose();
    }
}
