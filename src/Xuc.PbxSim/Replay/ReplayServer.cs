using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Replay;

/// <summary>
/// Serves a recorded AMI stream (<see cref="ReplayScript"/>) to whoever logs in, as the recorded Asterisk would:
/// each manager connection gets the whole recording from its start after its login (<c>./build.sh pbxsim --replay FILE</c>).
/// Separate from the simulated PBX: nothing here touches <see cref="Model.PbxModel"/>.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<ReplaySession, Task> _sessions = new();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private TcpListener? _listener;
    private Task? _accept;

    public ReplayServer(ReplayScript script, ReplayOptions? options = null, PbxSimOptions? pbx = null)
    {
        Script = script;
        Options = options ?? new ReplayOptions();
        Pbx = pbx ?? new PbxSimOptions();
    }

    public ReplayScript Script { get; }
    public ReplayOptions Options { get; }
    public PbxSimOptions Pbx { get; }
    public int Port { get; private set; }

    /// <summary>Completes when a session has been served the whole recording once.</summary>
    public Task FirstStreamDone => _firstDone.Task;
    private readonly TaskCompletionSource _firstDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StartAsync()
    {
        _listener = ManagerListener.Open(Pbx.Bind, Pbx.Port, out var port);
        Port = port;
        var ct = _stop.Token;
        _accept = ManagerListener.AcceptLoopAsync(_listener, tcp => Serve(tcp, ct), ct);
        return Task.CompletedTask;
    }

    private void Serve(TcpClient tcp, CancellationToken ct)
    {
        var session = new ReplaySession(tcp, Script, Options, Pbx, _started);
        _ = session.StreamedOnce.Task.ContinueWith(_ =>
        {
            _firstDone.TrySetResult();
            Console.WriteLine($"replay: a session was served {session.EventsSent} events ({session.AnswersSkipped} recorded answers nobody asked for)");
        }, TaskScheduler.Default);
        _sessions[session] = Task.Run(async () =>
        {
            try { await session.RunAsync(ct); }
            finally { _sessions.TryRemove(session, out _); }
        }, CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (_listener is null) return;
        _stop.Cancel();
        _listener.Stop();
        if (_accept is not null) await _accept;
        await Task.WhenAll(_sessions.Values.ToArray()).WaitAsync(TimeSpan.FromSeconds(5));
        _listener = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
