using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Commands;

/// <summary>Log an agent in on a phone line (its number, e.g. 1001). Answered with <see cref="AgentCommandResult"/>.</summary>
public sealed record LoginAgent(string AgentId, string PhoneNumber, string Interface) : IWithAgentId;

public sealed record LogoutAgent(string AgentId) : IWithAgentId;

public sealed record PauseAgent(string AgentId, string? Reason) : IWithAgentId;

public sealed record UnpauseAgent(string AgentId) : IWithAgentId;

/// <summary>The outcome of an agent command: Ok, or an error code such as <c>LoggedInOnAnotherPhone</c>.</summary>
public sealed record AgentCommandResult(string AgentId, bool Ok, string? Error = null, string? PhoneNumber = null);

// What a CTI session asks of an agent (docs/cti-websocket.md, "Agents"). The entity checks the requester's rights,
// sends the PBX the actions and answers an AgentRequestOutcome; the state itself changes only when the PBX reports it.

/// <summary>
/// Who asks: <paramref name="Groups"/> the agent groups the requester may act on (a Supervisor's profile), or null
/// for any agent (Admin, or NoRight acting on his own agent, which the session checked).
/// </summary>
public sealed record AgentRequester(string Login, IReadOnlyList<int>? Groups)
{
    public bool MayActOn(int groupId) => Groups is null || Groups.Contains(groupId);
}

/// <summary><c>agentLogin</c>: QueueAdd in each of the agent's queues, on the line numbered <paramref name="PhoneNumber"/>.</summary>
public sealed record AgentLoginRequest(string AgentId, string PhoneNumber, AgentRequester By) : IWithAgentId;

/// <summary><c>agentLogout</c>: QueueRemove from each of his queues.</summary>
public sealed record AgentLogoutRequest(string AgentId, AgentRequester By) : IWithAgentId;

/// <summary><c>pauseAgent</c> / <c>unpauseAgent</c>: QueuePause on each of his member interfaces.</summary>
public sealed record AgentPauseRequest(string AgentId, bool Pause, string? Reason, AgentRequester By) : IWithAgentId;

/// <summary><c>monitorPause</c> / <c>monitorUnpause</c>: MixMonitorMute on the channel of the agent's current call.</summary>
public sealed record AgentMonitorRequest(string AgentId, bool Pause, AgentRequester By) : IWithAgentId;

/// <summary>
/// <c>listenAgent</c>: an Originate to <paramref name="ListenerInterface"/> (the requester's own line) that runs ChanSpy
/// on the agent's line once answered.
/// </summary>
public sealed record AgentListenRequest(string AgentId, string ListenerInterface, AgentRequester By) : IWithAgentId;

/// <summary>
/// The answer to an agent request: <see cref="Error"/> null when the PBX did all it was asked (the state events follow
/// from the PBX), else one of <see cref="AgentErrors"/> with the PBX's words in <see cref="Message"/>.
/// </summary>
public sealed record AgentRequestOutcome(string AgentId, string? Error = null, string? Message = null, string? PhoneNb = null, string? RequestedNb = null)
{
    public bool Ok => Error is null;

    /// <summary>A login's queues as the PBX took them (queue, configured id, member interface), for the entity to record.</summary>
    public IReadOnlyList<(string Queue, int QueueId, string Interface)> Joined { get; init; } = [];

    /// <summary>A refused login's queues that took him and were asked to remove him again (queue, member interface).</summary>
    public IReadOnlyList<(string Queue, string Interface)> Undone { get; init; } = [];
}

public static class AgentErrors
{
    public const string PhoneNumberUnknown = "PhoneNumberUnknown";
    public const string LoggedInOnAnotherPhone = "LoggedInOnAnotherPhone";
    public const string AgentNotLoggedIn = "AgentNotLoggedIn";
    /// <summary>monitorPause / monitorUnpause / listenAgent with no call up on the agent's line.</summary>
    public const string AgentNotOnCall = "AgentNotOnCall";
    public const string UnknownAgent = "UnknownAgent";
    public const string NotAuthorized = "NotAuthorized";
    /// <summary>The PBX answered <c>Response: Error</c>; the message is its text.</summary>
    public const string PbxRefused = "PbxRefused";
    /// <summary>The PBX did not answer in time, or the AMI link was down.</summary>
    public const string PbxUnavailable = "PbxUnavailable";
}
