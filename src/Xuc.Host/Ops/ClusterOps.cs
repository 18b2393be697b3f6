using Akka.Actor;
using Newtonsoft.Json.Linq;
using Xuc.Host.Http;
using AkkaCluster = Akka.Cluster.Cluster;

namespace Xuc.Host.Ops;

/// <summary>
/// <c>GET ops/cluster</c> (members, status, roles, leader, reachability, as this node sees them), <c>POST ops/cluster/leave</c>,
/// <c>POST ops/cluster/down</c> (<c>{"address": "akka.tcp://xuc@host:port"}</c>) and <c>POST ops/cluster/down-unreachable</c>.
/// </summary>
public static class ClusterOps
{
    public static void Map(RouteGroupBuilder ops)
    {
        ops.MapGet("/cluster", (ActorSystem system) => WireJson.Json(Show(AkkaCluster.Get(system))));
        ops.MapPost("/cluster/leave", (HttpRequest r, ActorSystem system) => OnMember(r, system, (c, a) => c.Leave(a), "leaving"));
        ops.MapPost("/cluster/down", (HttpRequest r, ActorSystem system) => OnMember(r, system, (c, a) => c.Down(a), "downed"));
        ops.MapPost("/cluster/down-unreachable", (ActorSystem system) =>
        {
            var cluster = AkkaCluster.Get(system);
            var unreachable = cluster.State.Unreachable.Select(m => m.Address).ToList();
            foreach (var address in unreachable) cluster.Down(address);
            return WireJson.Json(new JObject { ["downed"] = new JArray(unreachable.Select(a => a.ToString())) });
        });
    }

    private static JObject Show(AkkaCluster cluster)
    {
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        return new JObject
        {
            ["self"] = cluster.SelfAddress.ToString(),
            ["leader"] = state.Leader?.ToString(),
            ["members"] = new JArray(state.Members.Select(m => new JObject
            {
                ["address"] = m.Address.ToString(),
                ["status"] = m.Status.ToString(),
                ["reachable"] = !unreachable.Contains(m.Address),
                ["roles"] = string.Join(",", m.Roles),
                ["leader"] = m.Address.Equals(state.Leader),
                ["self"] = m.Address.Equals(cluster.SelfAddress),
            })),
        };
    }

    private static async Task<IResult> OnMember(HttpRequest request, ActorSystem system, Action<AkkaCluster, Address> act, string done)
    {
        var body = await WireJson.ReadObjectAsync(request, 4096, "the ops request body (4 KiB)");
        if (body?["address"] is not JValue { Type: JTokenType.String } given)
            return WireJson.Error(400, "AddressRequired", "give the member's address: {\"address\": \"akka.tcp://xuc@host:port\"} (see `ctl cluster show`)");
        var cluster = AkkaCluster.Get(system);
        var member = cluster.State.Members.FirstOrDefault(m => m.Address.ToString() == (string)given!);
        if (member is null)
            return OpsEndpoints.NotFound($"no member {(string)given!} in the cluster; members: {string.Join(", ", cluster.State.Members.Select(m => m.Address))}");
        act(cluster, member.Address);
        return WireJson.Json(new JObject { ["address"] = member.Address.ToString(), ["done"] = done });
    }
}
