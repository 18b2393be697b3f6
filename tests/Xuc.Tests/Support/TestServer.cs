using Xuc.Host.Startup;

namespace Xuc.Tests.Support;

/// <summary>The whole server (embedded SQLite + bundled PBX simulator + demo data) on loopback ephemeral ports, in a temp data dir.</summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string TokenSecret = "test-token-secret";
    private readonly TempDirectory? _dir;

    public XucApp App { get; }
    public HttpClient Http { get; }
    public string DataDir { get; }

    private TestServer(TempDirectory? dir, string dataDir, XucApp app)
    {
        _dir = dir;
        DataDir = dataDir;
        App = app;
        Http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<TestServer> StartAsync(string extraHocon = "")
    {
        var dir = new TempDirectory();
        var app = await XucApp.StartAsync(Overrides(dir.Path) + extraHocon, _ => null);
        return new TestServer(dir, dir.Path, app);
    }

    /// <summary>A server on a data directory the test keeps (a restart: the same store and journal again).</summary>
    public static async Task<TestServer> StartInAsync(string dataDir, string extraHocon = "")
        => new(null, dataDir, await XucApp.StartAsync(Overrides(dataDir) + extraHocon, _ => null));

    /// <summary>A server on a data directory the test keeps, on a clock the test moves (the queue statistics' clock).</summary>
    public static async Task<TestServer> StartInAsync(string dataDir, TimeProvider clock, string extraHocon = "")
        => new(null, dataDir, await XucApp.StartAsync(Overrides(dataDir) + extraHocon, _ => null, clock: clock));

    /// <summary>A server on a data dir the caller keeps (to restart on it); disposing the server leaves the dir.</summary>
    public static Task<TestServer> StartOnAsync(TempDirectory dir, string extraHocon = "") => StartInAsync(dir.Path, extraHocon);

    /// <summary>A server on a data directory the caller keeps, so a second server can start on what the first left (a restart).</summary>
    public static Task<TestServer> StartInAsync(TempDirectory dir) => StartInAsync(dir.Path);

    public static string Overrides(string dataDir) => $@"
xuc.http.port = 0
xuc.http.bind = ""127.0.0.1""
xuc.data-dir = ""{dataDir}""
xuc.ami.port = 0
xuc.ami.simulator-control-port = 0
xuc.auth.token-secret = ""{TokenSecret}""
akka.remote.dot-netty.tcp.port = 0
akka.loglevel = WARNING
akka.coordinated-shutdown.exit-clr = off
akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        _dir?.Dispose();
    }
}
