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
