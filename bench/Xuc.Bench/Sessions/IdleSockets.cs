using System.Net.WebSockets;
using System.Text;

namespace Xuc.Bench.Sessions;

/// <summary>
/// The load side of the sessions benchmark, in the bench's own process: CTI sockets that log on (the connect sequence
/// read to its last frame), then only ping. Every socket keeps one read loop that counts the pongs.
/// </summary>
public sealed class IdleSockets(Uri cti, IReadOnlyList<string> tokens) : IAsyncDisposable
{
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"claz\":\"ping\"}");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<ClientWebSocket> _sockets = [];
    private readonly List<Task> _readers = [];
    private long _pongs;

    public int Count => _sockets.Count;

    /// <summary>Opens sockets until there are <paramref name="total"/>, <paramref name="parallel"/> at a time.</summary>
    public async Task GrowTo(int total, int parallel = 64)
    {
        var next = _sockets.Count;
        var opened = new ClientWebSocket[total - next];
        await Parallel.ForAsync(next, total, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
            opened[i - next] = await OpenAsync(tokens[i % tokens.Count]));
        foreach (var socket in opened)
        {
            _sockets.Add(socket);
            _readers.Add(ReadPongsAsync(socket));
        }
    }

    /// <summary>
    /// One ping on every socket, spread evenly over <paramref name="over"/> as real clients' 5-second heartbeats are
    /// (each runs from its own connect time), then waits until every one is answered. Pinging every socket in the same
    /// instant would make the server hold a transport buffer per socket at once, and its buffer pool keeps what it once
    /// needed (measured: one 4 KiB block per session).
    /// </summary>
    public async Task PingRound(TimeSpan over = default)
    {
        var expected = Interlocked.Read(ref _pongs) + _sockets.Count;
        const int slices = 50;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var slice = 0; slice < slices; slice++)
        {
            var due = over * slice / slices;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var part = _sockets.Where((_, i) => i % slices == slice).ToList();
            await Parallel.ForEachAsync(part, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, ct) =>
                await s.SendAsync(Ping, WebSocketMessageType.Text, true, ct));
        }
        var deadline = DateTime.UtcNow + Patience;
        while (Interlocked.Read(ref _pongs) < expected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{expected - Interlocked.Read(ref _pongs)} pings unanswered after {Patience.TotalSeconds} s");
            if (_readers.FirstOrDefault(r => r.IsCompleted) is { } ended) throw new InvalidOperationException("a socket was closed by the server", ended.Exception);
            await Task.Delay(50);
        }
    }

    private async Task<ClientWebSocket> OpenAsync(string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetBuffer(4096, 1024);
        using var cts = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri(cti + "?token=" + Uri.EscapeDataString(token)), cts.Token);
        // The connect sequence ends with VoiceMailStatusUpdate, for users with and without a line.
        while (!(await ReceiveText(socket, cts.Token)).Contains("\"VoiceMailStatusUpdate\"", StringComparison.Ordinal)) { }
        return socket;
    }

    private async Task ReadPongsAsync(ClientWebSocket socket)
    {
        await Task.Yield();
        while (true)
        {
            var text = await ReceiveText(socket, CancellationToken.None);
            if (text.Contains("\"Pong\"", StringComparison.Ordinal)) Interlocked.Increment(ref _pongs);
        }
    }

    private static async Task<string> ReceiveText(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[4096];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException($"closed by the server: {socket.CloseStatusDescription}");
            length += result.Count;
        } while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Drops every socket at once (the server process is killed next).</summary>
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
