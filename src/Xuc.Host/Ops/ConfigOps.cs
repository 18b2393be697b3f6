using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Host.Http;

namespace Xuc.Host.Ops;

/// <summary>
/// <c>POST ops/config/reload</c>: the configuration re-read from the store (after it was changed beside Xuc, e.g. a
/// restored database) and given to this node's entities and every other node, as an import is.
/// </summary>
public static class ConfigOps
{
    public static void Map(RouteGroupBuilder ops)
    {
        ops.MapPost("/config/reload", async (ConfigStore store, EntityConfigDirectory directory) =>
        {
            var before = new ConfigSnapshot { Lines = [.. directory.Lines], Queues = [.. directory.Queues], Agents = [.. directory.Agents] };
            var (snapshot, changed) = await store.ReloadAsync(before);
            return WireJson.Json(new JObject
            {
                ["reloaded"] = true,
                ["users"] = snapshot.Users.Count, ["lines"] = snapshot.Lines.Count, ["queues"] = snapshot.Queues.Count, ["agents"] = snapshot.Agents.Count,
                ["entitiesChanged"] = changed,
            });
        });
    }
}
