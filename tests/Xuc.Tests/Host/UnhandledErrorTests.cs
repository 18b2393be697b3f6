using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// When the configuration database breaks under a running server, requests that need it get 500 UnhandledError
/// (PROTOCOL.md §1) with a JSON body, and the process keeps serving what does not need it.
/// </summary>
public sealed class UnhandledErrorTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<HttpResponseMessage> Login() => _server.Http.PostAsync("/xuc/api/2.0/auth/login",
        new StringContent("{\"login\":\"admin\",\"password\":\"admin\"}", Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> Get(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _server.Http.SendAsync(request);
    }

    private static async Task AssertUnhandled(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UnhandledError", (string?)body["error"]);
        Assert.Contains("could not be processed", (string?)body["message"]);
    }

    [Fact]
    public async Task A_broken_database_gives_500_UnhandledError_and_the_server_stays_up()
    {
        var token = (string)JObject.Parse(await (await Login()).Content.ReadAsStringAsync())["token"]!;

        // Overwrite the SQLite file (header included) and drop pooled connections: every query now fails.
        var db = Path.Combine(_server.DataDir, "xuc.db");
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(db, Enumerable.Repeat((byte)0x5A, 64 * 1024).ToArray());
        foreach (var side in new[] { db + "-wal", db + "-shm" }) File.Delete(side);

        await AssertUnhandled(await Login());
        await AssertUnhandled(await Get("/xuc/api/2.0/auth/check", token));
        await AssertUnhandled(await Get("/xuc/api/2.0/config/queue", token));

        Assert.Equal(HttpStatusCode.OK, (await _server.Http.GetAsync("/health/live")).StatusCode);
        var refused = await _server.Http.PostAsync("/xuc/api/2.0/auth/login", new StringContent("not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
