using Akka.Actor;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Rights;

namespace Xuc.Actors.Sessions.Queues;

// Between a session and its node's queue feeds (node-local, never across nodes).

// Visibility: the queues the session's profile may see (null: every queue).

/// <summary>
/// <c>subscribeToQueueStats</c>: every visible queue's counters now, then the counters that change.
/// <see cref="Sink"/>: the session's outbox; the feed writes the frames into it directly, each batch at once (no message
/// through the session actor per frame), and tells the session <see cref="FeedOutboxFull"/> when it is full. Null: the
/// frames go to <see cref="Session"/> as <see cref="FeedFrame"/>s.
/// </summary>
public sealed record SubscribeQueueStats(IActorRef Session, Visibility? Visibility = null, ISessionSink? Sink = null);

/// <summary><c>subscribeToQueueCalls</c>: the queue's waiting calls now and on every change.</summary>
public sealed record SubscribeQueueCalls(IActorRef Session, int QueueId, Visibility? Visibility = null);

/// <summary><c>unSubscribeToQueueCalls</c>.</summary>
public sealed record UnsubscribeQueueCalls(IActorRef Session, int QueueId);

/// <summary><c>getQueueStatistics</c>: the queue's calls over a sliding window, answered once.</summary>
public sealed record AskQueueStatistics(IActorRef Session, int QueueId, long Window, long? Xqos, Visibility? Visibility = null);

/// <summary>The <c>Error</c> codes of the queue commands.</summary>
public static class QueueErrors
{
    /// <summary>No configured queue has this id.</summary>
    public const string UnknownQueue = "UnknownQueue";
    /// <summary>The queue's aggregator did not answer in time.</summary>
    public const string StatisticsUnavailable = "StatisticsUnavailable";
}
