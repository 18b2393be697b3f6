using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Xuc.Bench.Sessions;

/// <summary>
/// The ceiling of the fan-out benchmark: a bare Kestrel WebSocket endpoint in the bench's process that, when told,
/// writes the same pre-serialised frames to every connected socket (one writer loop per socket, as the CTI server has)
/// — no actors, no JSON, no routing.
/// </summary>
public sealed class RawBroadcastServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(WebSocket Socket, TaskCompletionSource Done)> _sockets = [];
    private TaskCompletionSource<(byte[][] Frames, TaskCompletionSource Sent)> _go = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Port { get; }
    public int Connected { get { lock (_sockets) return _sockets.Count; } }

    public RawBroadcastServer(int port)
    {
        Port = port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/raw", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_sockets) _sockets.Add((socket, done));
            await done.Task;
        });
    }

    public Task StartAsync() => _app.StartAsync();

    /// <summary>Every socket gets <paramref name="frames"/>, in order, each from its own writer loop.</summary>
    public Task BroadcastAsync(byte[][] frames)
    {
        List<(WebSocket Socket, TaskCompletionSource Done)> sockets;
        lock (_sockets) sockets = [.. _sockets];
        return Task.WhenAll(sockets.Select(s => Task.Run(async () =>
        {
            foreach (var frame in frames) await s.Socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
        })));
    }

    public async ValueTask DisposeAsync()
    {
        lock (_sockets) foreach (var (_, done) in _sockets) done.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
