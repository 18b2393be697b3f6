using System.Diagnostics;
using System.Net.Sockets;

namespace Xuc.Tests.Support;

/// <summary>
/// HAProxy from Debian (<c>/usr/sbin/haproxy</c>, installed by <c>./build.sh cluster-test</c>) in front of Xuc nodes on
/// loopback: HTTP and the CTI WebSocket upgrade round-robin to the nodes whose <c>/health/ready</c> answers 200,
/// checked every 500 ms (two failures take a node out, two successes put it back); a connection refused by a dead
/// node is sent to another (redispatch). The configuration is docs/cluster.md's.
/// </summary>
public sealed class LoadBalancer : IDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _dir = new();
    public int Port { get; }
    public Uri Http => new($"http://127.0.0.1:{Port}");
    public string Output => string.Join("", _timed.Select(l => l.Line + "\n"));
    /// <summary>HAProxy's log lines (servers going DOWN and UP) with when they were read, for a test's timeline.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(long At, string Line)> TimedOutput => _timed;
    private readonly System.Collections.Concurrent.ConcurrentQueue<(long At, string Line)> _timed = new();

    /// <summary>The haproxy binary on this machine, or null.</summary>
    public static string? Binary =>
        new[] { Environment.GetEnvironmentVariable("XUC_HAPROXY"), "/usr/sbin/haproxy", "/usr/local/sbin/haproxy" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public LoadBalancer(IReadOnlyList<int> nodeHttpPorts)
    {
        Port = FreePort.Next();
        var config = Path.Combine(_dir.Path, "haproxy.cfg");
        File.WriteAllText(config, Config(Port, nodeHttpPorts));
        var psi = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("haproxy is not installed"), ["-db", "-f", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _timed.Enqueue((Stopwatch.GetTimestamp(), e.Data)); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _timed.Enqueue((Stopwatch.GetTimestamp(), e.Data)); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The configuration docs/cluster.md shows, for these ports.</summary>
    public static string Config(int port, IReadOnlyList<int> nodes) => $"""
        global
            maxconn 4096
        defaults
            mode http
            timeout connect 2s
            timeout client 90s
            timeout server 90s
            # a WebSocket, once upgraded, is a tunnel: the CTI idle timeout (60 s, pings) closes dead ones
            timeout tunnel 1h
            retries 3
            option redispatch
        frontend xuc
            bind 127.0.0.1:{port}
            default_backend nodes
        backend nodes
            balance roundrobin
            option httpchk GET /health/ready
            http-check expect status 200
            default-server inter 500ms fall 2 rise 2
        {string.Join("\n", nodes.Select((p, i) => $"    server node{i + 1} 127.0.0.1:{p} check"))}

        """;

    public async Task ListeningAsync()
    {
        await Wait.Until(async () =>
        {
            if (_process.HasExited) Assert.Fail("haproxy exited:\n" + Output);
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException) { return false; }
        }, TimeSpan.FromSeconds(10), "haproxy listens");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
        _dir.Dispose();
    }
}
