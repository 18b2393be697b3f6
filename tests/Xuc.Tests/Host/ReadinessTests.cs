using System.Collections.Concurrent;
using System.Net;
using Newtonsoft.Json.Linq;
using Xuc.PbxSim;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

public sealed class ReadinessTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    /// <summary>The server watching an external PBX (not embedded), retrying every 300 ms at most.</summary>
    private static Task<TestServer> WatchingAsync(int amiPort)
        => TestServer.StartAsync($"\nxuc.ami.embedded-simulator = off\nxuc.auth.allow-default-passwords = on\nxuc.ami.port = {amiPort}\nxuc.ami.reconnect-max = 300ms\n");

    private static async Task<(HttpStatusCode Status, JObject Body)> ReadyAsync(TestServer server)
    {
        var r = await server.Http.GetAsync("/health/ready");
        return (r.StatusCode, JObject.Parse(await r.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Without_a_pbx_the_server_is_live_but_not_ready()
    {
        var closedPort = FreePort.Next();
        await using var server = await WatchingAsync(closedPort);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/live")).StatusCode);
        var (status, body) = await ReadyAsync(server);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not-ready", (string?)body["status"]);
        Assert.Equal("loaded", (string?)body["config"]);
        Assert.NotEqual("connected", (string?)body["ami"]);
    }

    [Fact]
    public async Task A_refused_ami_login_is_not_ready_and_becomes_ready_once_the_pbx_accepts_the_secret_without_a_restart()
    {
        // manager.conf has another secret for xuc (an operator mid-change), then the server's.
        var users = new ConcurrentDictionary<string, string> { ["xuc"] = "old-secret" };
        await using var pbx = new PbxSimulator(new PbxSimOptions { Port = 0, ManagerUsers = users });
        await pbx.StartAsync();
        await using var server = await WatchingAsync(pbx.Port);

        await Wait.Until(async () => (string?)(await ReadyAsync(server)).Body["amiError"] == "LoginRefused: Authentication failed", Within,
            "readiness says the login was refused");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ReadyAsync(server)).Status);

        users["xuc"] = "xucpass";
        await Wait.Until(async () => (await ReadyAsync(server)).Status == HttpStatusCode.OK, Within, "ready once the PBX accepts the secret");
        Assert.Equal("connected", (string?)(await ReadyAsync(server)).Body["ami"]);
    }

    [Fact]
    public async Task Readiness_goes_503_when_the_ami_link_drops_and_200_after_the_reconnection()
    {
        var port = FreePort.Next();
        var first = new PbxSimulator(new PbxSimOptions { Port = port });
        await first.StartAsync();
        await using var server = await WatchingAsync(port);
        await Wait.Until(async () => (await ReadyAsync(server)).Status == HttpStatusCode.OK, Within, "ready on the first PBX");

        await first.DisposeAsync();
        await Wait.Until(async () => (await ReadyAsync(server)).Status == HttpStatusCode.ServiceUnavailable, Within, "not ready once the link drops");
        var down = (await ReadyAsync(server)).Body;
        Assert.Equal("disconnected", (string?)down["ami"]);
        Assert.StartsWith("Disconnected: ", (string?)down["amiError"]);

        await using var second = new PbxSimulator(new PbxSimOptions { Port = port });
        await second.StartAsync();
        await Wait.Until(async () => (await ReadyAsync(server)).Status == HttpStatusCode.OK, Within, "ready again after the reconnection");
    }
}
