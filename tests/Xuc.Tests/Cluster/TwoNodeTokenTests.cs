using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Host.Auth;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>
/// README's cluster section: two whole servers, one cluster, one database, one XUC_TOKEN_SECRET: a token issued by
/// one node's HTTP is accepted by the other's (auth check and admin API), and a token signed with another key is not.
/// </summary>
public sealed class TwoNodeTokenTests
{
    private static async Task<HttpResponseMessage> Get(HttpClient http, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_token_issued_by_one_node_is_accepted_by_the_other_nodes_http()
    {
        var seedPort = FreePort.Next();
        var seeds = $"\nakka.cluster.xuc-seed-nodes = \"akka.tcp://xuc@127.0.0.1:{seedPort}\"\n";
        await using var a = await TestServer.StartAsync(seeds + $"akka.remote.dot-netty.tcp.port = {seedPort}\n");
        var sharedDb = Path.Combine(a.DataDir, "xuc.db");
        await using var b = await TestServer.StartAsync(seeds + $"xuc.database.connection-string = \"Data Source={sharedDb}\"\n");
        var systemA = a.App.Web.Services.GetRequiredService<ActorSystem>();
        await Wait.Until(() => Task.FromResult(Akka.Cluster.Cluster.Get(systemA).State.Members.Count(m => m.Status == MemberStatus.Up) == 2),
            TimeSpan.FromSeconds(20), "both nodes are Up");

        var login = await a.Http.PostAsync("/xuc/api/2.0/auth/login", new StringContent("{\"login\":\"admin\",\"password\":\"admin\"}", Encoding.UTF8, "application/json"));
        var token = (string)JObject.Parse(await login.Content.ReadAsStringAsync())["token"]!;

        var check = await Get(b.Http, "/xuc/api/2.0/auth/check", token);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal("admin", (string?)JObject.Parse(await check.Content.ReadAsStringAsync())["login"]);
        Assert.Equal(HttpStatusCode.OK, (await Get(b.Http, "/xuc/api/2.0/config/queue", token)).StatusCode);

        // The acceptance comes from the shared secret: a token signed with another key is refused by the same node.
        var forged = new TokenService(TokenService.ResolveKey("another-secret", a.DataDir), TimeSpan.FromHours(1)).Issue(new TokenSubject("admin", 13, 1));
        var refused = await Get(b.Http, "/xuc/api/2.0/auth/check", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(AuthError.InvalidToken, (string?)JObject.Parse(await refused.Content.ReadAsStringAsync())["error"]);
    }
}
