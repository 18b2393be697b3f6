using Akka.Actor;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>A session asks the node's callback feed for the events of the lists it sees (after <c>getCallbackLists</c>).</summary>
public sealed record JoinCallbackFeed(IActorRef Session, ISessionSink Sink, IReadOnlySet<string> Lists, int? AgentId);

/// <summary>What a callback command answers, piped back to its session; <see cref="Join"/> when it subscribes the session.</summary>
public sealed record CallbackReply(IReadOnlyList<ICtiMessage> Messages, IReadOnlySet<string>? Join = null);
