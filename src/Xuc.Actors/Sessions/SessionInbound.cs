using Newtonsoft.Json.Linq;

namespace Xuc.Actors.Sessions;

// What the socket pump hands a session: decoded frames, refused frames, and the peer's departure.

/// <summary><c>{"claz":"ping"}</c>.</summary>
public sealed record ClientPing
{
    public static readonly ClientPing Instance = new();
}

/// <summary>
/// <c>{"claz":"web","command":Command,...}</c>; <see cref="Frame"/> is the whole object (the arguments are its other
/// fields). A command of <see cref="Commands.CtiCommandRegistry"/> comes <see cref="Decoded"/> by the codec into its
/// record; the others are still read from the frame by <see cref="CommandCatalog"/>.
/// </summary>
public sealed record ClientCommand(string Command, JObject Frame)
{
    public Commands.DecodedCommand? Decoded { get; init; }

    /// <summary>The frame as the codec hands it: decoded when its command is a registered one.</summary>
    public static ClientCommand Of(string command, JObject frame) =>
        new(command, frame) { Decoded = Commands.CtiCommandRegistry.Find(command)?.Decode(frame) };
}

/// <summary>A frame the codec or the pump refused (not JSON, no claz, too large, binary…): answered with this Error.</summary>
public sealed record ClientFrameRejected(string Code, string Message);

/// <summary>The socket is gone (closed by the peer, or broken).</summary>
public sealed record PeerClosed
{
    public static readonly PeerClosed Instance = new();
}
