using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// The PBX side of the desktop scenarios (<see cref="DesktopCallTests"/>) in one place: the server started on its PBX,
/// a phone that answers, declines or is rung, the channel a phone has. Today the bundled PbxSim (its control API);
/// a real Asterisk can stand in by implementing the same few steps through AMI actions against it.
/// </summary>
internal sealed class DeskPbx : IAsyncDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private readonly PbxSimulator _sim;

    private DeskPbx(TestServer server, PbxSimulator sim)
    {
        Server = server;
        _sim = sim;
    }

    public TestServer Server { get; }

    /// <summary>The server on its PBX, every phone answering only when told.</summary>
    public static async Task<DeskPbx> StartAsync()
    {
        var (server, sim) = await PhoneEventsTests.StartAsync();
        return new DeskPbx(server, sim);
    }

    /// <summary>The phone picks up its ringing call.</summary>
    public void Answer(string exten) => _sim.Model.Answer(exten);

    /// <summary>The phone declines its ringing call (busy).</summary>
    public void Decline(string exten) => _sim.Model.Reject(exten);

    /// <summary>The uniqueid and name of the phone's one channel, once it has one.</summary>
    public async Task<(string UniqueId, string Name)> ChannelOfAsync(string exten)
    {
        (string, string)? channel = null;
        await Wait.Until(() => Task.FromResult((channel = _sim.Model.Locked(() => _sim.Model.Channels.Where(c => c.Device == $"PJSIP/{exten}")
            .Select(c => ((string, string)?)(c.Uniqueid, c.Name)).SingleOrDefault())) is not null), Within, $"a channel on {exten}");
        return channel!.Value;
    }

    /// <summary>Waits until the phone rings (its channel in state 5).</summary>
    public Task RingingAsync(string exten)
        => Wait.Until(() => Task.FromResult(_sim.Model.Locked(() => _sim.Model.Channels.Any(c => c.Device == $"PJSIP/{exten}" && c.State == 5))), Within, $"{exten} rings");

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
