using System.Buffers;
using System.Net.WebSockets;
using Akka.Actor;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Host.WebSocket;

/// <summary>
/// The pump of one CTI socket: reads frames (text up to the frame limit) and hands them, decoded, to the session
/// actor; the session's messages go into a bounded outbox that a writer drains onto the socket.
/// </summary>
/// <remarks>
/// The writer is no loop waiting on the outbox: the first message into an empty outbox queues it on the thread pool,
/// and it writes everything queued by then, several frames per write into the <see cref="CtiTransport"/> (one flush and
/// one wake-up of the connection's sender for many frames), until the outbox is empty. An idle socket holds no writer
/// state at all, and a thousand sessions of one busy line cost one thread-pool hop per socket per burst, not per frame.
/// A batch (<see cref="TryPush(IReadOnlyList{ICtiMessage})"/>) into an idle outbox is written by the caller at once.
/// </remarks>
public sealed class CtiSocket(System.Net.WebSockets.WebSocket socket, SessionSettings settings, CtiTransport? transport = null,
    Xuc.Actors.Metrics.XucMetrics? metrics = null) : ISessionSink, IThreadPoolWorkItem
{
    private const int ReadChunk = 1024;
    /// <summary>Frames are gathered up to this many bytes per write (a larger frame is written alone).</summary>
    private const int WriteChunk = 16 * 1024;
    private static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    /// <summary>The outbox; with the list the writer is done with, kept for the next burst while writing goes on.
    /// An idle socket holds neither.</summary>
    private List<ICtiMessage>? _queued;
    private List<ICtiMessage>? _spare;
    /// <summary>The writer is queued or running.</summary>
    private bool _draining;
    /// <summary>No more messages: the socket is closing (the writer then closes it) or gone.</summary>
    private bool _completed;
    private bool _aborted;
    /// <summary>The writer has finished (the close sent, or the socket dropped).</summary>
    private bool _finished;
    private TaskCompletionSource? _writerDone;
    private string _closeReason = "";

    /// <remarks>Once the socket is closing, what comes is dropped (and is no sign of a full outbox).</remarks>
    public bool TryPush(ICtiMessage message)
    {
        lock (_gate)
        {
            if (_completed) return true;
            var queued = Outbox();
            if (queued.Count >= settings.OutboxCapacity) return false;
            queued.Add(message);
            if (_draining) return true;
            _draining = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    /// <remarks>
    /// All under one lock, so that one writer run takes them all (a feed's batch: one write on the socket). When no
    /// writer is running, the caller writes them itself, at once: handing them to the connection costs no more than
    /// queueing a writer would (the send is the connection's own, on its I/O queue), and a feed that fills a thousand
    /// outboxes would otherwise put a thousand writers on the thread pool ahead of the actors' work. Only a write the
    /// connection cannot take at once (a peer that reads slowly) leaves the rest to finish on the thread pool.
    /// </remarks>
    public bool TryPush(IReadOnlyList<ICtiMessage> messages)
    {
        lock (_gate)
        {
            if (_completed || messages.Count == 0) return true;
            var queued = Outbox();
            if (queued.Count + messages.Count > settings.OutboxCapacity) return false;
            for (var i = 0; i < messages.Count; i++) queued.Add(messages[i]);
            if (_draining) return true;
            _draining = true;
        }
        _ = DrainAsync();
        return true;
    }

    /// <summary>Under the gate: the outbox, the spare list reused or a new one.</summary>
    private List<ICtiMessage> Outbox()
    {
        var queued = _queued ??= _spare ?? [];
        if (queued == _spare) _spare = null;
        return queued;
    }

    public void Close(string reason) => Complete(reason);

    public void Abort(string reason)
    {
        lock (_gate) _aborted = true;
        Complete(reason);
        socket.Abort();
    }

    /// <summary>No more messages; the writer sends what is queued, then the close (unless aborted).</summary>
    private void Complete(string reason)
    {
        lock (_gate)
        {
            if (_completed) return;
            _completed = true;
            _closeReason = reason;
            if (_draining) return;
            _draining = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute() => _ = DrainAsync();

    /// <summary>
    /// Reads until the socket is closed by either side; the session is told when the peer is gone.
    /// An idle socket holds no read buffer: each frame is awaited with a zero-byte read (it returns once the frame's
    /// header is in), and only then is a chunk rented from the shared pool, given back as soon as the frame is read.
    /// No cancellation token either: the socket is stopped by aborting it, which ends a pending read.
    /// </summary>
    public async Task RunAsync(IActorRef session)
    {
        try
        {
            while (true)
            {
                var first = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                if (first.MessageType == WebSocketMessageType.Close || await ReadFrameAsync(first) is not { } frame)
                {
                    if (socket.State == WebSocketState.CloseReceived) Complete("closed by the peer");
                    break;
                }
                metrics?.FramesReceived.Inc();
                session.Tell(frame);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The peer vanished or the socket was aborted: the session is told below.
        }
        session.Tell(PeerClosed.Instance);
        Complete(_closeReason);
        Task done;
        lock (_gate) done = _finished ? Task.CompletedTask : (_writerDone ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        await done;
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
                result = await socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None);
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

    /// <summary>Writes what is queued until nothing is; after the last message, closes the socket once.</summary>
    private async Task DrainAsync()
    {
        try
        {
            while (true)
            {
                List<ICtiMessage> batch;
                lock (_gate)
                {
                    if (_queued is not { Count: > 0 } queued)
                    {
                        if (!_completed || _finished)
                        {
                            _draining = false;
                            _queued = _spare = null;
                            return;
                        }
                        if (_aborted)
                        {
                            Finish();
                            return;
                        }
                        batch = [];
                    }
                    else
                    {
                        batch = queued;
                        _queued = null;
                    }
                }
                if (batch.Count == 0)
                {
                    await CloseAsync();
                    lock (_gate) Finish();
                    return;
                }
                await WriteAsync(batch);
                batch.Clear();
                // Kept for the next batch, unless a burst made it large.
                if (batch.Capacity <= 64) lock (_gate) _spare = batch;
            }
        }
        catch (Exception)
        {
            // The connection failed or was dropped under the writer: nothing more can be sent.
            socket.Abort();
            lock (_gate)
            {
                _completed = true;
                _queued = _spare = null;
                Finish();
            }
        }
    }

    /// <summary>Under the gate: the writer is done for good.</summary>
    private void Finish()
    {
        _finished = true;
        _draining = true;
        _writerDone?.TrySetResult();
    }

    /// <summary>The batch as text frames, as many per write as fit in <see cref="WriteChunk"/> bytes.</summary>
    private async Task WriteAsync(List<ICtiMessage> batch)
    {
        metrics?.FramesSent.Inc(batch.Count);
        if (transport is null)
        {
            foreach (var message in batch) await socket.SendAsync(CtiCodec.Encode(message), WebSocketMessageType.Text, true, CancellationToken.None);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(WriteChunk);
        try
        {
            var used = 0;
            foreach (var message in batch)
            {
                var payload = CtiCodec.Encode(message);
                var size = CtiFrames.SizeOf(payload.Length);
                if (used > 0 && used + size > buffer.Length)
                {
                    await transport.WriteAsync(buffer.AsMemory(0, used));
                    used = 0;
                }
                if (size > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(size);
                }
                used += CtiFrames.Write(payload, buffer.AsSpan(used));
            }
            if (used > 0) await transport.WriteAsync(buffer.AsMemory(0, used));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The close frame with the reason; a peer that never answers it is dropped after <see cref="CloseHandshake"/>.</summary>
    private async Task CloseAsync()
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var handshake = new CancellationTokenSource(CloseHandshake);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, CloseReason(_closeReason), handshake.Token);
        }
        // The read loop ends on the peer's Close frame; one that never answers is dropped.
        if (socket.State != WebSocketState.Closed) _ = AbortAfterAsync(socket);
    }

    private static async Task AbortAfterAsync(System.Net.WebSockets.WebSocket socket)
    {
        await Task.Delay(CloseHandshake);
        if (socket.State != WebSocketState.Closed) socket.Abort();
    }

    /// <summary>A close frame's reason holds at most 123 bytes of UTF-8 (RFC 6455 §5.5).</summary>
    private static string CloseReason(string reason)
    {
        while (System.Text.Encoding.UTF8.GetByteCount(reason) > 123) reason = reason[..^1];
        return reason;
    }
}
