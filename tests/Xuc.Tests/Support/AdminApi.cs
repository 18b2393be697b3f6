using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Xuc.Tests.Support;

/// <summary>The admin REST API as the demo admin uses it: read an object, write it back changed, import.</summary>
public sealed class AdminApi(TestServer server)
{
    private string? _token;

    public async Task<JObject> GetAsync(string kind, int id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/{kind}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads the object, lets <paramref name="change"/> edit it and writes it back.</summary>
    public async Task ChangeAsync(string kind, int id, Action<JObject> change)
    {
        var item = await GetAsync(kind, id);
        change(item);
        using var response = await SendAsync(HttpMethod.Put, $"/{kind}/{id}", item);
        Assert.True(response.IsSuccessStatusCode, $"PUT {kind}/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task ImportAsync(JObject file, string mode)
    {
        using var response = await SendAsync(HttpMethod.Post, "/import?mode=" + mode, file);
        Assert.True(response.IsSuccessStatusCode, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JObject? body = null)
    {
        _token ??= await CtiClient.TokenAsync(server, "admin", "admin");
        var request = new HttpRequestMessage(method, "/xuc/api/2.0/config" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null) request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
        return await server.Http.SendAsync(request);
    }
}
