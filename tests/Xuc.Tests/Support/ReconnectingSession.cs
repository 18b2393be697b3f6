using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using Newtonsoft.Json.Linq;

namespace Xuc.Tests.Support;

/// <summary>
/// A CTI session through a load balancer that behaves as the stock client: when its socket drops it reconnects (every
/// 200 ms) with the same token, reads the connect sequence to the agent's AgentStateEvent that ends it, and
/// subscribes again to what it had subscribed to. Every frame is kept with the connection it came on.
/// </summary>
public sealed class ReconnectingSession : IAsyncDisposable
{
    private readonly Uri _address;
    private readonly IReadOnlyList<string> _subscriptions;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TaskCompletionSource _firstSequence = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile CtiClient? _client;

    public string Login { get; }
    /// <summary>(connection number from 0, frame) for every frame received.</summary>
    public ConcurrentQueue<(int Connection, JObject Frame)> Frames { get; } = new();
    /// <summary>Each reconnection: when the socket dropped, when the new socket was open (upgrade answered), when the new
    /// connection's sequence was complete, and how many attempts it took (a refused or failed set-up is one).</summary>
    public ConcurrentQueue<Reconnection> Reconnections { get; } = new();
    /// <summary>Why attempts failed (exception type and message, or a loggedOnError frame), with when.</summary>
    public ConcurrentQueue<(long At, string Why)> FailedAttempts { get; } = new();
    public int Connection { get; private set; }

    private ReconnectingSession(Uri address, string login, IReadOnlyList<string> subscriptions)
    {
        _address = address;
        Login = login;
        _subscriptions = subscriptions;
        _loop = Task.Run(RunAsync);
    }

    public static async Task<ReconnectingSession> OpenAsync(Uri address, string login, params string[] subscriptions)
    {
        var session = new ReconnectingSession(address, login, subscriptions);
        await session._firstSequence.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return session;
    }

    public async Task SendAsync(string frame)
    {
        var client = _client ?? throw new InvalidOperationException($"{Login}'s session is not connected");
        await client.SendAsync(frame);
    }

    private async Task RunAsync()
    {
        long droppedAt = 0;
        var attempts = 0;
        while (!_stop.IsCancellationRequested)
        {
            CtiClient? client = null;
            try
            {
                attempts++;
                client = await CtiClient.ConnectAsync(_address);
                var openAt = Stopwatch.GetTimestamp();
                // The connect sequence ends with the agent's state (PROTOCOL.md §2).
                while (true)
                {
                    var frame = await client.ReceiveJsonAsync();
                    Frames.Enqueue((Connection, frame));
                    if ((string?)frame["msgType"] == "LoggedOnError") FailedAttempts.Enqueue((Stopwatch.GetTimestamp(), frame.ToString(Newtonsoft.Json.Formatting.None)));
                    if ((string?)frame["msgType"] == "AgentStateEvent") break;
                }
                foreach (var s in _subscriptions) await client.SendAsync(s);
                _client = client;
                if (Connection == 0) _firstSequence.TrySetResult();
                else Reconnections.Enqueue(new Reconnection(droppedAt, openAt, Stopwatch.GetTimestamp(), attempts));
                while (await client.ReceiveAsync(Timeout.InfiniteTimeSpan) is { } text)
                    Frames.Enqueue((Connection, JObject.Parse(text)));
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or Xunit.Sdk.XunitException or Newtonsoft.Json.JsonException)
            {
                if (!_stop.IsCancellationRequested) FailedAttempts.Enqueue((Stopwatch.GetTimestamp(), $"{e.GetType().Name}: {e.Message}"));
            }
            _client = null;
            if (client is not null)
            {
                client.Socket.Abort();
                client.Socket.Dispose();
            }
            if (_stop.IsCancellationRequested) break;
            // A drop after a complete sequence starts the reconnection clock; a failed attempt keeps it.
            if (HasSequence(Connection))
            {
                droppedAt = Stopwatch.GetTimestamp();
                attempts = 0;
                Connection++;
            }
            try { await Task.Delay(200, _stop.Token); }
            catch (OperationCanceledException) { break; }
        }
    }

    private bool HasSequence(int connection) => Frames.Any(f => f.Connection == connection && (string?)f.Frame["msgType"] == "AgentStateEvent");

    /// <summary>The frames of one connection, in order.</summary>
    public List<JObject> On(int connection) => Frames.Where(f => f.Connection == connection).Select(f => f.Frame).ToList();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _client?.Socket.Abort();
        try { await _loop.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException) { }
    }
}

/// <summary>One reconnection of a <see cref="ReconnectingSession"/> (Stopwatch timestamps).</summary>
public sealed record Reconnection(long DroppedAt, long OpenAt, long BackAt, int Attempts);
