using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// POST /config/import and writes that could lock every administrator out, over real HTTP. Each test has its own
/// server (a replace changes the whole configuration).
/// </summary>
public sealed class AdminImportTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<HttpResponseMessage> Login(string login) => await Http.PostAsync("/xuc/api/2.0/auth/login",
        new StringContent(new JObject { ["login"] = login, ["password"] = login }.ToString(), Encoding.UTF8, "application/json"));

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content = null)
    {
        var token = (string)JObject.Parse(await (await Login("admin")).Content.ReadAsStringAsync())["token"]!;
        var request = new HttpRequestMessage(method, "/xuc/api/2.0/config" + path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> Import(string mode, string body) =>
        Send(HttpMethod.Post, "/import" + mode, new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<(HttpStatusCode Status, JObject Body)> Answer(Task<HttpResponseMessage> call)
    {
        var response = await call;
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<int> UserCount() => JArray.Parse(await (await Send(HttpMethod.Get, "/user")).Content.ReadAsStringAsync()).Count;

    [Fact]
    public async Task An_empty_body_or_a_missing_mode_is_refused_and_the_admin_keeps_access()
    {
        foreach (var body in new[] { "{}", "", "null", "{\"users\":[]}" })
        {
            var (status, answer) = await Answer(Import("?mode=replace", body));
            Assert.Equal((HttpStatusCode.BadRequest, "EmptyImport"), (status, (string?)answer["error"]));
            Assert.Contains("nothing was changed", (string?)answer["message"]);
        }
        var (noMode, refusal) = await Answer(Import("", ConfigFile.Write(DemoDataset.Create())));
        Assert.Equal((HttpStatusCode.BadRequest, "ImportModeRequired"), (noMode, (string?)refusal["error"]));
        Assert.Contains("mode=replace", (string?)refusal["message"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await Import("?mode=ReplaceAll", "{\"contacts\":[{\"id\":1,\"lastName\":\"x\"}]}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Login("admin")).StatusCode);
        Assert.Equal(13, await UserCount());
    }

    [Fact]
    public async Task No_write_path_may_leave_the_configuration_without_an_administrator()
    {
        var demo = DemoDataset.Create();
        var withoutAdmin = ConfigFile.Write(demo with { Users = [.. demo.Users.Where(u => u.Login != "admin")] });
        var attempts = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("replace without the admin", () => Import("?mode=replace", withoutAdmin)),
            ("merge demoting the admin", () => Import("?mode=merge", "{\"users\":[{\"id\":13,\"login\":\"admin\",\"rightProfileId\":3}]}")),
            ("PUT demoting the admin", () => Send(HttpMethod.Put, "/user/13", new StringContent("{\"login\":\"admin\",\"rightProfileId\":3}", Encoding.UTF8, "application/json"))),
            ("PUT turning the Admin profile into NoRight", () => Send(HttpMethod.Put, "/rightprofile/1", new StringContent("{\"name\":\"Administrator\",\"kind\":\"NoRight\"}", Encoding.UTF8, "application/json"))),
            ("DELETE of the admin", () => Send(HttpMethod.Delete, "/user/13")),
        };
        foreach (var (what, call) in attempts)
        {
            var (status, answer) = await Answer(call());
            Assert.True(status == HttpStatusCode.BadRequest, what);
            Assert.Equal("InvalidConfiguration", (string?)answer["error"]);
            Assert.Contains(ConfigValidator.NoAdministrator, answer["errors"]!.Select(e => (string)e!));
        }
        Assert.Equal(HttpStatusCode.OK, (await Login("admin")).StatusCode);
        Assert.Equal(13, await UserCount());
    }

    [Fact]
    public async Task A_replace_answers_how_many_objects_of_each_kind_it_added_updated_and_deleted()
    {
        var exported = ConfigFile.Parse(await (await Send(HttpMethod.Get, "/export")).Content.ReadAsStringAsync());
        var next = exported with
        {
            Contacts = [.. exported.Contacts.Skip(3)],
            Queues = [.. exported.Queues.Select(q => q.Name == "billing" ? q with { WrapUpSeconds = 30 } : q)],
        };
        var (status, answer) = await Answer(Import("?mode=replace", ConfigFile.Write(next)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("replace", (string?)answer["mode"]);
        var kinds = ConfigKinds.All.Select(k => k.Name).ToList();
        Assert.Equal(kinds.ToDictionary(k => k, k => k == "contact" ? 3 : 0), answer["deleted"]!.ToObject<Dictionary<string, int>>());
        Assert.Equal(kinds.ToDictionary(k => k, k => k == "queue" ? 1 : 0), answer["updated"]!.ToObject<Dictionary<string, int>>());
        Assert.Equal(kinds.ToDictionary(k => k, _ => 0), answer["added"]!.ToObject<Dictionary<string, int>>());

        (status, answer) = await Answer(Import("?mode=merge", "{\"contacts\":[{\"id\":900,\"firstName\":\"Margaret\",\"lastName\":\"Houlihan\"}]}"));
        Assert.Equal((HttpStatusCode.OK, "merge", 1, 0), (status, (string?)answer["mode"], (int)answer["added"]!["contact"]!, answer["deleted"]!.ToObject<Dictionary<string, int>>()!.Values.Sum()));
        Assert.Equal(10, JArray.Parse(await (await Send(HttpMethod.Get, "/contact")).Content.ReadAsStringAsync()).Count);
    }
}
