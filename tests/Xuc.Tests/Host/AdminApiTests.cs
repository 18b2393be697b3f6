using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>The admin REST API over real HTTP: Admin only, validated writes, refusals that name the field.</summary>
public sealed class AdminApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Server.Http;

    private async Task<string> Token(string login)
    {
        var r = await Http.PostAsync("/xuc/api/2.0/auth/login", new StringContent(new JObject { ["login"] = login, ["password"] = login }.ToString(), Encoding.UTF8, "application/json"));
        return (string)JObject.Parse(await r.Content.ReadAsStringAsync())["token"]!;
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string login, string? body = null)
    {
        var request = new HttpRequestMessage(method, "/xuc/api/2.0/config" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Token(login));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Http.SendAsync(request);
    }

    [Fact]
    public async Task Only_admins_get_in()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/queue", "admin")).StatusCode);
        var refused = await Send(HttpMethod.Get, "/queue", "bob");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("NotAuthorized", (string?)JObject.Parse(await refused.Content.ReadAsStringAsync())["error"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/queue", "alice")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync("/xuc/api/2.0/config/queue")).StatusCode);
    }

    [Fact]
    public async Task Lists_never_show_password_hashes_and_unknown_kinds_are_named()
    {
        // Other tests of the class add users: this one checks the demo's thirteen, whoever else is there.
        var users = JArray.Parse(await (await Send(HttpMethod.Get, "/user", "admin")).Content.ReadAsStringAsync());
        Assert.Superset(Xuc.Actors.Configuration.DemoDataset.Create().Users.Select(u => u.Login).ToHashSet(), users.Select(u => (string)u["login"]!).ToHashSet());
        Assert.All(users, u => Assert.Null(u["passwordHash"]));
        var unknown = await Send(HttpMethod.Get, "/trunk", "admin");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("user, line, agent, queue", (string?)JObject.Parse(await unknown.Content.ReadAsStringAsync())["message"]);
    }

    [Fact]
    public async Task Create_update_delete_a_queue_and_refuse_bad_ones_by_field()
    {
        var created = await Send(HttpMethod.Post, "/queue", "admin", "{\"id\":10,\"name\":\"vip\",\"displayName\":\"VIP\",\"number\":\"3010\"}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(HttpMethod.Post, "/queue", "admin", "{\"id\":10,\"name\":\"vip2\",\"number\":\"3011\"}")).StatusCode);

        var updated = await Send(HttpMethod.Put, "/queue/10", "admin", "{\"name\":\"vip\",\"displayName\":\"Very important\",\"number\":\"3010\",\"wrapUpSeconds\":20}");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(20, (int)JObject.Parse(await updated.Content.ReadAsStringAsync())["wrapUpSeconds"]!);

        var duplicate = await Send(HttpMethod.Post, "/queue", "admin", "{\"id\":11,\"name\":\"other\",\"number\":\"3010\"}");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var body = JObject.Parse(await duplicate.Content.ReadAsStringAsync());
        Assert.Equal("InvalidConfiguration", (string?)body["error"]);
        Assert.Contains("number '3010' is used more than once", (string?)body["message"]);

        var badType = await Send(HttpMethod.Post, "/queue", "admin", "{\"id\":\"twelve\",\"name\":\"x\",\"number\":\"3012\"}");
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal("InvalidJson", (string?)JObject.Parse(await badType.Content.ReadAsStringAsync())["error"]);

        var stillUsed = await Send(HttpMethod.Delete, "/queue/1", "admin");
        Assert.Equal(HttpStatusCode.BadRequest, stillUsed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, "/queue/10", "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/queue/10", "admin")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/queue", "{\"id\":30,\"name\":\"q30\",\"number\":3030}", "number: a string is expected, not the number 3030", "/queue/30")]
    [InlineData("POST", "/queue", "{\"id\":22.5,\"name\":\"q22\",\"number\":\"3022\"}", "id: an integer is expected, not the number 22.5", "/queue/22")]
    [InlineData("PUT", "/queue/31", "{\"name\":true,\"number\":\"3031\"}", "name: a string is expected, not true", "/queue/31")]
    [InlineData("POST", "/rightprofile", "{\"id\":40,\"name\":\"p\",\"kind\":1}", "kind", "/rightprofile/40")]
    public async Task A_value_of_the_wrong_json_type_is_refused_by_field(string method, string path, string body, string expected, string notCreated)
    {
        var refused = await Send(new HttpMethod(method), path, "admin", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var answer = JObject.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("InvalidJson", (string?)answer["error"]);
        Assert.Contains(expected, (string?)answer["message"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, notCreated, "admin")).StatusCode);
    }

    [Fact]
    public async Task A_put_whose_body_names_another_id_is_refused()
    {
        var refused = await Send(HttpMethod.Put, "/queue/25", "admin", "{\"id\":26,\"name\":\"q25\",\"number\":\"3025\"}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var answer = JObject.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("KeyMismatch", (string?)answer["error"]);
        Assert.Contains("the body's id '26' differs from the path's '25'", (string?)answer["message"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/queue/25", "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/queue/26", "admin")).StatusCode);

        var statusRefused = await Send(HttpMethod.Put, "/userstatus/away", "admin", "{\"name\":\"gone\",\"color\":\"#FF0000\"}");
        Assert.Equal("KeyMismatch", (string?)JObject.Parse(await statusRefused.Content.ReadAsStringAsync())["error"]);
        // The same id in the body, or none, is fine.
        Assert.Equal(HttpStatusCode.Created, (await Send(HttpMethod.Put, "/queue/27", "admin", "{\"id\":27,\"name\":\"q27\",\"number\":\"3027\"}")).StatusCode);
    }

    [Fact]
    public async Task A_new_user_can_log_in_with_the_password_given_to_the_api()
    {
        var created = await Send(HttpMethod.Post, "/user", "admin", "{\"id\":50,\"login\":\"newbie\",\"password\":\"s3cret!\",\"firstName\":\"New\",\"lastName\":\"Bie\",\"rightProfileId\":3}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var login = await Http.PostAsync("/xuc/api/2.0/auth/login", new StringContent("{\"login\":\"newbie\",\"password\":\"s3cret!\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task A_change_is_published_on_the_config_topic()
    {
        var system = fixture.Server.App.Web.Services.GetRequiredService<ActorSystem>();
        var inbox = Inbox.Create(system);
        DistributedPubSub.Get(system).Mediator.Tell(new Subscribe(Topics.Config, inbox.Receiver), inbox.Receiver);
        Assert.IsType<SubscribeAck>(await inbox.ReceiveAsync(TimeSpan.FromSeconds(10)));
        var put = await Send(HttpMethod.Put, "/contact/77", "admin", "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"number\":\"0140009999\"}");
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var change = Assert.IsType<ConfigChanged>(await inbox.ReceiveAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(("contact", "77", "Created"), (change.Kind, change.Id, change.Operation));
    }
}
