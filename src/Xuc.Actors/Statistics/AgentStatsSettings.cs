using Akka.Configuration;

namespace Xuc.Actors.Statistics;

/// <summary>The agent statistics settings of <c>xuc.statistics</c> (hocon/xuc.conf; docs/cti-websocket.md, "Agent statistics").</summary>
public sealed record AgentStatsSettings
{
    /// <summary>
    /// How often each agent's totals are published while his status lasts (the status in progress grows with the clock);
    /// zero: only when his status changes and at midnight.
    /// </summary>
    public TimeSpan Refresh { get; init; } = TimeSpan.FromSeconds(30);

    public static AgentStatsSettings From(Config hocon) => new()
    {
        Refresh = QueueStatsSettings.Read(hocon, "agent-refresh", "XUC_STATS_AGENT_REFRESH", "a duration such as 30s, or 0s for none",
            new AgentStatsSettings().Refresh, v => v >= TimeSpan.Zero),
    };
}
