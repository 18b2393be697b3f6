using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// The program itself, as <c>./build.sh run</c> starts it: a separate process with the embedded default (SQLite,
/// bundled PBX simulator, demo users), driven only through its console and HTTP. Ends with SIGTERM, as a service
/// manager would, and expects a clean exit.
/// </summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task The_embedded_default_prints_its_demo_logins_answers_them_and_stops_cleanly_on_SIGTERM()
    {
        var port = FreePort.Next();
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Xuc.Host.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["XUC_DATA_DIR"] = _dir.Path;
        psi.Environment["XUC_HTTP_PORT"] = port.ToString();
        psi.Environment["XUC_HTTP_BIND"] = "127.0.0.1";
        psi.Environment["XUC_AMI_PORT"] = "0";
        psi.Environment["XUC_PBXSIM_CONTROL_PORT"] = "0";
        psi.Environment["XUC_AKKA_PORT"] = "0";
        psi.Environment["XUC_TOKEN_TTL"] = "2s";
        var output = new ConcurrentQueue<string>();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            await Wait.Until(async () =>
            {
                if (process.HasExited) Assert.Fail("Xuc.Host exited early:\n" + string.Join('\n', output));
                try { return (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(60), "the server is ready within 60 s");

            // The banner names every demo login with its password.
            Assert.Contains(output, l => l.Contains("Demo logins"));
            Assert.Contains(output, l => l.TrimStart().StartsWith("jbond") && l.Contains(" jbond "));
            Assert.Contains(output, l => l.TrimStart().StartsWith("admin"));

            var login = await Post(http, "{\"login\":\"jbond\",\"password\":\"jbond\"}");
            Assert.Equal(HttpStatusCode.OK, login.Status);
            var token = (string)login.Body["token"]!;
            Assert.Equal(HttpStatusCode.OK, (await Check(http, token)).Status);

            var refused = await Post(http, "{\"login\":\"jbond\",\"password\":\"bond\"}");
            Assert.Equal((HttpStatusCode.Unauthorized, "InvalidCredentials"), (refused.Status, (string?)refused.Body["error"]));

            var tampered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
            var forged = await Check(http, tampered);
            Assert.Equal((HttpStatusCode.Unauthorized, "InvalidToken"), (forged.Status, (string?)forged.Body["error"]));

            await Wait.Until(async () => (string?)(await Check(http, token)).Body["error"] == "TokenExpired",
                TimeSpan.FromSeconds(10), "the 2 s token expires");
            Assert.True(File.Exists(Path.Combine(_dir.Path, "xuc.db")), "the SQLite store is in the data directory");

            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()])) await term!.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n" + string.Join('\n', output));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<(HttpStatusCode Status, JObject Body)> Post(HttpClient http, string body)
    {
        var r = await http.PostAsync("/xuc/api/2.0/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));
        return (r.StatusCode, JObject.Parse(await r.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpStatusCode Status, JObject Body)> Check(HttpClient http, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/xuc/api/2.0/auth/check");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var r = await http.SendAsync(request);
        return (r.StatusCode, JObject.Parse(await r.Content.ReadAsStringAsync()));
    }

    public void Dispose() => _dir.Dispose();
}
