using Xuc.Host.Startup;

namespace Xuc.Tests.Support;

/// <summary>The whole server (embedded SQLite + bundled PBX simulator + demo data) on loopback ephemeral ports, in a temp data dir.</summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string TokenSecret = "test-token-secret";
    private readonly TempDirectory _dir;
    private readonly bool _ownsDir;

    public XucApp App { get; }
    public HttpClient Http { get; }
    public string DataDir => _dir.Path;

    private TestServer(TempDirectory dir, XucApp app, bool ownsDir = true)
    {
        _dir = dir;
        _ownsDir = ownsDir;
        App = app;
        Http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<TestServer> StartAsync(string extraHocon = "")
    {
        var dir = new TempDirectory();
        var app = await XucApp.StartAsync(Overrides(dir.Path) + extraHocon, _ => null);
        return new TestServer(dir, app);
    }

    /// <summary>A server on a data directory the caller keeps, so a second server can start on what the first left (a restart).</summary>
    public static async Task<TestServer> StartInAsync(TempDirectory dir)
        => new(dir, await XucApp.StartAsync(Overrides(dir.Path), _ => null), ownsDir: false);

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
        if (_ownsDir) _dir.Dispose();
    }
}
