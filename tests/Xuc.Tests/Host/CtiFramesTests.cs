using System.Net.WebSockets;
using Xuc.Host.WebSocket;

namespace Xuc.Tests.Host;

/// <summary>The server's hand-written text frames (RFC 6455 §5.2), read back by the framework's own WebSocket client.</summary>
public sealed class CtiFramesTests
{
    private static byte[] Payload(int size) => Enumerable.Range(0, size).Select(i => (byte)('a' + i % 26)).ToArray();

    [Theory]
    [InlineData(0, new byte[] { 0x81, 0 })]
    [InlineData(125, new byte[] { 0x81, 125 })]
    [InlineData(126, new byte[] { 0x81, 126, 0, 126 })]
    [InlineData(65535, new byte[] { 0x81, 126, 0xFF, 0xFF })]
    [InlineData(65536, new byte[] { 0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0 })]
    public void The_header_is_FIN_text_unmasked_with_the_shortest_length_form(int size, byte[] header)
    {
        var frame = new byte[CtiFrames.SizeOf(size)];
        Assert.Equal(frame.Length, CtiFrames.Write(Payload(size), frame));
        Assert.Equal(header, frame[..header.Length]);
        Assert.Equal(header.Length + size, frame.Length);
        Assert.Equal(Payload(size), frame[header.Length..]);
    }

    [Fact]
    public async Task Frames_written_back_to_back_read_as_whole_text_messages_with_a_stock_client()
    {
        int[] sizes = [0, 1, 125, 126, 127, 1000, 65535, 65536, 70000, 3];
        var bytes = new MemoryStream();
        foreach (var size in sizes)
        {
            var frame = new byte[CtiFrames.SizeOf(size)];
            CtiFrames.Write(Payload(size), frame);
            bytes.Write(frame);
        }
        bytes.Position = 0;
        using var client = System.Net.WebSockets.WebSocket.CreateFromStream(bytes, new WebSocketCreationOptions { IsServer = false });
        var buffer = new byte[100_000];
        foreach (var size in sizes) Assert.Equal(Payload(size), await TextMessageAsync(client, buffer));
    }

    /// <summary>The next message, which must be text, whole (however many reads it takes).</summary>
    internal static async Task<byte[]> TextMessageAsync(System.Net.WebSockets.WebSocket client, byte[] buffer)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await client.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            length += result.Count;
        } while (!result.EndOfMessage);
        return buffer[..length];
    }
}
