using System.Buffers.Binary;

namespace Xuc.Host.WebSocket;

/// <summary>
/// A server's text frame as RFC 6455 §5.2 lays it out: FIN set, no extension bits (no compression is negotiated),
/// opcode 0x1, unmasked (a server never masks, §5.1), the payload length in 7 bits, or 126 and 16 bits, or 127 and
/// 64 bits (network byte order, the shortest form), then the payload.
/// </summary>
public static class CtiFrames
{
    private const byte FinText = 0x81;

    /// <summary>The bytes the frame of a <paramref name="payload"/>-byte message takes.</summary>
    public static int SizeOf(int payload) => HeaderSize(payload) + payload;

    /// <summary>Writes the whole frame at the start of <paramref name="destination"/>; returns its size.</summary>
    public static int Write(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        var header = HeaderSize(payload.Length);
        destination[0] = FinText;
        switch (header)
        {
            case 2:
                destination[1] = (byte)payload.Length;
                break;
            case 4:
                destination[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payload.Length);
                break;
            default:
                destination[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)payload.Length);
                break;
        }
        payload.CopyTo(destination[header..]);
        return header + payload.Length;
    }

    private static int HeaderSize(int payload) => payload <= 125 ? 2 : payload <= ushort.MaxValue ? 4 : 10;
}
