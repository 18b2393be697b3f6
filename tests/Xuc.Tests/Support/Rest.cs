using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Xuc.Tests.Support;

/// <summary>REST calls with a bearer token, as a client of the server sends them (the security tests' way in).</summary>
public static class Rest
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? token, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    /// <summary>The status and the JSON body of an answer (an empty body reads as an empty object).</summary>
    public static async Task<(HttpStatusCode Status, JObject Body)> AnswerAsync(HttpClient http, HttpMethod method, string path, string? token, string? body = null)
    {
        using var response = await SendAsync(http, method, path, token, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JObject() : JObject.Parse(text));
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient http, string login, string password) =>
        http.PostAsync("/xuc/api/2.0/auth/login", new StringContent(new JObject { ["login"] = login, ["password"] = password }.ToString(), Encoding.UTF8, "application/json"));
}
