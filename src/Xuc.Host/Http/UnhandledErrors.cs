using Xuc.Host.Auth;

namespace Xuc.Host.Http;

/// <summary>
/// The last line of defence for every HTTP route: an exception nobody handled (the database gone, a bug) is logged
/// with its stack and answered 500 <c>{"error":"UnhandledError","message":...}</c>, the error code of PROTOCOL.md §1,
/// instead of an empty 500; the process and every other request carry on. A body over its limit (ours, or Kestrel's
/// own cap) is the client's mistake: 413 <c>{"error":"PayloadTooLarge","message":...}</c> naming the limit, nothing logged.
/// </summary>
public static class UnhandledErrors
{
    public static IApplicationBuilder UseUnhandledErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (PayloadTooLargeException e) when (!context.Response.HasStarted)
        {
            await TooLarge(context, e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            var limit = context.RequestServices.GetRequiredService<BodyLimits>().KestrelCap;
            await TooLarge(context, $"the request body is larger than {BodyLimits.Describe(limit)} ({limit} bytes), the largest body this server accepts");
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Xuc.Http")
                .LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted) throw;
            context.Response.Clear();
            await WireJson.Error(StatusCodes.Status500InternalServerError, AuthError.UnhandledError,
                $"the request could not be processed ({e.GetType().Name}); the server log has the details").ExecuteAsync(context);
        }
    });

    private static async Task TooLarge(HttpContext context, string message)
    {
        context.Response.Clear();
        // The rest of the body is not read: close the connection once answered rather than drain megabytes.
        context.Response.Headers.Connection = "close";
        await WireJson.Error(StatusCodes.Status413PayloadTooLarge, AuthError.PayloadTooLarge, message).ExecuteAsync(context);
    }
}
