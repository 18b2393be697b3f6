using System.Globalization;
using Akka.Hosting;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Host.Http;

namespace Xuc.Host.Ops;

/// <summary><c>GET ops/queues/{id}/stats</c>: a queue's statistics of the day (the counters its subscribers get), by queue id or name.</summary>
public static class QueueOps
{
    public static void Map(RouteGroupBuilder ops)
    {
        ops.MapGet("/queues/{id}/stats", async (string id, EntityConfigDirectory directory, IRequiredActor<QueueRegion> queues) =>
        {
            var queue = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? directory.QueueById(n) : directory.Queue(id);
            if (queue is null) return OpsEndpoints.NotFound($"no queue {id} (give its id or name)");
            return await OpsEndpoints.AskOr503<QueueStatsSnapshot>(queues.ActorRef, new GetQueueStats(EntityConfigDirectory.KeyOf(queue)), $"queue {queue.Name}", s =>
                WireJson.Json(new JObject
                {
                    ["id"] = queue.Id, ["name"] = queue.Name,
                    ["counters"] = new JArray(s.Counters.Select(c => new JObject { ["name"] = c.Name, ["value"] = c.Value })),
                }));
        });
    }
}
