using System.Net;
using Newtonsoft.Json.Linq;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Without_a_pbx_the_server_is_live_but_not_ready()
    {
        var closedPort = FreePort.Next();
        await using var server = await TestServer.StartAsync($"\nxuc.ami.embedded-simulator = off\nxuc.ami.port = {closedPort}\n");
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/live")).StatusCode);
        var ready = await server.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = JObject.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("not-ready", (string?)body["status"]);
        Assert.Equal("loaded", (string?)body["config"]);
        Assert.NotEqual("connected", (string?)body["ami"]);
    }
}
