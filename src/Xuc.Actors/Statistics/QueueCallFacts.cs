using Xuc.Actors.Entities.Queue;

namespace Xuc.Actors.Statistics;

/// <summary>
/// The call steps a queue entity's change brings its aggregator (app_queue's events; a resync's callers gone unseen):
/// a plain function of the aggregator's state, so a fold outside the actors (the stats benchmark's check) counts the same.
/// </summary>
public static class QueueCallFacts
{
    public static List<IQueueCallFact> Of(QueueStatsState state, QueueStatsInput input, DateTimeOffset now)
    {
        var facts = new List<IQueueCallFact>();
        if (input.Reconciled)
            facts.AddRange(state.Waiting.Keys.Where(uid => !input.State.Waiting.ContainsKey(uid)).Order(StringComparer.Ordinal)
                .Select(uid => new QueueCallLeft(uid, now)));
        if (input.Event is not { } e || e["Uniqueid"] is not { } uid) return facts;
        var waiting = state.Waiting.ContainsKey(uid);
        switch (e.Name)
        {
            case "QueueCallerJoin" when !waiting:
                facts.Add(new QueueCallEntered(uid, now));
                break;
            case "QueueEntry" when !waiting:
                // A caller who joined while the link was down: entered when the PBX says he started waiting.
                facts.Add(new QueueCallEntered(uid, now.AddSeconds(-Int(e["Wait"]))));
                break;
            case "AgentConnect":
                facts.Add(new QueueCallAnswered(uid, now, Int(e["HoldTime"])));
                break;
            case "QueueCallerAbandon":
                facts.Add(new QueueCallAbandoned(uid, now, Int(e["HoldTime"])));
                break;
            case "QueueCallerLeave" when waiting:
                facts.Add(new QueueCallLeft(uid, now));
                break;
        }
        return facts;
    }

    private static int Int(string? s) => int.TryParse(s, out var v) ? v : 0;
}
