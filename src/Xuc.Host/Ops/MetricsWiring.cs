using Akka.Actor;
using Akka.Hosting;
using Prometheus;
using Xuc.Actors.Metrics;
using Xuc.Actors.Routing;
using Xuc.Actors.Services;
using Xuc.Actors.Sessions;

namespace Xuc.Host.Ops;

/// <summary>
/// <c>GET /metrics</c> in Prometheus' text format, unauthenticated like <c>/health</c> (docs/operations.md, "Metrics"):
/// the node's <see cref="XucMetrics"/>, its sessions and the AMI router's mailbox read at scrape time, and every HTTP
/// request counted by route template.
/// </summary>
public static class MetricsWiring
{
    public const string Path = "/metrics";

    /// <summary>The metrics in the node's services (the AMI singleton and the entities count into them) and the shard watcher.</summary>
    public static AkkaConfigurationBuilder WithMetrics(this AkkaConfigurationBuilder builder, XucMetrics metrics)
        => builder.AddStartup((system, registry) =>
        {
            NodeServices.For(system).Register(metrics);
            var regions = new Dictionary<string, IActorRef>
            {
                ["line"] = registry.Get<LineRegion>(), ["agent"] = registry.Get<AgentRegion>(), ["queue"] = registry.Get<QueueRegion>(),
            };
            system.ActorOf(ShardWatchActor.PropsFor(metrics, regions), "shard-watch");
            var sessions = registry.Get<SessionManagerActor>();
            metrics.Registry.AddBeforeCollectCallback(async cancel =>
            {
                metrics.RouterMailbox.Set(metrics.RouterMailboxDepth?.Invoke() ?? 0);
                try
                {
                    metrics.Sessions.Set(await sessions.Ask<int>(CountSessions.Instance, OpsEndpoints.AskTimeout, cancel));
                }
                catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
                {
                    // The gauge keeps its last value.
                }
            });
        });

    /// <summary>Counts every request (method, route template, status code) and its duration.</summary>
    public static WebApplication UseHttpMetrics(this WebApplication web, XucMetrics metrics)
    {
        web.Use(async (context, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? (context.Response.StatusCode == 404 ? "unmatched" : "static");
                var method = context.Request.Method;
                metrics.HttpRequests.WithLabels(method, route, context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
                metrics.HttpDuration.WithLabels(method, route).Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        });
        return web;
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app, XucMetrics metrics)
    {
        app.MapMetrics(Path, metrics.Registry);
        return app;
    }
}
