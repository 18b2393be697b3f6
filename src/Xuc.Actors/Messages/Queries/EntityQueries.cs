using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Queries;

/// <summary>Asks a line entity for its current state; answered with <see cref="Entities.Line.LineSnapshot"/>.</summary>
public sealed record GetLineState(string LineId) : IWithLineId;

/// <summary>Asks an agent entity for its current state; answered with <see cref="Entities.Agent.AgentState"/>.</summary>
public sealed record GetAgentState(string AgentId) : IWithAgentId;

/// <summary>Asks a queue entity for its current state; answered with <see cref="Entities.Queue.QueueSnapshot"/>.</summary>
public sealed record GetQueueState(string QueueId) : IWithQueueId;

/// <summary>
/// Asks the AMI router which agent it routes a member interface's queue events to (directly or through the
/// StateInterface of a Local member); answered with <see cref="AgentOfInterface"/>. For operators and tests.
/// </summary>
public sealed record GetAgentOfInterface(string Interface);

/// <summary>The agent the router would give <paramref name="Interface"/>'s queue events to, or null.</summary>
public sealed record AgentOfInterface(string Interface, string? AgentId);

/// <summary>Asks the AMI router how many calls it keeps a context for (queue, attached data); answered with an <see cref="int"/>. For tests.</summary>
public sealed record CountCalls
{
    public static readonly CountCalls Instance = new();
}
