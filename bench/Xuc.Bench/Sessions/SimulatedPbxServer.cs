using System.Diagnostics;
using Xuc.Actors.Configuration;
using Xuc.Bench.Startup;
using Xuc.Host.Auth;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Sessions;

/// <summary>
/// The real server in its own process, connected over AMI to a simulator running in the bench's process (so the bench
/// sees the instant each AMI event leaves the PBX), on a synthetic configuration: <c>user1..userN</c>, each with line
/// <c>PJSIP/100001..</c>. Tokens are minted with the secret the server is given (no REST login per user).
/// </summary>
public sealed class SimulatedPbxServer : IAsyncDisposable
{
    private readonly string _work;
    private TokenService _tokens = null!;
    private IReadOnlyDictionary<string, TokenSubject> _users = null!;

    public PbxSimulator Sim { get; }
    public Process Server { get; private set; } = null!;
    public int Port { get; private set; }
    public Uri Cti => new($"ws://127.0.0.1:{Port}/xuc/api/2.0/cti");

    private SimulatedPbxServer(string work)
    {
        _work = work;
        Sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
    }

    public static string Number(int user) => (100000 + user).ToString();

    /// <summary><paramref name="store"/>: the configuration to seed (default: the users and their lines only).</summary>
    public static async Task<SimulatedPbxServer> StartAsync(int users, int outbox = 1000, ConfigSnapshot? store = null)
    {
        var server = new SimulatedPbxServer(Path.Combine(Path.GetTempPath(), $"xuc-bench-pbx-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        await server.StartCoreAsync(store ?? SyntheticDataset.Create(users, 0, 1), model =>
        {
            for (var i = 1; i <= users; i++) model.AddEndpoint(Number(i));
        }, outbox);
        return server;
    }

    /// <summary>The same on a store of the caller's (users <c>userN</c> with lines <c>PJSIP/Number(N)</c>), the simulator set up by <paramref name="setUp"/> before the server connects.</summary>
    public static async Task<SimulatedPbxServer> StartAsync(ConfigSnapshot store, Action<PbxModel> setUp, int outbox = 1000)
    {
        var server = new SimulatedPbxServer(Path.Combine(Path.GetTempPath(), $"xuc-bench-pbx-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        await server.StartCoreAsync(store, setUp, outbox);
        return server;
    }

    private async Task StartCoreAsync(ConfigSnapshot store, Action<PbxModel> setUp, int outbox)
    {
        await Sim.StartAsync();
        setUp(Sim.Model);
        _users = (await HostProcess.Seed(_work, store)).ToDictionary(u => u.Login, u => new TokenSubject(u.Login, u.Id, u.TokenVersion));
        var secret = "bench-token-secret-" + Guid.NewGuid().ToString("N");
        _tokens = new TokenService(TokenService.ResolveKey(secret, _work), TimeSpan.FromHours(2));
        Port = HostProcess.FreePort();
        Server = HostProcess.Start(HostProcess.FindHostDll(), _work, Port, new Dictionary<string, string>
        {
            ["XUC_AMI_EMBEDDED"] = "off",
            ["XUC_AMI_HOST"] = "127.0.0.1",
            ["XUC_AMI_PORT"] = Sim.Port.ToString(),
            ["XUC_TOKEN_SECRET"] = secret,
            ["XUC_CTI_OUTBOX"] = outbox.ToString(),
        });
        await HostProcess.WaitReady(Server, Port, Stopwatch.StartNew());
    }

    public string Token(int user) => _tokens.Issue(_users[$"user{user}"]);

    public async ValueTask DisposeAsync()
    {
        await HostProcess.Stop(Server);
        await Sim.DisposeAsync();
        try { Directory.Delete(_work, true); } catch (IOException) { }
    }
}
