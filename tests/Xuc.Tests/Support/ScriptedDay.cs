using Xuc.PbxSim;
using Xuc.PbxSim.Model;

namespace Xuc.Tests.Support;

/// <summary>
/// A statistics test's day: the whole server over real sockets against a PbxSim that outlives it (a real PBX does not
/// restart with Xuc), both on one clock the test moves by hand, from 10:00 local in a +02:00 zone, with the clock
/// refreshes off (only PBX events, requests and subscriptions publish). <paramref name="setUp"/> builds the PBX.
/// </summary>
public sealed class ScriptedDay : IAsyncDisposable
{
    public static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("test+02", TimeSpan.FromHours(2), "test+02", "test+02");
    public static readonly DateTimeOffset TenAm = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(2));

    public ManualClock Clock { get; } = new(TenAm, Plus2);
    public TempDirectory Dir { get; } = new();
    public PbxSimulator Sim { get; }
    public TestServer Server { get; private set; } = null!;

    public ScriptedDay(Action<PbxModel> setUp)
    {
        Sim = new PbxSimulator(new PbxSimOptions { Port = 0, Clock = Clock });
        setUp(Sim.Model);
    }

    /// <summary>Starts (or starts again, on the same data directory) the server, and waits until it has the PBX.</summary>
    public async Task StartServerAsync()
    {
        Server = await TestServer.StartInAsync(Dir.Path, Clock,
            $"\nxuc.ami.embedded-simulator = off\nxuc.auth.allow-default-passwords = on\nxuc.ami.port = {Sim.Port}\nxuc.statistics.refresh = 0s\nxuc.statistics.agent-refresh = 0s\n");
        await Wait.Until(async () => (await Server.Http.GetAsync("/health/ready")).IsSuccessStatusCode, CtiClient.Patience, "AMI connected");
    }

    /// <summary><paramref name="seconds"/> after 10:00 local.</summary>
    public void At(int seconds) => Clock.Advance(TenAm.AddSeconds(seconds) - Clock.GetUtcNow());

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Sim.DisposeAsync();
        Dir.Dispose();
    }
}
