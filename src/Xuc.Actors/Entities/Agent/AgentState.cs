using Xuc.Actors.Messages.Events;
using AgentConfig = Xuc.Actors.Configuration.Model.Agent;

namespace Xuc.Actors.Entities.Agent;

/// <summary>What an agent is doing, in the words of AgentStateEvent.</summary>
public enum AgentStatus { LoggedOut, Ready, Paused, Ringing, OnCall, Wrapup }

/// <summary>One queue the PBX has the agent in, and the member interface it rings (<c>Local/1001@agents/n</c>).</summary>
public sealed record AgentMembership(string Queue, int QueueId, string Interface);

/// <summary>The queue call an agent is on: where it came from, for AgentOnCall.</summary>
public sealed record AgentCall(string Queue, string CallerNumber, string Channel);

/// <summary>
/// An agent's state. Login, queues and pause are persisted facts (<see cref="Apply(IAgentEvent)"/>), recorded as the
/// PBX reports them (<see cref="AgentDerivation"/>); ringing / on call / wrap-up follow the PBX and are rebuilt from
/// AMI after a restart.
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

    /// <summary>The queues the PBX has the agent in, in the order it joined them.</summary>
    public IReadOnlyList<AgentMembership> Memberships { get; init; } = [];

    /// <summary>The queue call being rung or talked on (null otherwise).</summary>
    public AgentCall? Call { get; init; }

    /// <summary>The status a client sees: logged out, paused, or what the calls make it.</summary>
    public AgentStatus Status => !LoggedIn ? AgentStatus.LoggedOut
        : CallStatus is AgentStatus.Ringing or AgentStatus.OnCall or AgentStatus.Wrapup ? CallStatus
        : Paused ? AgentStatus.Paused : AgentStatus.Ready;

    public AgentState Apply(IAgentEvent e) => e switch
    {
        AgentLoggedIn i => this with
        {
            LoggedIn = true, PhoneNumber = i.PhoneNumber, Interface = i.Interface, Paused = false, PauseReason = null,
            CallStatus = AgentStatus.Ready, Since = i.At, Memberships = [], Call = null,
        },
        // The phone he was on stays known: AgentLoggedOut names it.
        AgentLoggedOut o => Empty(AgentId) with { Since = o.At, PhoneNumber = PhoneNumber },
        AgentPaused p => this with { Paused = true, PauseReason = p.Reason, Since = p.At },
        AgentUnpaused u => this with { Paused = false, PauseReason = null, Since = u.At },
        AgentQueueJoined j => this with
        {
            Memberships = Memberships.Where(m => m.Queue != j.Queue).Append(new AgentMembership(j.Queue, j.QueueId, j.MemberInterface)).ToArray(),
        },
        AgentQueueLeft l => this with { Memberships = Memberships.Where(m => m.Queue != l.Queue).ToArray() },
        _ => this,
    };

    /// <summary>Call progress from app_queue events on the agent's interface.</summary>
    /// <param name="wrapUpSeconds">The wrap-up time of the queue the event names: AgentComplete starts a wrap-up that long (none at 0).</param>
    public AgentState Apply(AmiEventData e, DateTimeOffset now, int wrapUpSeconds = 0)
    {
        if (!LoggedIn) return this;
        var next = e.Name switch
        {
            "AgentCalled" => AgentStatus.Ringing,
            "AgentConnect" => AgentStatus.OnCall,
            "AgentRingNoAnswer" => CallStatus == AgentStatus.Ringing ? AgentStatus.Ready : CallStatus,
            "AgentComplete" => wrapUpSeconds > 0 ? AgentStatus.Wrapup : AgentStatus.Ready,
            "AgentDump" => AgentStatus.Ready,
            _ => CallStatus,
        };
        if (next == CallStatus) return this;
        var call = next is AgentStatus.Ringing or AgentStatus.OnCall
            ? new AgentCall(e["Queue"] ?? "", e["CallerIDNum"] ?? "", e["Channel"] ?? "")
            : null;
        return this with { CallStatus = next, Since = now, Call = call };
    }

    /// <summary>The queue's wrap-up time is over.</summary>
    public AgentState EndWrapUp(DateTimeOffset now) =>
        CallStatus == AgentStatus.Wrapup ? this with { CallStatus = AgentStatus.Ready, Since = now } : this;
}
