using System.Collections.Concurrent;
using System.Diagnostics;

namespace Xuc.Tests.Support;

/// <summary>
/// <c>Xuc.Host</c> as a separate process, as <c>./build.sh run</c> starts it, with a temp data directory and loopback
/// ephemeral ports unless the test's variables say otherwise; stdout and stderr are gathered line by line.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<(long At, string Line)> _timed = new();

    public int HttpPort { get; }
    public IReadOnlyCollection<string> Output => _output;
    /// <summary>Every output line with when it was read (<see cref="Stopwatch.GetTimestamp"/>), for a test's timeline.</summary>
    public IReadOnlyCollection<(long At, string Line)> TimedOutput => _timed;
    public string OutputText => string.Join('\n', _output);
    public Process Process => _process;

    private ServerProcess(string dataDir, IReadOnlyDictionary<string, string> environment)
    {
        HttpPort = environment.TryGetValue("XUC_HTTP_PORT", out var p) && int.TryParse(p, out var port) ? port : FreePort.Next();
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Xuc.Host.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["XUC_DATA_DIR"] = dataDir;
        psi.Environment["XUC_HTTP_PORT"] = HttpPort.ToString();
        psi.Environment["XUC_HTTP_BIND"] = "127.0.0.1";
        psi.Environment["XUC_AMI_PORT"] = "0";
        psi.Environment["XUC_PBXSIM_CONTROL_PORT"] = "0";
        psi.Environment["XUC_AKKA_PORT"] = "0";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => Gather(e.Data);
        _process.ErrorDataReceived += (_, e) => Gather(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Gather(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        _timed.Enqueue((Stopwatch.GetTimestamp(), line));
    }

    public static ServerProcess Start(string dataDir, IReadOnlyDictionary<string, string>? environment = null)
        => new(dataDir, environment ?? new Dictionary<string, string>());

    /// <summary>Waits until the server answers <c>/health/ready</c> (failing if it exits first); an HTTP client to it.</summary>
    public async Task<HttpClient> ReadyAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(5) };
        await Wait.Until(async () =>
        {
            if (_process.HasExited) Assert.Fail("Xuc.Host exited early:\n" + OutputText);
            try { return (await http.GetAsync("/health/ready")).StatusCode == System.Net.HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(60), "the server is ready within 60 s");
        return http;
    }

    /// <summary>The CTI WebSocket address with <paramref name="token"/>.</summary>
    public Uri CtiAddress(string token) => new($"ws://127.0.0.1:{HttpPort}/xuc/api/2.0/cti?token={Uri.EscapeDataString(token)}");

    /// <summary>A REST login's token.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string login, string password)
    {
        var body = new Newtonsoft.Json.Linq.JObject { ["login"] = login, ["password"] = password }.ToString();
        var response = await http.PostAsync("/xuc/api/2.0/auth/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (string)Newtonsoft.Json.Linq.JObject.Parse(await response.Content.ReadAsStringAsync())["token"]!;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code (all output read).</summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        await _process.WaitForExitAsync().WaitAsync(within);
        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager stops it; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term!.WaitForExitAsync();
        return await ExitCodeAsync(within);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
