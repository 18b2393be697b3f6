using Xuc.Actors.Entities.Agent;

namespace Xuc.Actors.Messages.Events;

/// <summary>
/// Published on <c>agent:&lt;id&gt;</c> after each change. An agent's state is a handful of fields, so its delta is
/// its new state (the agents issue may split it).
/// </summary>
public sealed record AgentStateChanged(AgentState State) : IEntityPublication;

/// <summary>
/// Someone started (<paramref name="Started"/>) or stopped listening to the agent (ChanSpyStart / ChanSpyStop on his
/// line), published on <c>agent:&lt;id&gt;</c> and, when the listen was ours, on the listener's <c>user:&lt;login&gt;</c>.
/// </summary>
public sealed record AgentListenChanged(int AgentId, string PhoneNumber, bool Started) : IEntityPublication;
