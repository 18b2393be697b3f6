using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Akka.Actor;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Host.WebSocket;

/// <summary>
/// The pump of one CTI socket: reads frames (text up to the frame limit) and hands them, decoded, to the session
/// actor; the session's messages go into a bounded outbox that one writer loop drains onto the socket.
/// </summary>
public sealed class CtiSocket(System.Net.WebSockets.WebSocket socket, SessionSettings settings) : ISessionSink
{
    private const int ReadChunk = 1024;
    private static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(5);

    private readonly Channel<ICtiMessage> _outbox = Channel.CreateBounded<ICtiMessage>(
        new BoundedChannelOptions(settings.OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private string _closeReason = "";
    private volatile bool _closing;

    /// <remarks>Once the socket is closing, what comes is dropped (and is no sign of a full outbox).</remarks>
    public bool TryPush(ICtiMessage message) => _outbox.Writer.TryWrite(message) || _closing;

    public void Close(string reason)
    {
        if (!_closing) _closeReason = reason;
        _closing = true;
        _outbox.Writer.TryComplete();
    }

    public void Abort(string reason)
    {
        _closeReason = reason;
        _closing = true;
        _outbox.Writer.TryComplete();
        socket.Abort();
        _stop.Cancel();
    }

    /// <summary>Pumps until the socket is closed by either side; the session is told when the peer is gone.</summary>
    public async Task RunAsync(IActorRef session)
    {
        var writing = WriteLoopAsync();
        try
        {
            await ReadLoopAsync(session);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer vanished or the socket was aborted: the session is told below.
        }
        session.Tell(PeerClosed.Instance);
        _closing = true;
        _outbox.Writer.TryComplete();
        await writing;
    }

    /// <remarks>
    /// An idle socket holds no read buffer: each frame is awaited with a zero-byte read (it returns once the frame's
    /// header is in), and only then is a chunk rented from the shared pool, given back as soon as the frame is read.
    /// </remarks>
    private async Task ReadLoopAsync(IActorRef session)
    {
        while (!_stop.IsCancellationRequested)
        {
            var first = await socket.ReceiveAsync(Memory<byte>.Empty, _stop.Token);
            if (first.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived) Close("closed by the peer");
                return;
            }
            if (await ReadFrameAsync(first) is not { } frame)
            {
                if (socket.State == WebSocketState.CloseReceived) Close("closed by the peer");
                return;
            }
            session.Tell(frame);
        }
    }

    /// <summary>The rest of a frame whose header <paramref name="first"/> announced, decoded for the session; null when the peer closed.</summary>
    private async Task<object?> ReadFrameAsync(ValueWebSocketReceiveResult first)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunk);
        byte[]? frame = null;
        try
        {
            var length = 0;
            var tooLarge = false;
            var result = first;
            while (!result.EndOfMessage)
            {
                result = await socket.ReceiveAsync(chunk.AsMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                if (first.MessageType != WebSocketMessageType.Text || tooLarge) continue;
                if (length + result.Count > settings.MaxFrameBytes)
                {
                    tooLarge = true;
                    continue;
                }
                if (frame is null || frame.Length < length + result.Count)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(settings.MaxFrameBytes, Math.Max(length + result.Count, (frame?.Length ?? 0) * 2)));
                    if (frame is not null)
                    {
                        frame.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(frame);
                    }
                    frame = bigger;
                }
                chunk.AsSpan(0, result.Count).CopyTo(frame.AsSpan(length));
                length += result.Count;
            }
            return first.MessageType == WebSocketMessageType.Binary
                ? new ClientFrameRejected(CtiErrors.BinaryFrame, "frames are JSON text; binary frames are not read")
                : tooLarge
                    ? new ClientFrameRejected(CtiErrors.FrameTooLarge, $"a frame may hold at most {settings.MaxFrameBytes} bytes (xuc.cti.max-frame)")
                    : CtiCodec.Decode(frame is null ? [] : frame.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (frame is not null) ArrayPool<byte>.Shared.Return(frame);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(_stop.Token))
                await socket.SendAsync(CtiCodec.Encode(message), WebSocketMessageType.Text, true, _stop.Token);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                handshake.CancelAfter(CloseHandshake);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, CloseReason(_closeReason), handshake.Token);
            }
            // The read loop ends on the peer's Close frame; one that never answers is dropped.
            _stop.CancelAfter(CloseHandshake);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
            _stop.Cancel();
        }
    }

    /// <summary>A close frame's reason holds at most 123 bytes of UTF-8 (RFC 6455 §5.5).</summary>
    private static string CloseReason(string reason)
    {
        while (System.Text.Encoding.UTF8.GetByteCount(reason) > 123) reason = reason[..^1];
        return reason;
    }
}
