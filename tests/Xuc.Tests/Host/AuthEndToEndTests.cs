using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Host.Auth;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>PROTOCOL.md §1 over real HTTP against the whole server on its embedded default.</summary>
public sealed class AuthEndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer _server => fixture.Server;
    private (string Login, string Password, string Role) Demo => DemoDataset.Logins.First();

    private Task<HttpResponseMessage> Login(string body)
        => _server.Http.PostAsync("/xuc/api/2.0/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<HttpResponseMessage> Check(string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/xuc/api/2.0/auth/check");
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await _server.Http.SendAsync(request);
    }

    private static async Task<JObject> Json(HttpResponseMessage r) => JObject.Parse(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_demo_login_gets_a_token_that_auth_check_accepts_and_renews()
    {
        var response = await Login(new JObject { ["login"] = Demo.Login, ["password"] = Demo.Password }.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(Demo.Login, (string?)body["login"]);
        Assert.Equal(3600, (int)body["TTL"]!);
        var token = (string)body["token"]!;

        var check = await Check(token);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var renewed = await Json(check);
        Assert.Equal(Demo.Login, (string?)renewed["login"]);
        Assert.False(string.IsNullOrEmpty((string?)renewed["token"]));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_login_are_401_InvalidCredentials()
    {
        foreach (var body in new[] { new JObject { ["login"] = Demo.Login, ["password"] = "wrong" }, new JObject { ["login"] = "nobody", ["password"] = "x" } })
        {
            var response = await Login(body.ToString());
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("InvalidCredentials", (string?)(await Json(response))["error"]);
        }
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"login\":42,\"password\":\"x\"}")]
    [InlineData("{\"login\":\"a\"}")]
    [InlineData("")]
    public async Task A_bad_body_is_400_InvalidJson(string body)
    {
        var response = await Login(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidJson", (string?)(await Json(response))["error"]);
    }

    [Fact]
    public async Task Check_refuses_missing_tampered_and_expired_tokens_with_their_codes()
    {
        var missing = await Check(null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("BearerNotFound", (string?)(await Json(missing))["error"]);

        var token = (string)(await Json(await Login(new JObject { ["login"] = Demo.Login, ["password"] = Demo.Password }.ToString())))["token"]!;
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        var forged = await Check(tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("InvalidToken", (string?)(await Json(forged))["error"]);

        // Same key as the server (the configured secret), issued an hour and a second ago.
        var past = new ManualClock(DateTimeOffset.UtcNow.AddSeconds(-3601));
        var expiredToken = new TokenService(TokenService.ResolveKey(TestServer.TokenSecret, _server.DataDir), TimeSpan.FromHours(1), past).Issue(await ServerTokens.SubjectAsync(_server, Demo.Login));
        var expired = await Check(expiredToken);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("TokenExpired", (string?)(await Json(expired))["error"]);
    }

    [Fact]
    public async Task Health_is_live_at_once_and_ready_once_the_pbx_link_is_up()
    {
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.GetAsync("/health/live")).StatusCode);
        await Wait.Until(async () => (await _server.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "/health/ready answers 200");
        var ready = await Json(await _server.Http.GetAsync("/health/ready"));
        Assert.Equal("connected", (string?)ready["ami"]);
    }
}
