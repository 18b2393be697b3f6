using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Xuc.Actors.Sessions;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.WebSocket;

/// <summary>
/// <c>ws://HOST:8090/xuc/api/2.0/cti?token=...</c>: the token is checked by <see cref="BearerAuthenticationHandler"/>
/// before the upgrade (401 with the REST error body, no socket); then one session actor per socket.
/// </summary>
public static class CtiEndpoint
{
    public const string Path = "/xuc/api/2.0/cti";

    public static IEndpointRouteBuilder MapCtiWebSocket(this IEndpointRouteBuilder app)
    {
        app.Map(Path, Upgrade).RequireAuthorization(XucPolicies.User);
        return app;
    }

    /// <summary>Before <c>UseWebSockets</c>: a CTI request's upgrade hands the socket a <see cref="CtiTransport"/> (<see cref="CtiUpgrade"/>).</summary>
    public static IApplicationBuilder UseCtiTransport(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
            && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            context.Features.Set<IHttpUpgradeFeature>(new CtiUpgrade(upgrade));
        return next(context);
    });

    private static async Task Upgrade(HttpContext context, IActorRegistry registry, SessionSettings settings, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await WireJson.Error(400, "NotWebSocket", $"{Path} is a WebSocket: open it with ws://…{Path}?token=<token>").ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // The transport under the socket, when CtiUpgrade wrapped it (frames are then written several per flush).
        var pump = new CtiSocket(socket, settings, (context.Features.Get<IHttpUpgradeFeature>() as CtiUpgrade)?.Transport);
        IActorRef session;
        try
        {
            session = await registry.Get<SessionManagerActor>().Ask<IActorRef>(new StartSession(XucClaims.LoginOf(context.User), pump), TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or MissingActorRegistryEntryException)
        {
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.InternalServerError, "the server is not ready for sessions", CancellationToken.None);
            return;
        }
        // A stopping server says goodbye to its peers instead of waiting for them to leave.
        using var stopping = lifetime.ApplicationStopping.Register(() => pump.Close("the server is stopping"));
        await pump.RunAsync(session);
    }
}
