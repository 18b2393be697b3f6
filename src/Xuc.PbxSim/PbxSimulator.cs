using System.Collections.Concurrent;
using Xuc.PbxSim.Model;
using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim;

/// <summary>
/// An Asterisk 18 stand-in on AMI: a TCP server speaking the manager protocol over a simulated PBX
/// (<see cref="Model"/>), controlled in-process by tests and the demo, or over its control port when standalone.
/// </summary>
public sealed class PbxSimulator : IAsyncDisposable
{
    private ManagerListener<AmiServerSession>? _manager;

    public PbxSimulator(PbxSimOptions? options = null)
    {
        Options = options ?? new PbxSimOptions();
        Model = new PbxModel(Options.ChannelTech, Options.Clock) { EventLevel = Options.Events, SystemName = Options.SystemName };
    }

    public PbxSimOptions Options { get; }
    public PbxModel Model { get; }
    public int Port { get; private set; }
    public int SessionCount => _manager?.Sessions.Count ?? 0;

    /// <summary>Actions left unanswered and a response delay, for failure tests (off by default).</summary>
    public SimulatedFaults Faults { get; } = new();

    /// <summary>What clients asked of the simulator, for tests (<see cref="ObservedActions"/>; nothing kept by default).</summary>
    public ObservedActions Observed { get; } = new();

    /// <summary>Keep every action received (<see cref="ReceivedActions"/>); off by default, so a long run keeps nothing.</summary>
    public bool RecordActions { get => Observed.RecordAll; set => Observed.RecordAll = value; }

    /// <summary>The actions received while <see cref="RecordActions"/> was on, in arrival order, headers as sent.</summary>
    public IReadOnlyList<AmiRequest> ReceivedActions => Observed.All;

    /// <summary>Global dialplan variables (Setvar without a channel).</summary>
    internal ConcurrentDictionary<string, string> Globals { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task StartAsync()
    {
        _manager = new ManagerListener<AmiServerSession>(Options.Bind, Options.Port, tcp => new AmiServerSession(tcp, this), (session, ct) => session.RunAsync(ct));
        Port = _manager.Port;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Drops every manager connection but keeps the PBX running (a network cut): the sessions stop receiving events
    /// at once, so what happens before clients reconnect reaches them only through their resync lists.
    /// </summary>
    public void DisconnectClients()
    {
        foreach (var session in _manager?.Sessions ?? [])
        {
            Model.Unsubscribe(session);
            session.Close();
        }
    }

    /// <summary>Stops listening and drops every manager connection (what an Asterisk restart looks like to clients).</summary>
    public async Task StopAsync()
    {
        if (_manager is null) return;
        await _manager.StopAsync();
        _manager = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
