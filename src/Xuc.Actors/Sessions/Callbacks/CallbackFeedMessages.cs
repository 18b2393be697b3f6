using Akka.Actor;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>
/// A session asks the node's callback feed for the events of the lists it sees (after <c>getCallbackLists</c>); the
/// feed delivers <see cref="First"/> (the <c>CallbackLists</c> answer) before anything else, so no event overtakes it.
/// </summary>
public sealed record JoinCallbackFeed(IActorRef Session, ISessionSink Sink, IReadOnlySet<string> Lists, int? AgentId, ICtiMessage? First = null);
