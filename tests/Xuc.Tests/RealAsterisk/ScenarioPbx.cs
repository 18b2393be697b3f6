using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Host;
using Xuc.Tests.Support;

namespace Xuc.Tests.RealAsterisk;

/// <summary>
/// The PBX side of a scenario, the same for PbxSim and the real Asterisk: the server watching it, an outside caller,
/// the phones' answering, and what the PBX holds (channels, queue members), read from the PBX itself.
/// </summary>
public interface IScenarioPbx : IAsyncDisposable
{
    string Kind { get; }
    TestServer Server { get; }
    /// <summary>An outside caller calls a number; returns the call's linkedid.</summary>
    Task<string> CallAsync(string from, string to, IReadOnlyDictionary<string, string>? variables = null);
    Task HangupAsync(string callId);
    /// <summary>The phone of the line answers after the delay from now on; never when null.</summary>
    Task AnswerAfterAsync(string number, TimeSpan? delay);
    /// <summary>The uniqueid of the phone's channel now (it must have one).</summary>
    Task<string> PhoneChannelAsync(string number);
    Task<IReadOnlyList<ScenarioMember>> MembersAsync();
    /// <summary>The queue's ring timeout on the phone's ringing call: the simulator is told; Asterisk's own timer runs out (queues.conf timeout).</summary>
    Task RingTimeoutAsync(string number);
    /// <summary>The PBX restarts: every manager connection dropped, every channel gone, the dynamic queue members kept (persistentmembers).</summary>
    Task RestartAsync();
}

/// <summary>The embedded simulator of the default server.</summary>
public sealed class SimScenarioPbx(TestServer server) : IScenarioPbx
{
    private PbxSimulator Sim => Server.App.Simulator!;
    public string Kind => PbxKind.Sim;
    public TestServer Server { get; } = server;

    public Task<string> CallAsync(string from, string to, IReadOnlyDictionary<string, string>? variables = null) =>
        Task.FromResult(Sim.Model.ExternalCall(from, to, variables: variables));

    public Task HangupAsync(string callId)
    {
        Sim.Model.Hangup(callId);
        return Task.CompletedTask;
    }

    public Task AnswerAfterAsync(string number, TimeSpan? delay)
    {
        Sim.Model.SetEndpointBehaviour(number, delay is null ? EndpointBehaviour.Manual : EndpointBehaviour.AutoAnswer, delay);
        return Task.CompletedTask;
    }

    public Task<string> PhoneChannelAsync(string number) => Task.FromResult(PhoneEventsTests.ChannelOf(Sim, number));

    public Task RingTimeoutAsync(string number)
    {
        Sim.Model.RingTimeout(number);
        return Task.CompletedTask;
    }

    /// <summary>Under the model's lock, so the server cannot reconnect before every channel is gone.</summary>
    public Task RestartAsync()
    {
        Sim.Model.Locked(() =>
        {
            Sim.DisconnectClients();
            // A Local channel's hangup takes its other half with it.
            foreach (var channel in Sim.Model.Channels.Select(c => c.Name).ToList())
                if (Sim.Model.Channels.Any(c => c.Name == channel)) Sim.Model.Hangup(channel);
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ScenarioMember>> MembersAsync() => Task.FromResult<IReadOnlyList<ScenarioMember>>(Sim.Model.Locked(() =>
        Sim.Model.Queues.SelectMany(q => q.Members.Select(m => new ScenarioMember(q.Name, m.Interface, m.StateInterface, m.Name, m.Paused, m.PausedReason ?? ""))).ToList()));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>A server watching a real Asterisk of its own, configured from the server's store.</summary>
public sealed class AsteriskScenarioPbx(TestServer server, RealAsteriskPbx pbx) : IScenarioPbx
{
    public string Kind => PbxKind.Asterisk;
    public TestServer Server { get; } = server;
    public RealAsteriskPbx Pbx { get; } = pbx;

    /// <summary>Starts the server (its store seeded with the demo), then the Asterisk generated from that store; returns once the server's AMI is up.</summary>
    public static async Task<AsteriskScenarioPbx> StartAsync()
    {
        var amiPort = FreePort.Next();
        var server = await TestServer.StartAsync($$"""

            xuc.ami.embedded-simulator = off
            xuc.ami.host = "127.0.0.1"
            xuc.ami.port = {{amiPort}}
            xuc.ami.username = "{{RealAsteriskPbx.User}}"
            xuc.ami.secret = "{{RealAsteriskPbx.Secret}}"
            xuc.ami.reconnect-max = 1s
            xuc.auth.allow-default-passwords = on

            """);
        try
        {
            var pbx = await RealAsteriskPbx.StartAsync(await server.App.Store.LoadAsync(), amiPort, TimeSpan.FromSeconds(1));
            var scenario = new AsteriskScenarioPbx(server, pbx);
            await scenario.ReadyAsync();
            return scenario;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the server says it is ready (its AMI connected and resynchronised).</summary>
    public async Task ReadyAsync() => await Wait.Until(async () => (await Server.Http.GetAsync("/health/ready")).IsSuccessStatusCode,
        TimeSpan.FromSeconds(30), "the server connected to the real Asterisk");

    public Task<string> CallAsync(string from, string to, IReadOnlyDictionary<string, string>? variables = null) => Pbx.CallAsync(from, to, variables);
    public Task HangupAsync(string callId) => Pbx.HangupAsync(callId);
    public Task AnswerAfterAsync(string number, TimeSpan? delay) => Pbx.AnswerAfterAsync(number, delay);

    public async Task<string> PhoneChannelAsync(string number) =>
        (await Pbx.ChannelsAsync()).Single(c => c.Key.StartsWith($"PJSIP/{number}-", StringComparison.Ordinal)).Value;

    public Task<IReadOnlyList<ScenarioMember>> MembersAsync() => Pbx.MembersAsync();

    public Task RingTimeoutAsync(string number) => Task.CompletedTask;

    public async Task RestartAsync()
    {
        await Pbx.StopAsteriskAsync();
        await Pbx.StartAsteriskAsync();
        await Wait.Until(() => Task.FromResult(Pbx.Ami.IsConnected), CtiClient.Patience, "the test's manager connection back on the restarted Asterisk");
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Pbx.DisposeAsync();
    }
}

/// <summary>One server per PBX kind for a test class, started when a test first asks for it.</summary>
public sealed class ScenarioFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IScenarioPbx> _pbxs = new();

    public async Task<IScenarioPbx> GetAsync(string kind)
    {
        await _gate.WaitAsync();
        try
        {
            if (_pbxs.TryGetValue(kind, out var pbx)) return pbx;
            pbx = kind == PbxKind.Sim ? new SimScenarioPbx(await TestServer.StartAsync()) : await AsteriskScenarioPbx.StartAsync();
            _pbxs[kind] = pbx;
            return pbx;
        }
        finally { _gate.Release(); }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var pbx in _pbxs.Values) await pbx.DisposeAsync();
    }
}
