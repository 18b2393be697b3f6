using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Xuc.Bench.Sessions;

/// <summary>
/// The receiving side of the latency and fan-out benchmarks: WebSocket clients that each hand every frame they
/// receive, with the <see cref="Stopwatch"/> timestamp taken as its last byte arrived, to <c>onFrame</c>.
/// For the CTI server they first read the connect sequence (it ends with VoiceMailStatusUpdate).
/// </summary>
public sealed class FrameClients(Action<int, long, ReadOnlyMemory<byte>> onFrame) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<ClientWebSocket> _sockets = [];
    private readonly List<Task> _readers = [];

    public int Count => _sockets.Count;

    /// <summary>Opens one socket per address, 64 at a time, then starts each one's read loop.</summary>
    public async Task OpenAsync(IReadOnlyList<Uri> addresses, bool ctiConnectSequence)
    {
        var opened = new ClientWebSocket[addresses.Count];
        await Parallel.ForAsync(0, addresses.Count, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var cts = new CancellationTokenSource(Patience);
            await socket.ConnectAsync(addresses[i], cts.Token);
            if (ctiConnectSequence)
            {
                var buffer = new byte[64 * 1024];
                while (!Encoding.UTF8.GetString((await Receive(socket, buffer, cts.Token)).Span).Contains("\"VoiceMailStatusUpdate\"", StringComparison.Ordinal)) { }
            }
            opened[i] = socket;
        });
        var first = _sockets.Count;
        for (var i = 0; i < opened.Length; i++)
        {
            _sockets.Add(opened[i]);
            _readers.Add(ReadAsync(first + i, opened[i]));
        }
    }

    public Task SendAsync(int index, string text)
        => _sockets[index].SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Throws if a server closed one of the sockets (a benchmark that lost sessions measures nothing).</summary>
    public void CheckAlive()
    {
        if (_readers.FirstOrDefault(r => r.IsCompleted) is { } ended)
            throw new InvalidOperationException("a socket was closed by the server: " + (ended.Exception?.GetBaseException().Message ?? "normally"));
    }

    private async Task ReadAsync(int index, ClientWebSocket socket)
    {
        await Task.Yield();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var frame = await Receive(socket, buffer, CancellationToken.None);
            onFrame(index, Stopwatch.GetTimestamp(), frame);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> Receive(ClientWebSocket socket, byte[] buffer, CancellationToken ct)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException($"closed by the server: {socket.CloseStatusDescription}");
            length += result.Count;
        } while (!result.EndOfMessage);
        return buffer.AsMemory(0, length);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var s in _sockets)
        {
            s.Abort();
            s.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
