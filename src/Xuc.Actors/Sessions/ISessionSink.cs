using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions;

/// <summary>
/// Where a session's messages go: the socket's bounded outbox in the server, a fake in tests. The session actor
/// never sees the socket itself.
/// </summary>
public interface ISessionSink
{
    /// <returns>false when the outbox is full (the peer stopped reading); nothing was queued.</returns>
    bool TryPush(ICtiMessage message);

    /// <summary>
    /// Several messages at once, in order: all of them or none (the socket's outbox takes them under one lock and its
    /// writer writes them together, so a feed's batch costs one write, not one per frame).
    /// </summary>
    /// <returns>false when the outbox has no room for all of them; nothing was queued.</returns>
    bool TryPush(IReadOnlyList<ICtiMessage> messages);

    /// <summary>Sends what is queued, then closes the socket with this reason.</summary>
    void Close(string reason);

    /// <summary>Drops the connection now, without sending what is queued.</summary>
    void Abort(string reason);
}
