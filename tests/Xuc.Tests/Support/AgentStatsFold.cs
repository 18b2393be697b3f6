using Newtonsoft.Json.Linq;
using Xuc.Actors.Statistics;

namespace Xuc.Tests.Support;

/// <summary>
/// A client's view of the <c>AgentStatistics</c> frames it received, folded per agent: the first frame of an agent
/// must carry every statistic in order (the snapshot), every later one only statistics whose value changed (the
/// deltas); an agent the client may not see fails the fold at once.
/// </summary>
public sealed class AgentStatsFold(params int[] visible)
{
    public Dictionary<int, Dictionary<string, object>> Agents { get; } = [];

    public Dictionary<string, object> this[int agentId] => Agents[agentId];

    /// <summary>The statistics as computed by hand, in the wire's order.</summary>
    public static Dictionary<string, object> Expected(long paused, long wrapup, long ready, string login, string logout, long inbound, long answered, long averageTalk,
        long outbound)
        => AgentCounters.Names.Zip(new object[] { paused, wrapup, ready, login, logout, inbound, answered, averageTalk, outbound })
            .ToDictionary(p => p.Item1, p => p.Item2);

    public void Apply(JObject message)
    {
        var id = (int)message["id"]!;
        Assert.True(visible.Contains(id), $"AgentStatistics of agent {id}, who is not one this client may see ({string.Join(", ", visible)})");
        var stats = ((JArray)message["statistics"]!).Cast<JObject>().Select(s => ((string)s["name"]!, Value(s["value"]!))).ToList();
        if (!Agents.TryGetValue(id, out var known))
        {
            Assert.Equal(AgentCounters.Names, stats.Select(s => s.Item1));
            Agents[id] = stats.ToDictionary(s => s.Item1, s => s.Item2);
            return;
        }
        Assert.NotEmpty(stats);
        foreach (var (name, value) in stats)
        {
            Assert.True(!known[name].Equals(value), $"agent {id}: a delta repeats {name} = {value}");
            known[name] = value;
        }
    }

    /// <summary>Reads the client's frames until the agent's statistics have these values (frames of other types are skipped).</summary>
    public async Task Until(CtiClient client, int agentId, params (string Name, object Value)[] expected)
    {
        while (!Agents.TryGetValue(agentId, out var known) || expected.Any(e => !known[e.Name].Equals(e.Value)))
        {
            try
            {
                Apply(await QueueFrames.Next(client, "AgentStatistics"));
            }
            catch (OperationCanceledException)
            {
                var had = Agents.TryGetValue(agentId, out var k) ? string.Join(", ", k.Select(kv => $"{kv.Key}={kv.Value}")) : "nothing";
                Assert.Fail($"agent {agentId}: no frame brought {string.Join(", ", expected.Select(e => $"{e.Name}={e.Value}"))}; the fold has {had}");
            }
        }
    }

    /// <summary>Reads frames until every agent of <paramref name="agents"/> has had its snapshot.</summary>
    public async Task Snapshots(CtiClient client, params int[] agents)
    {
        while (agents.Any(a => !Agents.ContainsKey(a))) Apply(await QueueFrames.Next(client, "AgentStatistics"));
    }

    private static object Value(JToken token) => token.Type == JTokenType.Integer ? (long)token : (string)token!;
}
