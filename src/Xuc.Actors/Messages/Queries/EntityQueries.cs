using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Queries;

/// <summary>Asks a line entity for its current state; answered with <see cref="Entities.Line.LineSnapshot"/>.</summary>
public sealed record GetLineState(string LineId) : IWithLineId;

/// <summary>Asks an agent entity for its current state; answered with <see cref="Entities.Agent.AgentState"/>.</summary>
public sealed record GetAgentState(string AgentId) : IWithAgentId;

/// <summary>Asks a queue entity for its current state; answered with <see cref="Entities.Queue.QueueSnapshot"/>.</summary>
public sealed record GetQueueState(string QueueId) : IWithQueueId;
