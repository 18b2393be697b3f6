using Akka.Actor;
using Akka.Hosting;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.Ops;

/// <summary>
/// <c>GET ops/agents</c>: every configured agent's state as his entity holds it; <c>POST ops/agents/{id}/logout</c>:
/// the agent logged out on the PBX (QueueRemove from each of his queues, as his own <c>agentLogout</c> does).
/// </summary>
public static class AgentOps
{
    public static void Map(RouteGroupBuilder ops)
    {
        ops.MapGet("/agents", async (EntityConfigDirectory directory, IRequiredActor<AgentRegion> agents) =>
        {
            var configured = directory.Agents.OrderBy(a => a.Id).ToList();
            var states = await Task.WhenAll(configured.Select(a => StateAsync(agents.ActorRef, EntityConfigDirectory.KeyOf(a))));
            return WireJson.Json(new JObject
            {
                ["agents"] = new JArray(configured.Zip(states).Select(x => new JObject
                {
                    ["id"] = x.Item1.Id, ["number"] = x.Item1.Number, ["name"] = $"{x.Item1.FirstName} {x.Item1.LastName}".Trim(),
                    ["status"] = x.Item2?.Status.ToString() ?? "Unknown",
                    ["phone"] = x.Item2?.PhoneNumber, ["pauseReason"] = x.Item2?.PauseReason,
                    ["queues"] = x.Item2 is null ? null : string.Join(",", x.Item2.Memberships.Select(m => m.Queue).Distinct()),
                    ["since"] = x.Item2 is { LoggedIn: true } s ? s.Since : null,
                })),
            });
        });
        ops.MapPost("/agents/{id}/logout", async (string id, HttpContext context, EntityConfigDirectory directory, IRequiredActor<AgentRegion> agents) =>
        {
            if (directory.Agent(id) is null) return OpsEndpoints.NotFound($"no agent {id} (`ctl agents` lists them)");
            var request = new AgentLogoutRequest(id, new AgentRequester(XucClaims.LoginOf(context.User), null));
            return await OpsEndpoints.AskOr503<AgentRequestOutcome>(agents.ActorRef, request, $"agent {id}", outcome => outcome.Ok
                ? WireJson.Json(new JObject { ["agent"] = id, ["loggedOut"] = true, ["phone"] = outcome.PhoneNb })
                : WireJson.Error(outcome.Error == AgentErrors.PbxUnavailable ? 503 : 409, outcome.Error!, outcome.Message ?? (outcome.Error == AgentErrors.AgentNotLoggedIn ? $"agent {id} is not logged in" : $"agent {id}: {outcome.Error}")),
                AgentRequests.ActionTimeout * 2);
        });
    }

    private static async Task<AgentState?> StateAsync(IActorRef agents, string id)
    {
        try
        {
            return await agents.Ask<AgentState>(new GetAgentState(id), OpsEndpoints.AskTimeout);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return null;
        }
    }

}
