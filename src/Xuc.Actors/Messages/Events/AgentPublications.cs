using Xuc.Actors.Entities.Agent;

namespace Xuc.Actors.Messages.Events;

/// <summary>
/// Published on <c>agent:&lt;id&gt;</c> after each change. An agent's state is a handful of fields, so its delta is
/// its new state (the agents issue may split it).
/// </summary>
public sealed record AgentStateChanged(AgentState State) : IEntityPublication;
