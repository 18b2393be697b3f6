using System.Buffers;
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

    /// <summary>
    /// The request body, read into a buffer that grows with what arrives; <see cref="PayloadTooLargeException"/> as soon
    /// as it passes <paramref name="maxBytes"/> (or when Content-Length already says so).
    /// </summary>
    public static async Task<MemoryStream> ReadBodyAsync(HttpRequest request, long maxBytes, string setting)
    {
        if (request.ContentLength > maxBytes) throw new PayloadTooLargeException(maxBytes, setting);
        var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (body.Length + read > maxBytes) throw new PayloadTooLargeException(maxBytes, setting);
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        body.Position = 0;
        return body;
    }

    /// <summary>Reads the request body as a JSON object; null when it is not one (too large: <see cref="PayloadTooLargeException"/>).</summary>
    public static async Task<JObject?> ReadObjectAsync(HttpRequest request, long maxBytes, string setting)
    {
        using var body = await ReadBodyAsync(request, maxBytes, setting);
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body));
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token as JObject;
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
