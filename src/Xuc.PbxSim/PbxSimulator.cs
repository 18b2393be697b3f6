using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Xuc.PbxSim.Model;
using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim;

/// <summary>
/// An Asterisk 18 stand-in on AMI: a TCP server speaking the manager protocol over a simulated PBX
/// (<see cref="Model"/>), controlled in-process by tests and the demo, or over its control port when standalone.
/// </summary>
public sealed class PbxSimulator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<AmiServerSession, Task> _sessions = new();
    private TcpListener? _listener;
    private Task? _accept;

    public PbxSimulator(PbxSimOptions? options = null)
    {
        Options = options ?? new PbxSimOptions();
        Model = new PbxModel(Options.ChannelTech) { EventLevel = Options.Events, SystemName = Options.SystemName };
    }

    public PbxSimOptions Options { get; }
    public PbxModel Model { get; }
    public int Port { get; private set; }
    public int SessionCount => _sessions.Count;

    /// <summary>Actions left unanswered and a response delay, for failure tests (off by default).</summary>
    public SimulatedFaults Faults { get; } = new();

    /// <summary>Global dialplan variables (Setvar without a channel).</summary>
    internal ConcurrentDictionary<string, string> Globals { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task StartAsync()
    {
        _listener = ManagerListener.Open(Options.Bind, Options.Port, out var port);
        Port = port;
        var ct = _stop.Token;
        _accept = ManagerListener.AcceptLoopAsync(_listener, tcp => Serve(tcp, ct), ct);
        return Task.CompletedTask;
    }

    private void Serve(TcpClient tcp, CancellationToken ct)
    {
        var session = new AmiServerSession(tcp, this);
        _sessions[session] = Task.Run(async () =>
        {
            try { await session.RunAsync(ct); }
            finally { _sessions.TryRemove(session, out _); }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Drops every manager connection but keeps the PBX running (a network cut): the sessions stop receiving events
    /// at once, so what happens before clients reconnect reaches them only through their resync lists.
    /// </summary>
    public void DisconnectClients()
    {
        foreach (var session in _sessions.Keys)
        {
            Model.Unsubscribe(session);
            session.Close();
        }
    }

    /// <summary>Stops listening and drops every manager connection (what an Asterisk restart looks like to clients).</summary>
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
