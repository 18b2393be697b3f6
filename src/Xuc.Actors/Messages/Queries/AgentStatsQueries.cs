using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Queries;

/// <summary>Asks an agent's statistics aggregator (through his entity) for his statistics now; answered with <see cref="Events.AgentStatsSnapshot"/>.</summary>
public sealed record GetAgentStats(string AgentId) : IWithAgentId;
