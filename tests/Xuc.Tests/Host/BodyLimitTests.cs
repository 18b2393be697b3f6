using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Host.Http;
using Xuc.Host.Settings;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>Bodies over their limit get 413 PayloadTooLarge naming the limit and its setting, whether or not they announce their length.</summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(
        "\nxuc.http.max-login-body = 1k\nxuc.http.max-body = 8k\nxuc.http.max-import-body = 64k\n");
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent content)
    {
        var login = await Http.PostAsync("/xuc/api/2.0/auth/login", new StringContent("{\"login\":\"admin\",\"password\":\"admin\"}", Encoding.UTF8, "application/json"));
        var request = new HttpRequestMessage(method, "/xuc/api/2.0/config" + path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)JObject.Parse(await login.Content.ReadAsStringAsync())["token"]!);
        return await Http.SendAsync(request);
    }

    private static HttpContent Sized(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    /// <summary>No Content-Length: sent chunked, so only the server's count of what arrives can stop it.</summary>
    private static HttpContent Chunked(string json)
    {
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task AssertTooLarge(HttpResponseMessage response, string limit, string setting)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("PayloadTooLarge", (string?)body["error"]);
        Assert.Contains($"larger than {limit}", (string?)body["message"]);
        Assert.Contains(setting, (string?)body["message"]);
    }

    private static string Contacts(int count) => ConfigFile.Write(new ConfigSnapshot
    {
        Contacts = [.. Enumerable.Range(1000, count).Select(i => new DirectoryContact { Id = i, FirstName = "Contact", LastName = i.ToString(), Number = "0140000000" })],
    });

    [Fact]
    public async Task A_valid_object_import_or_login_over_its_limit_is_413_naming_the_limit()
    {
        var queue = new JObject { ["id"] = 40, ["name"] = "big", ["number"] = "3040", ["displayName"] = new string('x', 20_000) }.ToString();
        await AssertTooLarge(await Send(HttpMethod.Post, "/queue", Sized(queue)), "8 KiB", "XUC_HTTP_MAX_BODY");
        await AssertTooLarge(await Send(HttpMethod.Put, "/queue/40", Chunked(queue)), "8 KiB", "XUC_HTTP_MAX_BODY");

        var large = Contacts(1_000);
        Assert.True(large.Length > 64 * 1024);
        await AssertTooLarge(await Send(HttpMethod.Post, "/import?mode=merge", Sized(large)), "64 KiB", "XUC_HTTP_MAX_IMPORT_BODY");
        await AssertTooLarge(await Send(HttpMethod.Post, "/import?mode=merge", Chunked(large)), "64 KiB", "XUC_HTTP_MAX_IMPORT_BODY");

        var login = new JObject { ["login"] = "admin", ["password"] = new string('p', 4_000) }.ToString();
        await AssertTooLarge(await Http.PostAsync("/xuc/api/2.0/auth/login", Sized(login)), "1 KiB", "XUC_HTTP_MAX_LOGIN_BODY");

        // Under the limits all is well, and nothing above was stored.
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/import?mode=merge", Chunked(Contacts(50)))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Send(HttpMethod.Put, "/queue/40", Chunked("{\"name\":\"big\",\"number\":\"3040\"}"))).StatusCode);
        var contacts = JArray.Parse(await (await Send(HttpMethod.Get, "/contact", Sized(""))).Content.ReadAsStringAsync());
        Assert.Equal(12 + 50, contacts.Count);
    }

    [Fact]
    public void The_limits_come_from_hocon_or_the_environment_and_a_bad_one_is_named()
    {
        Assert.Equal(new BodyLimits { Login = 64 * 1024, Object = 1024 * 1024, Import = 100 * 1024 * 1024 }, BodyLimits.From(HoconLoader.Load()));
        var env = new Dictionary<string, string> { ["XUC_HTTP_MAX_BODY"] = "2m", ["XUC_HTTP_MAX_IMPORT_BODY"] = "500000" };
        var limits = BodyLimits.From(HoconLoader.Load(environment: n => env.GetValueOrDefault(n)));
        Assert.Equal((2 * 1024 * 1024L, 500_000L), (limits.Object, limits.Import));
        var e = Assert.Throws<Xuc.Host.Settings.SettingError>(() => BodyLimits.From(HoconLoader.Load("xuc.http.max-body = lots")));
        Assert.Equal("XUC_HTTP_MAX_BODY=lots: must be a size in bytes such as 65536, 64k or 10m (setting xuc.http.max-body)", e.Message);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
