using System.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Sessions;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.Diagnostics;

/// <summary>
/// <c>GET /xuc/api/2.0/diagnostics/memory</c>, Admin only: this process's memory after a full, compacting garbage
/// collection (managed heap and resident set) and the CTI sessions this node holds. It forces a collection, so it is
/// for benchmarks and investigations (<c>./build.sh bench sessions</c>), not for monitoring at a high rate.
/// </summary>
public static class DiagnosticsEndpoints
{
    public const string MemoryPath = "/xuc/api/2.0/diagnostics/memory";

    public static IEndpointRouteBuilder MapDiagnosticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(MemoryPath, Memory).RequireAuthorization(XucPolicies.Admin);
        return app;
    }

    private static async Task<IResult> Memory(IActorRegistry registry)
    {
        var sessions = await registry.Get<SessionManagerActor>().Ask<int>(CountSessions.Instance, TimeSpan.FromSeconds(10));
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return WireJson.Json(new JObject
        {
            ["managedHeapBytes"] = heap,
            ["residentBytes"] = self.WorkingSet64,
            ["ctiSessions"] = sessions,
        });
    }
}
