using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Commands;

/// <summary>Log an agent in on a phone line (its number, e.g. 1001). Answered with <see cref="AgentCommandResult"/>.</summary>
public sealed record LoginAgent(string AgentId, string PhoneNumber, string Interface) : IWithAgentId;

public sealed record LogoutAgent(string AgentId) : IWithAgentId;

public sealed record PauseAgent(string AgentId, string? Reason) : IWithAgentId;

public sealed record UnpauseAgent(string AgentId) : IWithAgentId;

/// <summary>The outcome of an agent command: Ok, or an error code such as <c>LoggedInOnAnotherPhone</c>.</summary>
public sealed record AgentCommandResult(string AgentId, bool Ok, string? Error = null, string? PhoneNumber = null);
