using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Xuc.Actors.Sessions;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.WebSocket;

/// <summary>
/// <c>ws://HOST:8090/xuc/api/2.0/cti?token=...</c>: the token is checked by <see cref="BearerAuthenticationHandler"/>
/// before the upgrade (401 with the REST error body, no socket); then one session actor per socket.
/// </summary>
/// <remarks>
/// A socket is one HTTP request that lasts as long as the session, so whatever the request holds stays as long: its
/// handling is a middleware of its own, ahead of the authentication and authorization middleware, that checks the
/// token with the same handler, taken from a service scope of its own disposed at once, and keeps only the login (no principal,
/// claims, authentication result or request-scoped services for the socket's whole life: ~2 KiB a session).
/// </remarks>
public static class CtiEndpoint
{
    public const string Path = "/xuc/api/2.0/cti";

    /// <summary>
    /// After routing, before <c>UseAuthentication</c>: the CTI path's upgrade (<see cref="UseCtiTransport"/>, then the
    /// WebSocket middleware), then the socket itself; other requests go on.
    /// </summary>
    public static IApplicationBuilder UseCtiWebSocket(this IApplicationBuilder app)
    {
        app.UseCtiTransport().UseWebSockets();
        var services = app.ApplicationServices;
        return app.Use(next => context => IsCti(context) ? UpgradeAsync(context, services) : next(context));
    }

    /// <summary>Before <c>UseWebSockets</c>: a CTI request's upgrade hands the socket a <see cref="CtiTransport"/> (<see cref="CtiUpgrade"/>).</summary>
    public static IApplicationBuilder UseCtiTransport(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsCti(context) && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            context.Features.Set<IHttpUpgradeFeature>(new CtiUpgrade(upgrade));
        return next(context);
    });

    private static bool IsCti(HttpContext context) => context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    private static async Task UpgradeAsync(HttpContext context, IServiceProvider services)
    {
        if (await LoginAsync(context, services) is not { } login) return;
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await WireJson.Error(400, "NotWebSocket", $"{Path} is a WebSocket: open it with ws://…{Path}?token=<token>").ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // The transport under the socket, when CtiUpgrade wrapped it (frames are then written several per flush).
        var pump = new CtiSocket(socket, services.GetRequiredService<SessionSettings>(), (context.Features.Get<IHttpUpgradeFeature>() as CtiUpgrade)?.Transport,
            services.GetService<Xuc.Actors.Metrics.XucMetrics>());
        IActorRef session;
        try
        {
            var sessions = services.GetRequiredService<IActorRegistry>().Get<SessionManagerActor>();
            session = await sessions.Ask<IActorRef>(new StartSession(login, pump), TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or MissingActorRegistryEntryException)
        {
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.InternalServerError, "the server is not ready for sessions", CancellationToken.None);
            return;
        }
        // A stopping server says goodbye to its peers instead of waiting for them to leave.
        using var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => pump.Close("the server is stopping"));
        await pump.RunAsync(session);
    }

    /// <summary>
    /// The caller's login, as the <see cref="XucPolicies.User"/> policy checks it (a valid token of an existing user);
    /// null once the refusal is answered (the handler's 401 with the REST error body).
    /// </summary>
    private static async Task<string?> LoginAsync(HttpContext context, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
        var bearer = await handlers.GetHandlerAsync(context, BearerAuthenticationHandler.SchemeName)
                     ?? throw new InvalidOperationException($"no {BearerAuthenticationHandler.SchemeName} authentication handler");
        var result = await bearer.AuthenticateAsync();
        if (result.Succeeded) return XucClaims.LoginOf(result.Principal);
        await bearer.ChallengeAsync(null);
        return null;
    }
}
