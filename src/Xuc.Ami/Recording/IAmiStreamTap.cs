using Xuc.Ami.Framing;

namespace Xuc.Ami.Recording;

/// <summary>
/// Sees what an <see cref="Client.AmiClient"/> receives and sends, without taking part (a recorder, a trace).
/// Called on the client's read loop: keep it quick and never throw.
/// </summary>
public interface IAmiStreamTap
{
    /// <summary>A new connection was opened; its banner comes with the next <see cref="Received"/>.</summary>
    void Connected(string host, int port);

    /// <summary>Messages framed from one read of the socket, in order; <paramref name="banner"/> once it was read.</summary>
    void Received(string? banner, IReadOnlyList<AmiMessage> messages);

    /// <summary>An action was written with this ActionID.</summary>
    void Sent(string action, string actionId);
}
