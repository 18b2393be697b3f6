using Akka.Actor;
using Akka.Cluster.Sharding;
using Newtonsoft.Json.Linq;
using Xuc.Host.Http;

namespace Xuc.Host.Ops;

/// <summary>
/// <c>GET ops/sharding/regions</c>: each region type (line, agent, queue) with its shards and entities in the whole
/// cluster; <c>GET ops/sharding/regions/{type}</c>: the same per node (Akka's cluster sharding statistics).
/// </summary>
public static class ShardingOps
{
    public static void Map(RouteGroupBuilder ops)
    {
        ops.MapGet("/sharding/regions", async (ActorSystem system) =>
        {
            var sharding = ClusterSharding.Get(system);
            var rows = new JArray();
            foreach (var type in sharding.ShardTypeNames.Order())
            {
                var stats = await StatsAsync(sharding, type);
                rows.Add(new JObject
                {
                    ["type"] = type,
                    ["nodes"] = stats?.Regions.Count,
                    ["shards"] = stats?.Regions.Values.Sum(r => r.Stats.Count),
                    ["entities"] = stats?.Regions.Values.Sum(r => r.Stats.Values.Sum()),
                });
            }
            return WireJson.Json(new JObject { ["regions"] = rows });
        });
        ops.MapGet("/sharding/regions/{type}", async (string type, ActorSystem system) =>
        {
            var sharding = ClusterSharding.Get(system);
            if (!sharding.ShardTypeNames.Contains(type))
                return OpsEndpoints.NotFound($"no region type '{type}'; types: {string.Join(", ", sharding.ShardTypeNames.Order())}");
            if (await StatsAsync(sharding, type) is not { } stats)
                return WireJson.Error(503, "NoAnswer", $"the {type} regions did not answer within {OpsEndpoints.AskTimeout.TotalSeconds:0} s");
            return WireJson.Json(new JObject
            {
                ["type"] = type,
                ["nodes"] = new JArray(stats.Regions.OrderBy(r => r.Key.ToString()).Select(r => new JObject
                {
                    ["node"] = r.Key.ToString(),
                    ["shards"] = r.Value.Stats.Count,
                    ["entities"] = r.Value.Stats.Values.Sum(),
                    ["failedShards"] = r.Value.Failed.Count,
                })),
            });
        });
    }

    /// <summary>The region type's statistics from every node, or null when its coordinator did not answer in time.</summary>
    private static async Task<ClusterShardingStats?> StatsAsync(ClusterSharding sharding, string type)
    {
        try
        {
            return await sharding.ShardRegion(type).Ask<ClusterShardingStats>(new GetClusterShardingStats(OpsEndpoints.AskTimeout), OpsEndpoints.AskTimeout * 2);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return null;
        }
    }
}
