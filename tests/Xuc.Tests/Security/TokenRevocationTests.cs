using System.Net;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Host.Auth;
using Xuc.Tests.Support;

namespace Xuc.Tests.Security;

/// <summary>
/// Issue 23, High 2: a token names its user by id and token version, so a password change, a profile change, the
/// user's deletion and <c>POST /auth/logout-all</c> revoke it (REST, socket upgrade, and the sessions already open);
/// <c>/auth/check</c> renews a token but never past <c>xuc.auth.token-max-life</c> after its login.
/// </summary>
public sealed class TokenRevocationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private async Task<User> NewUser(int id, string login)
    {
        var user = new User { Id = id, Login = login, Password = "pw-" + login, FirstName = "Token", LastName = login, RightProfileId = 3 };
        await Server.App.Store.UpsertAsync(ConfigKinds.User, user);
        return user;
    }

    private async Task<CtiClient> Connected(string token)
    {
        var client = await CtiClient.ConnectAsync(Server, token);
        await client.ReceiveManyAsync(6); // a user without a line
        return client;
    }

    private async Task<(HttpStatusCode Status, string? Error)> Check(string token)
    {
        var (status, body) = await Rest.AnswerAsync(Server.Http, HttpMethod.Get, AuthEndpoints.CheckPath, token);
        return (status, (string?)body["error"]);
    }

    private async Task AssertUpgradeRefused(string token)
    {
        var refused = await Server.Http.GetAsync(CtiClient.Address(Server, token).PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("InvalidToken", (string?)JObject.Parse(await refused.Content.ReadAsStringAsync())["error"]);
    }

    [Fact]
    public async Task A_password_change_revokes_the_old_token_everywhere()
    {
        var user = await NewUser(70, "tok-password");
        var token = await CtiClient.TokenAsync(Server, user.Login, user.Password!);
        await using var open = await Connected(token);

        await Server.App.Store.UpsertAsync(ConfigKinds.User, user with { Password = "a new password" });
        Assert.NotNull(await open.ReceiveCloseAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidToken"), await Check(token));
        await AssertUpgradeRefused(token);
        // The new password's token works.
        Assert.Equal(HttpStatusCode.OK, (await Check(await CtiClient.TokenAsync(Server, user.Login, "a new password"))).Status);
    }

    [Fact]
    public async Task A_profile_change_revokes_the_old_token()
    {
        var user = await NewUser(71, "tok-profile");
        var token = await CtiClient.TokenAsync(Server, user.Login, user.Password!);
        await Server.App.Store.UpsertAsync(ConfigKinds.User, user with { Password = null, RightProfileId = 2 });
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidToken"), await Check(token));
        // A change of something else (his name) keeps his tokens.
        var fresh = await CtiClient.TokenAsync(Server, user.Login, user.Password!);
        await Server.App.Store.UpsertAsync(ConfigKinds.User, user with { Password = null, RightProfileId = 2, FirstName = "Renamed" });
        Assert.Equal(HttpStatusCode.OK, (await Check(fresh)).Status);
    }

    [Fact]
    public async Task A_deleted_users_token_does_not_open_the_account_of_the_next_user_given_the_same_login()
    {
        var first = await NewUser(72, "tok-reused");
        var token = await CtiClient.TokenAsync(Server, first.Login, first.Password!);
        await Server.App.Store.DeleteAsync(ConfigKinds.User, "72");
        // The same login for someone else, with another id and with the very same id.
        await NewUser(73, "tok-reused");
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidToken"), await Check(token));
        await AssertUpgradeRefused(token);
        await Server.App.Store.DeleteAsync(ConfigKinds.User, "73");
        await NewUser(72, "tok-reused");
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidToken"), await Check(token));
    }

    [Fact]
    public async Task Logout_all_revokes_every_token_of_the_user_and_closes_his_sessions_with_a_reason()
    {
        var user = await NewUser(74, "tok-logout");
        var other = await NewUser(75, "tok-bystander");
        var first = await CtiClient.TokenAsync(Server, user.Login, user.Password!);
        var second = await CtiClient.TokenAsync(Server, user.Login, user.Password!);
        var bystander = await CtiClient.TokenAsync(Server, other.Login, other.Password!);
        await using var socketA = await Connected(first);
        await using var socketB = await Connected(second);
        await using var bystanderSocket = await Connected(bystander);

        var (status, body) = await Rest.AnswerAsync(Server.Http, HttpMethod.Post, AuthEndpoints.LogoutAllPath, first);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(user.Login, (string?)body["login"]);
        Assert.Equal("the user's tokens were revoked (logout-all)", await socketA.ReceiveCloseAsync());
        Assert.Equal("the user's tokens were revoked (logout-all)", await socketB.ReceiveCloseAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidToken"), await Check(first));
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidToken"), await Check(second));
        await AssertUpgradeRefused(second);
        // Nobody else is touched.
        Assert.Equal(HttpStatusCode.OK, (await Check(bystander)).Status);
        await bystanderSocket.SendAsync("""{"claz":"ping"}""");
        Assert.Equal("""{"msgType":"Pong","ctiMessage":{}}""", await bystanderSocket.ReceiveAsync());
        // Without a token: 401 BearerNotFound.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Rest.SendAsync(Server.Http, HttpMethod.Post, AuthEndpoints.LogoutAllPath, null)).StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_user_id_and_version_is_refused()
    {
        // Signed with the server's key, as tokens were before they carried the user's id and version.
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(TokenService.ResolveKey(TestServer.TokenSecret, Server.DataDir));
        var legacy = handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "xuc",
            Claims = new Dictionary<string, object> { ["login"] = "admin" },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidToken"), await Check(legacy));
    }
}

/// <summary>Renewals through <c>/auth/check</c> end at the maximum life after the login (a server whose maximum is short).</summary>
public sealed class TokenMaxLifeTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync("\nxuc.auth.token-max-life = 3s\n");
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Check_renews_a_token_but_never_past_the_maximum_life_of_its_login()
    {
        var token = await CtiClient.TokenAsync(_server, "bob", "bob");
        string? refusal = null;
        var renewals = 0;
        await Wait.Until(async () =>
        {
            var (status, body) = await Rest.AnswerAsync(_server.Http, HttpMethod.Get, AuthEndpoints.CheckPath, token);
            if (status == HttpStatusCode.OK)
            {
                Assert.InRange((long)body["TTL"]!, 0, 3);
                token = (string)body["token"]!;
                renewals++;
                return false;
            }
            refusal = (string?)body["error"];
            return true;
        }, TimeSpan.FromSeconds(30), "the renewed token expires");
        Assert.Equal("TokenExpired", refusal);
        Assert.True(renewals > 0);
        // A new login starts a new chain.
        var (fresh, _) = await Rest.AnswerAsync(_server.Http, HttpMethod.Get, AuthEndpoints.CheckPath, await CtiClient.TokenAsync(_server, "bob", "bob"));
        Assert.Equal(HttpStatusCode.OK, fresh);
    }
}
