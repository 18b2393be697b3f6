using Akka.Actor;
using Xuc.Actors.Sessions.Rights;

namespace Xuc.Actors.Sessions.Agents;

// Between a session and its node's agent feed (node-local, never across nodes).

/// <summary><c>subscribeToAgentEvents</c>: every agent the session may see now, then each change.</summary>
public sealed record SubscribeAgentEvents(IActorRef Session, Visibility Visibility);

/// <summary><c>getAgentStates</c> (one <c>AgentStateEvent</c> per agent) or <c>getAgentDirectory</c> (<paramref name="Directory"/>), answered once.</summary>
public sealed record AskAgentStates(IActorRef Session, Visibility Visibility, bool Directory);
