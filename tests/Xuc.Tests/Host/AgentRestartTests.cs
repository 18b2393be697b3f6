using System.Text.RegularExpressions;
using Xuc.Actors.Configuration;
using Xuc.Host.Settings;
using Xuc.Host.Startup;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Agents across a restart of the server and across an AMI reconnection, on a PbxSim that outlives the server: what
/// was recorded comes back, then the PBX's QueueStatus wins (docs/cti-websocket.md, "Agents").
/// </summary>
public sealed partial class AgentRestartTests
{
    [GeneratedRegex("\"since\":\\d+")]
    private static partial Regex SinceField();

    /// <summary>The frame without its <c>since</c> (a state recorded before the restart has been held for some seconds).</summary>
    private static string Unaged(string? frame) => SinceField().Replace(frame ?? "(closed)", "\"since\":0");

    private static string State(string name, int agent, string phone, string queues, string cause = "") => CtiAgentTests.State(name, agent, phone, queues, cause);

    private static string Command(string command, string arguments) => CtiAgentTests.Command(command, arguments);

    private static async Task<CtiClient> Agent(TestServer server, string login, string expectedState)
    {
        var client = await CtiClient.LoginAsync(server, login, login);
        await client.ReceiveManyAsync(8);
        Assert.Equal(expectedState, Unaged(await client.ReceiveAsync()));
        return client;
    }

    [Fact]
    public async Task Logged_and_paused_agents_come_back_after_a_restart_and_the_pbx_wins_after_a_restart_and_a_reconnection()
    {
        await using var sim = await EmbeddedSimulator.StartAsync(new AmiSettings { Port = 0 }, DemoDataset.Create());
        using var dir = new TempDirectory();
        var hocon = $"\nxuc.ami.embedded-simulator = off\nxuc.auth.allow-default-passwords = on\nxuc.ami.port = {sim.Port}\nxuc.ami.reconnect-max = 300ms\nxuc.ami.action-timeout = 1s\n";

        await using (var first = await TestServer.StartInAsync(dir.Path, hocon))
        {
            await Wait.Until(async () => (await first.Http.GetAsync("/health/ready")).IsSuccessStatusCode, CtiClient.Patience, "AMI connected");
            await using var jbond = await Agent(first, "jbond", State("AgentLoggedOut", 1, "", ""));
            await jbond.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1001\""));
            Assert.Equal(State("AgentReady", 1, "1001", "1,3"), Unaged(await jbond.ReceiveAsync()));
            await using var money = await Agent(first, "mmoneypenny", State("AgentLoggedOut", 2, "", ""));
            await money.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1002\""));
            Assert.Equal(State("AgentReady", 2, "1002", "1,3"), Unaged(await money.ReceiveAsync()));
            await money.SendAsync(Command("pauseAgent", "\"reason\":\"lunch\""));
            Assert.Equal(State("AgentOnPause", 2, "1002", "1,3", "lunch"), Unaged(await money.ReceiveAsync()));
            await using var q = await Agent(first, "qboothroyd", State("AgentLoggedOut", 3, "", ""));
            await q.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1003\""));
            Assert.Equal(State("AgentReady", 3, "1003", "1,3"), Unaged(await q.ReceiveAsync()));
        }

        // While the server is down, agent 3 is logged out on the PBX by another tool.
        Assert.Null(sim.Model.RemoveMember("sales", "PJSIP/1003"));
        Assert.Null(sim.Model.RemoveMember("billing", "PJSIP/1003"));

        await using var second = await TestServer.StartInAsync(dir.Path, hocon);
        await using var jbondAgain = await Agent(second, "jbond", State("AgentReady", 1, "1001", "1,3"));
        await using var moneyAgain = await Agent(second, "mmoneypenny", State("AgentOnPause", 2, "1002", "1,3", "lunch"));
        // Agent 3 is first read as recorded, then the PBX's QueueStatus (once AMI is up) logs him out.
        var q3 = await CtiClient.LoginAsync(second, "qboothroyd", "qboothroyd");
        await q3.ReceiveManyAsync(8);
        var frames = new List<string> { Unaged(await q3.ReceiveAsync()) };
        while (frames[^1] != State("AgentLoggedOut", 3, "1003", "")) frames.Add(Unaged(await q3.ReceiveAsync()));
        Assert.Equal(State("AgentReady", 3, "1003", "1,3"), frames[0]);
        Assert.Equal(2, frames.Count);
        await q3.DisposeAsync();

        // A link cut: meanwhile the PBX pauses agent 1 and takes him out of billing; the resync's QueueStatus wins.
        // (Logins are held back until the PBX has changed, so the change is learnt from the resync, not live.)
        await Wait.Until(async () => (await second.Http.GetAsync("/health/ready")).IsSuccessStatusCode, CtiClient.Patience, "AMI connected");
        sim.Faults.Withhold("Login");
        sim.DisconnectClients();
        await Wait.Until(() => Task.FromResult(sim.Faults.DroppedActions > 0), CtiClient.Patience, "Xuc tries to log in again");
        Assert.Null(sim.Model.RemoveMember("billing", "PJSIP/1001"));
        Assert.Null(sim.Model.PauseMember("PJSIP/1001", true, reason: "meeting"));
        sim.Faults.Clear();
        var seen = new List<string>();
        try
        {
            do seen.Add(Unaged(await jbondAgain.ReceiveAsync()));
            while (seen[^1] != State("AgentOnPause", 1, "1001", "1", "meeting"));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("not seen; frames: " + string.Join("\n", seen));
        }
        await jbondAgain.SendAsync("""{"claz":"ping"}""");
        Assert.Equal("""{"msgType":"Pong","ctiMessage":{}}""", await jbondAgain.ReceiveAsync());
        await moneyAgain.SendAsync("""{"claz":"ping"}""");
        Assert.Equal("""{"msgType":"Pong","ctiMessage":{}}""", await moneyAgain.ReceiveAsync());
    }
}
