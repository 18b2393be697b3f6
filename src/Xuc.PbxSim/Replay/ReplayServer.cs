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
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private ManagerListener<ReplaySession>? _manager;

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
        _manager = new ManagerListener<ReplaySession>(Pbx.Bind, Pbx.Port, Open, (session, ct) => session.RunAsync(ct));
        Port = _manager.Port;
        return Task.CompletedTask;
    }

    private ReplaySession Open(TcpClient tcp)
    {
        var session = new ReplaySession(tcp, Script, Options, Pbx, _started);
        _ = session.StreamedOnce.Task.ContinueWith(_ =>
        {
            _firstDone.TrySetResult();
            Console.WriteLine($"replay: a session was served {session.EventsSent} events ({session.AnswersSkipped} recorded answers nobody asked for)");
        }, TaskScheduler.Default);
        return session;
    }

    public async Task StopAsync()
    {
        if (_manager is null) return;
        await _manager.StopAsync();
        _manager = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
