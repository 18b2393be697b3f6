using Akka.Actor;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.Ops;

/// <summary>
/// The operations API under <c>/xuc/api/2.0/ops</c>, Admin only, that <c>./build.sh ctl</c> (src/Xuc.Ctl) talks to
/// (docs/operations.md, "Operating Xuc"). Any node answers; what is per node (sessions, sharding) is asked of every
/// member of the cluster. One small file per subject.
/// </summary>
public static class OpsEndpoints
{
    public const string Root = "/xuc/api/2.0/ops";

    /// <summary>How long a node's actor may take to answer an operator's question.</summary>
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapOpsEndpoints(this IEndpointRouteBuilder root)
    {
        var ops = root.MapGroup(Root).RequireAuthorization(XucPolicies.Admin);
        ClusterOps.Map(ops);
        ShardingOps.Map(ops);
        SessionOps.Map(ops);
        AgentOps.Map(ops);
        AmiOps.Map(ops);
        QueueOps.Map(ops);
        ConfigOps.Map(ops);
        LogLevelOps.Map(ops);
        return root;
    }

    /// <summary>An actor's answer, or a 503 naming what did not answer in time.</summary>
    public static async Task<IResult> AskOr503<T>(ICanTell actor, object question, string what, Func<T, IResult> answer, TimeSpan? timeout = null)
    {
        try
        {
            return answer(await actor.Ask<T>(question, timeout ?? AskTimeout));
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return WireJson.Error(503, "NoAnswer", $"{what} did not answer within {(timeout ?? AskTimeout).TotalSeconds:0} s");
        }
    }

    public static IResult NotFound(string what) => WireJson.Error(404, "NotFound", what);
}
