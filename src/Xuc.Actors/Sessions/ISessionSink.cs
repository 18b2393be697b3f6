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

    /// <summary>Sends what is queued, then closes the socket with this reason.</summary>
    void Close(string reason);

    /// <summary>Drops the connection now, without sending what is queued.</summary>
    void Abort(string reason);
}
