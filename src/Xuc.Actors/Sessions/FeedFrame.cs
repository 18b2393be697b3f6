using Akka.Actor;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions;

/// <summary>
/// A frame a node-local feed or list holder hands a session to push as it is (often a <see cref="PreEncoded"/> shared by
/// every session of the node that gets it).
/// </summary>
public sealed record FeedFrame(ICtiMessage Message);

/// <summary>
/// A feed that writes its frames straight into a session's outbox (the line feed, the queue statistics feed) could not:
/// the outbox is full, the peer stopped reading. The session closes itself.
/// </summary>
public sealed record FeedOutboxFull
{
    public static readonly FeedOutboxFull Instance = new();
}

/// <summary>How a node-local feed hands a session its frames: into the session's outbox at once when the session gave it
/// (a full one is the session's to close: <see cref="FeedOutboxFull"/>), else through the session actor.</summary>
public static class FeedDelivery
{
    public static void To(IActorRef session, ISessionSink? sink, FeedFrame frame)
    {
        if (sink is null) session.Tell(frame);
        else if (!sink.TryPush(frame.Message)) session.Tell(FeedOutboxFull.Instance);
    }

    /// <summary>Several frames' messages, in order; into the outbox all at once (one write on the socket) or not at all.</summary>
    public static void To(IActorRef session, ISessionSink? sink, IReadOnlyList<ICtiMessage> messages)
    {
        if (sink is null)
            foreach (var message in messages) session.Tell(new FeedFrame(message));
        else if (!sink.TryPush(messages)) session.Tell(FeedOutboxFull.Instance);
    }
}
