using Xuc.Host.Auth;

namespace Xuc.Host.Http;

/// <summary>
/// The last line of defence for every HTTP route: an exception nobody handled (the database gone, a bug) is logged
/// with its stack and answered 500 <c>{"error":"UnhandledError","message":...}</c>, the error code of PROTOCOL.md §1,
/// instead of an empty 500; the process and every other request carry on.
/// </summary>
public static class UnhandledErrors
{
    public static IApplicationBuilder UseUnhandledErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
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
}
