using Akka.Actor;
using Akka.Cluster;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Sessions;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.Ops;

/// <summary>
/// <c>GET ops/sessions[?user=LOGIN]</c>: the open CTI sessions of every node (asked of each member's
/// <c>/user/cti-sessions</c>); <c>POST ops/sessions/{user}/kick</c>: closes that user's sessions on every node (his
/// sockets are closed with the reason; the stock client reconnects with a valid token: a logout-all or a password
/// change keeps him out).
/// </summary>
public static class SessionOps
{
    public static void Map(RouteGroupBuilder ops)
    {
        ops.MapGet("/sessions", async (HttpRequest r, ActorSystem system) =>
        {
            var login = r.Query["user"].ToString() is { Length: > 0 } u ? u : null;
            var answers = await OnEveryNode<SessionList>(system, new ListSessions(login));
            return WireJson.Json(new JObject
            {
                ["nodes"] = new JArray(answers.Select(a => a.Answer is { } list
                    ? new JObject
                    {
                        ["node"] = a.Node, ["count"] = list.Sessions.Count,
                        ["sessions"] = new JArray(list.Sessions.Select(s => new JObject { ["login"] = s.Login, ["session"] = s.Session, ["since"] = s.Since })),
                    }
                    : new JObject { ["node"] = a.Node, ["error"] = "no answer" })),
            });
        });
        ops.MapPost("/sessions/{user}/kick", async (string user, HttpContext context, ActorSystem system) =>
        {
            var by = XucClaims.LoginOf(context.User);
            var answers = await OnEveryNode<SessionsKicked>(system, new KickSessions(user, $"closed by the administrator {by}"));
            var kicked = answers.Sum(a => a.Answer?.Count ?? 0);
            if (kicked == 0 && answers.All(a => a.Answer is not null))
                return OpsEndpoints.NotFound($"{user} has no open session on any node");
            return WireJson.Json(new JObject
            {
                ["user"] = user, ["kicked"] = kicked,
                ["nodes"] = new JArray(answers.Select(a => new JObject { ["node"] = a.Node, ["kicked"] = a.Answer?.Count, ["error"] = a.Answer is null ? "no answer" : null })),
            });
        });
    }

    /// <summary>The question put to the session manager of every member that is up, each answer or null.</summary>
    private static async Task<IReadOnlyList<(string Node, T? Answer)>> OnEveryNode<T>(ActorSystem system, object question) where T : class
    {
        var members = Cluster.Get(system).State.Members.Where(m => m.Status == MemberStatus.Up || m.Status == MemberStatus.Leaving).Select(m => m.Address).ToList();
        return await Task.WhenAll(members.Select(async address =>
        {
            try
            {
                var answer = await system.ActorSelection(new RootActorPath(address) / "user" / "cti-sessions").Ask<T>(question, OpsEndpoints.AskTimeout);
                return (address.ToString(), (T?)answer);
            }
            catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
            {
                return (address.ToString(), null);
            }
        }));
    }
}
