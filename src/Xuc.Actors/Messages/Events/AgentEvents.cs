namespace Xuc.Actors.Messages.Events;

/// <summary>Persisted facts of an agent's working day (journal events of the Agent entity).</summary>
public interface IAgentEvent : Persistence.IPersisted
{
    string AgentId { get; }
    DateTimeOffset At { get; }
}

public sealed record AgentLoggedIn(string AgentId, string PhoneNumber, string Interface, DateTimeOffset At) : IAgentEvent;

public sealed record AgentLoggedOut(string AgentId, DateTimeOffset At) : IAgentEvent;

public sealed record AgentPaused(string AgentId, string? Reason, DateTimeOffset At) : IAgentEvent;

public sealed record AgentUnpaused(string AgentId, DateTimeOffset At) : IAgentEvent;

/// <summary>The PBX has the agent as a member of <paramref name="Queue"/> (QueueMemberAdded, or listed by QueueStatus).</summary>
/// <param name="QueueId">The configured queue's id (0 for a queue the configuration does not have).</param>
/// <param name="MemberInterface">The member's interface on the PBX (<c>PJSIP/1001</c> or <c>Local/1001@agents/n</c>).</param>
public sealed record AgentQueueJoined(string AgentId, string Queue, int QueueId, string MemberInterface, DateTimeOffset At) : IAgentEvent;

/// <summary>The PBX no longer has the agent in <paramref name="Queue"/> (QueueMemberRemoved, or missing from QueueStatus).</summary>
public sealed record AgentQueueLeft(string AgentId, string Queue, DateTimeOffset At) : IAgentEvent;
