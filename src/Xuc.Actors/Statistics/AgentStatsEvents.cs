using Xuc.Actors.Entities.Agent;

namespace Xuc.Actors.Statistics;

// What an agent's statistics aggregator persists: one fact per step of his day that counts, each with its time.

/// <summary>A fact of an agent's day, in the aggregator's journal.</summary>
public interface IAgentStatsFact : Persistence.IPersisted
{
    DateTimeOffset At { get; }
}

/// <summary>
/// The agent's status as his <c>AgentStateEvent</c> names it changed: the status that ends adds its time to its
/// total (ready, paused, wrap-up); leaving <see cref="AgentStatus.LoggedOut"/> is a login, entering it a logout.
/// </summary>
public sealed record AgentStatusEntered(AgentStatus Status, DateTimeOffset At) : IAgentStatsFact;

/// <summary>A queue call rang him (AgentCalled), or reached him without ringing first.</summary>
public sealed record AgentQueueCallOffered(DateTimeOffset At) : IAgentStatsFact;

/// <summary>He answered a queue call (AgentConnect): its talk time runs from here.</summary>
public sealed record AgentQueueCallAnswered(DateTimeOffset At) : IAgentStatsFact;

/// <summary>The queue call he was talking on ended (AgentComplete, or his status left the call another way).</summary>
public sealed record AgentQueueCallEnded(DateTimeOffset At) : IAgentStatsFact;

/// <summary>His phone placed a call of its own (a channel it opened dialing out).</summary>
public sealed record AgentOutboundCallPlaced(DateTimeOffset At) : IAgentStatsFact;
