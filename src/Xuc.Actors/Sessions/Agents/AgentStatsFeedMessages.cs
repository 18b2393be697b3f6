using Akka.Actor;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Agents;

// Between a session and its node's agent statistics feed (node-local, never across nodes).

/// <summary><c>subscribeToAgentStats</c>: the statistics of every agent the session may see now, then those that change.</summary>
/// <param name="Viewer">Whose statistics the session may see (the one rule of every list and feed).</param>
public sealed record SubscribeAgentStats(IActorRef Session, Rights.Visibility Viewer);

