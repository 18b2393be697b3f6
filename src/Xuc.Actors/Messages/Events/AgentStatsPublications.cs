using Xuc.Actors.Statistics;

namespace Xuc.Actors.Messages.Events;

/// <summary>
/// An agent's statistics (<see cref="AgentCounters"/>) up to the moment it was asked, answered to
/// <see cref="Queries.GetAgentStats"/>; <see cref="Seq"/>: the last <see cref="AgentStatsChanged"/> it includes.
/// </summary>
public sealed record AgentStatsSnapshot(string AgentId, long Seq, IReadOnlyList<AgentStat> Stats) : IEntitySnapshot
{
    /// <summary>This snapshot with a delta's statistics replaced (what a subscriber keeps).</summary>
    public AgentStatsSnapshot Apply(IEntityDelta delta) => delta is AgentStatsChanged c
        ? this with { Stats = Stats.Select(s => c.Stats.FirstOrDefault(n => n.Name == s.Name) ?? s).ToArray(), Seq = c.Seq }
        : this with { Seq = delta.Seq };
}

/// <summary>The statistics of an agent that changed, published on <c>agent-stats</c> (every agent's on one topic).</summary>
public sealed record AgentStatsChanged(string AgentId, long Seq, IReadOnlyList<AgentStat> Stats) : IEntityDelta;
