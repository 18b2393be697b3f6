using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;
using Xuc.Host.Diagnostics;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>The memory diagnostics the sessions benchmark reads: Admin only, the heap, the resident set and the session count.</summary>
public sealed class DiagnosticsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private async Task<HttpResponseMessage> Memory(string? login)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, DiagnosticsEndpoints.MemoryPath);
        if (login is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await CtiClient.TokenAsync(Server, login, login));
        return await Server.Http.SendAsync(request);
    }

    [Fact]
    public async Task Memory_is_for_admins_only_and_counts_this_nodes_sessions()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Memory(null)).StatusCode);
        var refused = await Memory("bob");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("NotAuthorized", (string?)JObject.Parse(await refused.Content.ReadAsStringAsync())["error"]);

        var before = JObject.Parse(await (await Memory("admin")).Content.ReadAsStringAsync());
        Assert.Equal(["managedHeapBytes", "residentBytes", "ctiSessions"], before.Properties().Select(p => p.Name));
        Assert.InRange((long)before["managedHeapBytes"]!, 1, (long)before["residentBytes"]!);

        await using var bob = await CtiClient.LoginAsync(Server, "bob", "bob");
        await bob.ReceiveManyAsync(8);
        var after = JObject.Parse(await (await Memory("admin")).Content.ReadAsStringAsync());
        Assert.Equal((int)before["ctiSessions"]! + 1, (int)after["ctiSessions"]!);
    }
}
