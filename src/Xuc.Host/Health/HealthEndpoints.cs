using Akka.Actor;
using Akka.Hosting;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Ami;
using Xuc.Actors.Routing;
using Xuc.Host.Http;

namespace Xuc.Host.Health;

/// <summary>/health/live (the process answers) and /health/ready (configuration loaded, this node an Up cluster member
/// that is not leaving, and AMI connected): a load balancer health-checking /health/ready sends a joining or leaving
/// node no new sessions (docs/cluster.md).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => WireJson.Json(new JObject { ["status"] = "live" }));
        app.MapGet("/health/ready", Ready);
        return app;
    }

    private static async Task<IResult> Ready(Readiness readiness, IRequiredActor<AmiConnectionProxy> ami, ActorSystem system)
    {
        var member = ClusterMembership.Of(system);
        AmiStatus? status = null;
        try
        {
            status = await ami.ActorRef.Ask<AmiStatus>(GetAmiStatus.Instance, TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
        }
        var ready = readiness.ConfigLoaded && member == ClusterMembership.Up && status is { Connected: true };
        var body = new JObject
        {
            ["status"] = ready ? "ready" : "not-ready",
            ["config"] = readiness.ConfigLoaded ? "loaded" : "loading",
            ["cluster"] = member,
            ["ami"] = status is null ? "unknown" : status.Connected ? "connected" : "disconnected",
        };
        if (status?.LastError is { } err) body["amiError"] = err;
        return WireJson.Json(body, ready ? 200 : 503);
    }
}
