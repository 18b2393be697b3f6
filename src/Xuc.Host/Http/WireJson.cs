using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Xuc.Host.Http;

/// <summary>Newtonsoft.Json responses with the exact property names the existing clients read (e.g. "TTL").</summary>
public static class WireJson
{
    public static IResult Json(object body, int status = StatusCodes.Status200OK)
        => new JsonTextResult(JsonConvert.SerializeObject(body), status);

    public static IResult Error(int status, string error, string message)
        => Json(new JObject { ["error"] = error, ["message"] = message }, status);

    /// <summary>Reads the request body as a JSON object; null when it is not one.</summary>
    public static async Task<JObject?> ReadObjectAsync(HttpRequest request, int maxBytes = 64 * 1024)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[maxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
        if (read > maxBytes) return null;
        try
        {
            return JToken.Parse(new string(buffer, 0, read)) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class JsonTextResult(string text, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.WriteAsync(text);
        }
    }
}
