using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// The whole server: entities start with their configured object, and an admin change or an import reaches the
/// Line / Queue / Agent entity that holds the object.
/// </summary>
public sealed class ConfigToEntitiesTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<IActorRef> Region<T>() =>
        await _server.App.Web.Services.GetRequiredService<IActorRegistry>().GetAsync<T>();

    private async Task<HttpResponseMessage> Admin(HttpMethod method, string path, string? body = null)
    {
        var login = await _server.Http.PostAsync("/xuc/api/2.0/auth/login",
            new StringContent("{\"login\":\"admin\",\"password\":\"admin\"}", Encoding.UTF8, "application/json"));
        var request = new HttpRequestMessage(method, "/xuc/api/2.0/config" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)JObject.Parse(await login.Content.ReadAsStringAsync())["token"]!);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _server.Http.SendAsync(request);
    }

    [Fact]
    public async Task Entities_start_with_their_configuration()
    {
        var queue = await (await Region<QueueRegion>()).Ask<QueueSnapshot>(new GetQueueState("support"), Timeout);
        Assert.Equal(("Support", "3001", 10), (queue.Config?.DisplayName, queue.Config?.Number, queue.Config?.WrapUpSeconds));
        var line = await (await Region<LineRegion>()).Ask<LineSnapshot>(new GetLineState("PJSIP/1003"), Timeout);
        Assert.Equal("1003", line.Config?.Number);
        var agent = await (await Region<AgentRegion>()).Ask<AgentState>(new GetAgentState("6"), Timeout);
        Assert.Equal(2, agent.Config?.GroupId);
        var unknown = await (await Region<LineRegion>()).Ask<LineSnapshot>(new GetLineState("PJSIP/7777"), Timeout);
        Assert.Null(unknown.Config);
    }

    [Fact]
    public async Task An_admin_change_reaches_the_running_entity_and_a_rename_unconfigures_the_old_one()
    {
        var queues = await Region<QueueRegion>();
        Assert.Equal("Sales", (await queues.Ask<QueueSnapshot>(new GetQueueState("sales"), Timeout)).Config?.DisplayName);

        var put = await Admin(HttpMethod.Put, "/queue/1",
            "{\"name\":\"sales-fr\",\"displayName\":\"Ventes\",\"number\":\"3000\",\"context\":\"default\",\"wrapUpSeconds\":15}");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Wait.Until(async () => (await queues.Ask<QueueSnapshot>(new GetQueueState("sales"), Timeout)).Config is null,
            Timeout, "the entity of the old name lost its configuration");
        var renamed = await queues.Ask<QueueSnapshot>(new GetQueueState("sales-fr"), Timeout);
        Assert.Equal(("Ventes", 15), (renamed.Config?.DisplayName, renamed.Config?.WrapUpSeconds));

        var lines = await Region<LineRegion>();
        Assert.Null((await lines.Ask<LineSnapshot>(new GetLineState("PJSIP/1050"), Timeout)).Config);
        Assert.Equal(HttpStatusCode.Created, (await Admin(HttpMethod.Put, "/line/50", "{\"number\":\"1050\",\"interface\":\"PJSIP/1050\"}")).StatusCode);
        await Wait.Until(async () => (await lines.Ask<LineSnapshot>(new GetLineState("PJSIP/1050"), Timeout)).Config?.Number == "1050",
            Timeout, "the new line's entity has its configuration");
        Assert.Equal(HttpStatusCode.NoContent, (await Admin(HttpMethod.Delete, "/line/50")).StatusCode);
        await Wait.Until(async () => (await lines.Ask<LineSnapshot>(new GetLineState("PJSIP/1050"), Timeout)).Config is null,
            Timeout, "the deleted line's entity lost its configuration");
    }

    [Fact]
    public async Task An_import_reaches_the_agents_it_changes()
    {
        var agents = await Region<AgentRegion>();
        Assert.Equal("James", (await agents.Ask<AgentState>(new GetAgentState("1"), Timeout)).Config?.FirstName);

        var export = JObject.Parse(await (await Admin(HttpMethod.Get, "/export")).Content.ReadAsStringAsync());
        var firstAgent = (JObject)((JArray)export["agents"]!).First(a => (int)a["id"]! == 1);
        firstAgent["firstName"] = "Jim";
        var imported = await Admin(HttpMethod.Post, "/import?mode=merge", new JObject { ["agents"] = new JArray(firstAgent) }.ToString());
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        await Wait.Until(async () => (await agents.Ask<AgentState>(new GetAgentState("1"), Timeout)).Config?.FirstName == "Jim",
            Timeout, "agent 1 has its new first name");
    }
}
