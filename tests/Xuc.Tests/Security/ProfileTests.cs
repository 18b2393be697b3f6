using System.Net;
using Newtonsoft.Json.Linq;
using Xuc.Tests.Support;

namespace Xuc.Tests.Security;

/// <summary>
/// Issue 23, High 3: a user without a rights profile is NoRight (not Admin); the admin API needs an explicit Admin
/// profile; the configuration export never carries password hashes. Over real HTTP on the whole server.
/// </summary>
public sealed class ProfileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Config = "/xuc/api/2.0/config";
    private HttpClient Http => fixture.Server.Http;

    private Task<string> AdminToken() => CtiClient.TokenAsync(fixture.Server, "admin", "admin");

    private async Task<string> UserWithoutProfile(int id, string login)
    {
        var created = await Rest.SendAsync(Http, HttpMethod.Post, Config + "/user", await AdminToken(),
            new JObject { ["id"] = id, ["login"] = login, ["password"] = "pw-" + login, ["firstName"] = "No", ["lastName"] = "Profile" }.ToString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await CtiClient.TokenAsync(fixture.Server, login, "pw-" + login);
    }

    [Fact]
    public async Task A_user_without_a_profile_is_refused_the_admin_api()
    {
        var token = await UserWithoutProfile(60, "noprofile");
        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, Config + "/export", null),
            (HttpMethod.Get, Config + "/user", null),
            (HttpMethod.Post, Config + "/user", "{\"id\":61,\"login\":\"mallory\",\"password\":\"x\",\"rightProfileId\":1}"),
            (HttpMethod.Put, Config + "/user/60", "{\"login\":\"noprofile\",\"rightProfileId\":1}"),
        })
        {
            var (status, answer) = await Rest.AnswerAsync(Http, method, path, token, body);
            Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path}: {(int)status} {answer}");
            Assert.Equal("NotAuthorized", (string?)answer["error"]);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Rest.SendAsync(Http, HttpMethod.Get, Config + "/user/61", await AdminToken())).StatusCode);
        var stillNone = await Rest.AnswerAsync(Http, HttpMethod.Get, Config + "/user/60", await AdminToken());
        Assert.Null(stillNone.Body["rightProfileId"]);
    }

    [Fact]
    public async Task A_user_without_a_profile_sees_only_himself_on_the_cti()
    {
        var token = await UserWithoutProfile(62, "noprofile-cti");
        await using var client = await CtiClient.ConnectAsync(fixture.Server, token);
        await client.SendAsync("""{"claz":"web","command":"getList","objectType":"agent"}""");
        var list = JObject.Parse(await client.ReceiveOfTypeAsync("AgentList"));
        // An Admin sees the demo's ten agents; NoRight without an agent of his own sees none.
        Assert.Empty((JArray)list["ctiMessage"]!);
    }

    [Fact]
    public async Task The_export_never_carries_password_hashes_and_imports_back_keeping_them()
    {
        var (status, export) = await Rest.AnswerAsync(Http, HttpMethod.Get, Config + "/export", await AdminToken());
        Assert.Equal(HttpStatusCode.OK, status);
        var users = (JArray)export["users"]!;
        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.Null(u["passwordHash"]));
        Assert.DoesNotContain("pbkdf2", export.ToString(), StringComparison.OrdinalIgnoreCase);

        var merged = await Rest.AnswerAsync(Http, HttpMethod.Post, Config + "/import?mode=merge", await AdminToken(), export.ToString());
        Assert.True(merged.Status == HttpStatusCode.OK, merged.Body.ToString());
        Assert.Equal(HttpStatusCode.OK, (await Rest.LoginAsync(Http, "jbond", "jbond")).StatusCode);
    }
}
