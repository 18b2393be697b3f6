using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Agents;

/// <summary>
/// The agents benchmark's configuration: <c>user1..userN</c>, each with his own line <c>PJSIP/100001..</c> and agent,
/// plain agents (a NoRight profile: they watch their own agent only), in Q queues, 2 queues each and a third for every
/// other agent (2.5 on average); one more user, the administrator the configuration needs. The simulator gets the same
/// queues (an Asterisk's queues.conf).
/// </summary>
public static class AgentStore
{
    public static ConfigSnapshot Create(int agents, int queues)
    {
        var admin = agents + 1;
        var s = SyntheticDataset.Create(users: admin, agents: agents, queues: queues);
        return s with
        {
            RightProfiles = [.. s.RightProfiles, new RightProfile { Id = 2, Name = "Agent", Kind = ProfileKind.NoRight }],
            Users = s.Users.Select(u => u.Id == admin ? u : u with { RightProfileId = 2 }).ToList(),
            Agents = s.Agents.Select(a => a with { DefaultQueues = QueuesOf(a.Id, queues) }).ToList(),
        };
    }

    /// <summary>Queue ids of agent <paramref name="id"/>: two neighbours, and every other agent one half-way round.</summary>
    private static List<QueueMembership> QueuesOf(int id, int queues)
    {
        var ids = new List<int> { 1 + (id - 1) % queues, 1 + id % queues };
        if (id % 2 == 1 && 1 + (id - 1 + queues / 2) % queues is var third && !ids.Contains(third)) ids.Add(third);
        return ids.Select((q, i) => new QueueMembership(q, i)).ToList();
    }

    public static int Memberships(ConfigSnapshot store, int agents) => store.Agents.Where(a => a.Id <= agents).Sum(a => a.DefaultQueues.Count);

    public static void AddQueues(PbxModel pbx, ConfigSnapshot store)
    {
        foreach (var q in store.Queues) pbx.AddQueue(q.Name, q.Number);
    }
}
