using Xuc.Actors.Messages.Events;
using AgentConfig = Xuc.Actors.Configuration.Model.Agent;

namespace Xuc.Actors.Entities.Agent;

/// <summary>What an agent is doing, in the words of AgentStateEvent.</summary>
public enum AgentStatus { LoggedOut, Ready, Paused, Ringing, OnCall, Wrapup }

/// <summary>
/// An agent's state. Login and pause are persisted facts (<see cref="Apply(IAgentEvent)"/>);
/// ringing / on call / wrap-up follow the PBX and are rebuilt from AMI after a restart.
/// </summary>
public sealed record AgentState(
    string AgentId,
    bool LoggedIn,
    string? PhoneNumber,
    string? Interface,
    bool Paused,
    string? PauseReason,
    AgentStatus CallStatus,
    DateTimeOffset Since)
{
    public static AgentState Empty(string agentId) =>
        new(agentId, false, null, null, false, null, AgentStatus.LoggedOut, DateTimeOffset.MinValue);

    /// <summary>
    /// The agent as configured (number, names, group, default queues). The entity attaches it to what it answers
    /// and publishes; it is not part of the persisted facts, so it always comes from the configuration of the day.
    /// </summary>
    public AgentConfig? Config { get; init; }

    /// <summary>The status a client sees: logged out, paused, or what the calls make it.</summary>
    public AgentStatus Status => !LoggedIn ? AgentStatus.LoggedOut
        : CallStatus is AgentStatus.Ringing or AgentStatus.OnCall or AgentStatus.Wrapup ? CallStatus
        : Paused ? AgentStatus.Paused : AgentStatus.Ready;

    public AgentState Apply(IAgentEvent e) => e switch
    {
        AgentLoggedIn i => this with { LoggedIn = true, PhoneNumber = i.PhoneNumber, Interface = i.Interface, Paused = false, PauseReason = null, CallStatus = AgentStatus.Ready, Since = i.At },
        AgentLoggedOut o => Empty(AgentId) with { Since = o.At },
        AgentPaused p => this with { Paused = true, PauseReason = p.Reason, Since = p.At },
        AgentUnpaused u => this with { Paused = false, PauseReason = null, Since = u.At },
        _ => this,
    };

    /// <summary>Call progress from app_queue events on the agent's interface.</summary>
    public AgentState Apply(AmiEventData e, DateTimeOffset now)
    {
        if (!LoggedIn) return this;
        var next = e.Name switch
        {
            "AgentCalled" => AgentStatus.Ringing,
            "AgentConnect" => AgentStatus.OnCall,
            "AgentRingNoAnswer" => AgentStatus.Ready,
            "AgentComplete" => AgentStatus.Ready,
            "AgentDump" => AgentStatus.Ready,
            _ => CallStatus,
        };
        return next == CallStatus ? this : this with { CallStatus = next, Since = now };
    }
}
