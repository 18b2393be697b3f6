using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Ctl;
using Xuc.PbxSim;
using Xuc.Tests.Support;
using static Xuc.Tests.Support.FrameWatch;

namespace Xuc.Tests.Ops;

/// <summary>
/// <c>xuc-ctl</c>'s verbs run through its real entry point against a whole server on the bundled simulator
/// (docs/operations.md): each verb's table and <c>--json</c>, its exit codes, the Admin-only refusal, a kick that
/// closes the user's socket, a force-logout that takes the agent out of his queues on the PBX. Each test uses its
/// own users and agents (the class shares one server).
/// </summary>
public sealed class CtlTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private PbxSimulator Sim => Server.App.Simulator!;
    private Uri Address => Server.App.BaseAddress;

    private Task<string> AdminToken() => CtiClient.TokenAsync(Server, "admin", "admin");

    private async Task<CtlRun.Result> Admin(params string[] args) => await CtlRun.RunAsync(Address, await AdminToken(), args);

    private static void Ok(CtlRun.Result r)
    {
        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.Equal("", r.Err);
    }

    private static string[] Lines(CtlRun.Result r) => r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task ClusterShowNamesThisNodeUpAndLeader()
    {
        var self = Akka.Cluster.Cluster.Get(Server.App.Web.Services.GetRequiredService<Akka.Actor.ActorSystem>()).SelfAddress.ToString();
        var table = await Admin("cluster", "show");
        Ok(table);
        Assert.Equal(["ADDRESS", "STATUS", "REACHABLE", "LEADER", "SELF", "ROLES"], Lines(table)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal([self, "Up", "yes", "yes", "yes", "xuc"], Lines(table)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var json = await Admin("cluster", "show", "--json");
        Ok(json);
        Assert.Equal(self, (string?)json.Json["self"]);
        Assert.Equal(self, (string?)json.Json["leader"]);
        var member = Assert.Single((JArray)json.Json["members"]!);
        Assert.Equal("Up", (string?)member["status"]);
        Assert.True((bool)member["reachable"]!);
    }

    [Fact]
    public async Task ShardingRegionsAndRegionStatsCountTheConfiguredEntities()
    {
        // The demo configuration: 12 lines, 3 queues, 10 agents; every entity is started at start-up.
        var expected = new Dictionary<string, int> { ["agent"] = 10, ["line"] = 12, ["queue"] = 3 };
        await Wait.Until(async () =>
        {
            var regions = (await Admin("cluster-sharding", "regions", "--json")).Json["regions"]!;
            return expected.All(e => (int?)regions.FirstOrDefault(r => (string?)r["type"] == e.Key)?["entities"] == e.Value);
        }, TimeSpan.FromSeconds(20), "every configured entity running");

        var table = await Admin("cluster-sharding", "regions");
        Ok(table);
        Assert.Equal("TYPE   NODES  SHARDS  ENTITIES", Lines(table)[0]);
        Assert.Equal(["agent", "line", "queue"], Lines(table).Skip(1).Select(l => l.Split(' ')[0]));
        Assert.EndsWith(" 12", Lines(table)[2]);

        var stats = await Admin("cluster-sharding", "region-stats", "-r", "queue", "--json");
        Ok(stats);
        var node = Assert.Single((JArray)stats.Json["nodes"]!);
        Assert.Equal(3, (int)node["entities"]!);
        var statsTable = await Admin("cluster-sharding", "region-stats", "-r", "queue");
        Ok(statsTable);
        Assert.Equal(["NODE", "SHARDS", "ENTITIES", "FAILED"], Lines(statsTable)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("3", Lines(statsTable)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]);
    }

    [Fact]
    public async Task AgentsAmiQueueConfigAndLogLevelAnswerInTablesAndJson()
    {
        var agents = await Admin("agents", "--json");
        Ok(agents);
        var list = (JArray)agents.Json["agents"]!;
        Assert.Equal(10, list.Count);
        Assert.Equal("James Bond", (string?)list[0]["name"]);
        var table = await Admin("agents");
        Ok(table);
        Assert.Equal(["ID", "NUMBER", "NAME", "STATUS", "PHONE", "QUEUES", "SINCE"], Lines(table)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(11, Lines(table).Length);
        Assert.StartsWith("10  2010", Lines(table)[10]);

        var ami = await Admin("ami", "status", "--json");
        Ok(ami);
        Assert.True((bool)ami.Json["connected"]!);
        Assert.Equal($"127.0.0.1:{Sim.Port}", (string?)ami.Json["pbx"]);
        var amiTable = await Admin("ami", "status");
        Ok(amiTable);
        Assert.StartsWith($"127.0.0.1:{Sim.Port}  yes", Lines(amiTable)[1]);

        var resync = await Admin("ami", "resync", "--json");
        Ok(resync);
        Assert.True((int)resync.Json["events"]! > 0, resync.Out); // the hints of the demo lines at least

        var stats = await Admin("queue", "stats", "1", "--json");
        Ok(stats);
        Assert.Equal("sales", (string?)stats.Json["name"]);
        Assert.Contains(stats.Json["counters"]!, c => (string?)c["name"] == "TotalNumberCallsEntered");
        var byName = await Admin("queue", "stats", "sales");
        Ok(byName);
        Assert.Equal("queue 1 sales", Lines(byName)[0]);
        Assert.Equal(["COUNTER", "VALUE"], Lines(byName)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var reload = await Admin("config", "reload", "--json");
        Ok(reload);
        Assert.Equal(10, (int)reload.Json["agents"]!);
        Assert.Equal(0, (int)reload.Json["entitiesChanged"]!); // nothing changed beside Xuc

        var level = await Admin("log", "level", "warning");
        Ok(level);
        Assert.EndsWith("log level warning (was warning)", Lines(level)[0]); // the test servers start at WARNING
    }

    [Fact]
    public async Task RefusedWithoutAnAdminToken()
    {
        var none = await CtlRun.RunAsync(Address, null, "agents");
        Assert.Equal(ExitCodes.Usage, none.Code);
        Assert.Contains("--token", none.Err);

        var forged = await CtlRun.RunAsync(Address, "not-a-token", "agents");
        Assert.Equal(ExitCodes.Unreachable, forged.Code);
        Assert.Contains("401 InvalidToken", forged.Err);

        var agent = await CtlRun.RunAsync(Address, await CtiClient.TokenAsync(Server, "qboothroyd", "qboothroyd"), "agents");
        Assert.Equal(ExitCodes.Unreachable, agent.Code);
        Assert.Contains("403 NotAuthorized", agent.Err);
        Assert.Equal("", agent.Out);

        var wrongPassword = await CtlRun.RunAsync(Address, null, "--login", "admin", "--password", "nope", "agents");
        Assert.Equal(ExitCodes.Unreachable, wrongPassword.Code);
        var login = await CtlRun.RunAsync(Address, null, "--login", "admin", "--password", "admin", "agents", "--json");
        Ok(login);

        // The API itself, for any other client.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Rest.AnswerAsync(Server.Http, HttpMethod.Post, "/xuc/api/2.0/ops/agents/3/logout", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Rest.AnswerAsync(Server.Http, HttpMethod.Post, "/xuc/api/2.0/ops/agents/3/logout",
            await CtiClient.TokenAsync(Server, "qboothroyd", "qboothroyd"))).Status);
    }

    [Fact]
    public async Task UsageUnreachableAndRefusalExitCodes()
    {
        Assert.Equal(ExitCodes.Usage, (await Admin("no-such-verb")).Code);
        Assert.Equal(ExitCodes.Usage, (await Admin("cluster-sharding", "region-stats")).Code); // -r is required
        Assert.Equal(ExitCodes.Usage, (await CtlRun.RunAsync(new Uri("http://127.0.0.1:1"), "t", "--server", "ftp://x", "agents")).Code);

        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var unreachable = await CtlRun.RunAsync(closed, "t", "agents");
        Assert.Equal(ExitCodes.Unreachable, unreachable.Code);
        Assert.StartsWith("xuc-ctl: cannot reach", unreachable.Err);

        foreach (var args in new[]
        {
            new[] { "queue", "stats", "999" }, ["agent", "force-logout", "999"], ["agent", "force-logout", "4"], // 4: not logged in
            ["cluster", "leave", "akka.tcp://xuc@127.0.0.1:1"], ["cluster", "down", "akka.tcp://xuc@127.0.0.1:1"],
            ["cluster-sharding", "region-stats", "-r", "nosuch"], ["log", "level", "loud"], ["sessions", "kick", "nobody-here"],
        })
        {
            var r = await Admin(args);
            Assert.True(r.Code == ExitCodes.Refused, string.Join(" ", args) + ": " + r);
            Assert.StartsWith("xuc-ctl: ", r.Err);
            Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        Assert.Contains("is not logged in", (await Admin("agent", "force-logout", "4")).Err);
    }

    [Fact]
    public async Task SessionsKickClosesTheUsersWebSocket()
    {
        await using var bob = await CtiClient.LoginAsync(Server, "bob", "bob");
        await bob.ReceiveOfTypeAsync("LoggedOn");
        await Wait.Until(async () => (await Admin("sessions", "bob", "--json")).Json["nodes"]![0]!["count"]!.Value<int>() == 1,
            TimeSpan.FromSeconds(10), "bob's session listed");
        var table = await Admin("sessions", "bob");
        Ok(table);
        Assert.Equal(["NODE", "LOGIN", "SESSION", "SINCE"], Lines(table)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("bob", Lines(table)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

        var kick = await Admin("sessions", "kick", "bob");
        Ok(kick);
        Assert.Equal("closed 1 session(s) of bob", Lines(kick)[0]);
        Assert.Equal("closed by the administrator admin", await bob.ReceiveCloseAsync());
        await Wait.Until(async () => (await Admin("sessions", "bob", "--json")).Json["nodes"]![0]!["count"]!.Value<int>() == 0,
            TimeSpan.FromSeconds(10), "bob's session gone");
    }

    [Fact]
    public async Task AgentForceLogoutTakesHimOutOfHisQueuesOnThePbx()
    {
        // Demo agent 5 (bmawdsley, line 1005): his default queues.
        await using var agent = await CtiClient.LoginAsync(Server, "bmawdsley", "bmawdsley");
        await agent.ReceiveOfTypeAsync("LoggedOn");
        await agent.SendAsync(Command("agentLogin", new { agentphonenumber = "1005" }));
        await UntilAsync(agent, ("ready", f => AgentIs(f, 5, "AgentReady")));
        var queues = Sim.Model.Queues.Where(q => q.Members.Any(m => m.Interface == "PJSIP/1005")).Select(q => q.Name).Order().ToList();
        Assert.NotEmpty(queues);
        var listed = (await Admin("agents", "--json")).Json["agents"]!.Single(a => (int)a["id"]! == 5);
        Assert.Equal("Ready", (string?)listed["status"]);
        Assert.Equal("1005", (string?)listed["phone"]);

        Sim.Observed.Watch("QueueRemove");
        Sim.Observed.Take();
        var logout = await Admin("agent", "force-logout", "5");
        Ok(logout);
        Assert.Equal("agent 5 logged out (phone 1005)", Lines(logout)[0]);
        await UntilAsync(agent, ("logged out", f => AgentIs(f, 5, "AgentLoggedOut")));
        Assert.Equal(queues.Select(q => $"Action: QueueRemove|Queue: {q}|Interface: PJSIP/1005"), Sim.Observed.Take().Order());
        Assert.DoesNotContain(Sim.Model.Queues, q => q.Members.Any(m => m.Interface == "PJSIP/1005"));
        var after = (await Admin("agents", "--json")).Json["agents"]!.Single(a => (int)a["id"]! == 5);
        Assert.Equal("LoggedOut", (string?)after["status"]);
    }
}
