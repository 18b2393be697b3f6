namespace Xuc.Actors.Messages.Events;

/// <summary>Persisted facts of an agent's working day (journal events of the Agent entity).</summary>
public interface IAgentEvent
{
    string AgentId { get; }
    DateTimeOffset At { get; }
}

public sealed record AgentLoggedIn(string AgentId, string PhoneNumber, string Interface, DateTimeOffset At) : IAgentEvent;

public sealed record AgentLoggedOut(string AgentId, DateTimeOffset At) : IAgentEvent;

public sealed record AgentPaused(string AgentId, string? Reason, DateTimeOffset At) : IAgentEvent;

public sealed record AgentUnpaused(string AgentId, DateTimeOffset At) : IAgentEvent;
