using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Xuc.Ctl;

/// <summary>
/// The admin API of one node (<c>/xuc/api/2.0/ops</c>) with an Admin user's bearer token: the one given, or one got by
/// logging in with the login and password given. Every failure is a <see cref="CtlException"/> with its exit code.
/// </summary>
public sealed class OpsClient(Uri server, string? token, string? login, string? password) : IDisposable
{
    public const string Root = "/xuc/api/2.0/ops";
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(90) };
    private string? _token = token;

    public Task<JObject> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<JObject> PostAsync(string path, JObject? body = null) => SendAsync(HttpMethod.Post, path, body ?? new JObject());

    public Task<JObject> PutAsync(string path) => SendAsync(HttpMethod.Put, path, new JObject());

    private async Task<JObject> SendAsync(HttpMethod method, string path, JObject? body)
    {
        var request = new HttpRequestMessage(method, Root + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        if (body is not null) request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        var (status, answer) = await ExchangeAsync(request);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new CtlException(ExitCodes.Unreachable, $"refused by {server} ({(int)status} {Code(answer)}): {Message(answer)}");
        if ((int)status >= 500) throw new CtlException(ExitCodes.ServerError, $"{server} could not answer ({(int)status} {Code(answer)}): {Message(answer)}");
        if ((int)status >= 400) throw new CtlException(ExitCodes.Refused, $"{Code(answer)}: {Message(answer)}");
        return answer;
    }

    private async Task<string> TokenAsync()
    {
        if (_token is not null) return _token;
        if (string.IsNullOrEmpty(login) || password is null)
            throw new CtlException(ExitCodes.Usage, "no credentials: give --token (XUC_CTL_TOKEN), or --login and --password (XUC_CTL_LOGIN, XUC_CTL_PASSWORD) of an Admin user");
        var request = new HttpRequestMessage(HttpMethod.Post, "/xuc/api/2.0/auth/login")
        {
            Content = new StringContent(new JObject { ["login"] = login, ["password"] = password }.ToString(), Encoding.UTF8, "application/json"),
        };
        var (status, answer) = await ExchangeAsync(request);
        if (status != HttpStatusCode.OK || answer["token"]?.ToString() is not { Length: > 0 } issued)
            throw new CtlException(ExitCodes.Unreachable, $"login of {login} refused by {server} ({(int)status} {Code(answer)}): {Message(answer)}");
        return _token = issued;
    }

    private async Task<(HttpStatusCode, JObject)> ExchangeAsync(HttpRequestMessage request)
    {
        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JObject body;
            try { body = text.Length == 0 ? new JObject() : JObject.Parse(text); }
            catch (Newtonsoft.Json.JsonException) { body = new JObject { ["message"] = text.Length > 200 ? text[..200] : text }; }
            return (response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new CtlException(ExitCodes.Unreachable, $"cannot reach {server} (--server, XUC_CTL_SERVER): {e.Message}");
        }
    }

    private static string Code(JObject answer) => answer["error"]?.ToString() ?? "";

    private static string Message(JObject answer) => answer["message"]?.ToString() ?? answer.ToString(Newtonsoft.Json.Formatting.None);

    public void Dispose() => _http.Dispose();
}
