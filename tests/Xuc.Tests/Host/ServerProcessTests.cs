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
        using var server = ServerProcess.Start(_dir.Path, new Dictionary<string, string> { ["XUC_TOKEN_TTL"] = "2s" });
        var output = server.Output;
        using var http = await server.ReadyAsync();

        // The banner names every demo login with its password: this start seeded them into the empty store.
        Assert.Contains(output, l => l.Contains("Demo logins"));
        Assert.Contains(output, l => l.TrimStart().StartsWith("jbond") && l.Contains(" jbond "));
        Assert.Contains(output, l => l.TrimStart().StartsWith("admin"));
        Assert.Contains(output, l => l.StartsWith($"Xuc is listening on http://127.0.0.1:{server.HttpPort}/"));

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

        var exit = await server.TerminateAsync(TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"exit code {exit}:\n" + server.OutputText);

        // A second start on the same store seeds nothing, so prints no password.
        using var again = ServerProcess.Start(_dir.Path);
        using (await again.ReadyAsync()) { }
        Assert.DoesNotContain(again.Output, l => l.Contains("Demo logins") || l.TrimStart().StartsWith("jbond"));
        Assert.Equal(0, await again.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>
    /// The log format matched: Akka's default logger writes <c>[LEVEL][date][Thread n][source] text</c>, so a warning
    /// starts with <c>[WARNING]</c> and an error with <c>[ERROR]</c>; Microsoft.Extensions.Logging's console writes
    /// <c>warn: </c>, <c>fail: </c> and <c>crit: </c>. A stack trace line starts with <c>   at </c>.
    /// </summary>
    private static readonly string[] WarningOrWorse = ["[WARNING]", "[ERROR]", "warn: ", "fail: ", "crit: "];

    [Fact]
    public async Task A_normal_start_and_a_few_calls_log_nothing_at_warning_or_above()
    {
        var control = FreePort.Next();
        using var server = ServerProcess.Start(_dir.Path, new Dictionary<string, string> { ["XUC_PBXSIM_CONTROL_PORT"] = control.ToString() });
        using var http = await server.ReadyAsync();
        using var sim = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{control}"), Timeout = TimeSpan.FromSeconds(5) };

        // A call between two lines, hung up once answered, then a short load run through a queue (lines, queues
        // and agents publish states nobody watches); wait until the simulator has no channel left.
        Assert.True((await sim.PostAsync("/dial?from=1001&to=1002", null)).IsSuccessStatusCode);
        await Wait.Until(async () => Channels(await sim.GetStringAsync("/status")) >= 2, TimeSpan.FromSeconds(15), "the call rings");
        var load = await sim.PostAsync("/load?queue=sales&cps=4&seconds=2&talkMs=300", null);
        var figures = JObject.Parse(await load.Content.ReadAsStringAsync());
        Assert.True((int)figures["calls"]! >= 4, figures.ToString());
        Assert.True((await sim.PostAsync("/endpoints/1001/hangup", null)).IsSuccessStatusCode);
        await Wait.Until(async () => Channels(await sim.GetStringAsync("/status")) == 0, TimeSpan.FromSeconds(20), "every call ended");
        var login = await Post(http, "{\"login\":\"admin\",\"password\":\"admin\"}");
        Assert.Equal(HttpStatusCode.OK, login.Status);

        // The day's log: everything before the stop. Stopping may log an INFO dead letter of the cluster's own
        // (its publisher gone before the last PublishChanges); after the stop only WARNING or worse counts.
        var day = server.Output.Count;
        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(server.Output, l => l.StartsWith("[INFO]") && l.EndsWith("AMI connected to 127.0.0.1:" + SimulatorPort(server) + " as xuc"));
        Assert.Single(server.Output, l => l.Contains("AMI connected"));
        // Sharding logs this line per region when idle entities are passivated; a passivated line or queue would
        // forget its calls (their state is not persisted), so no region may do it.
        Assert.DoesNotContain(server.Output, l => l.Contains("Idle entities will be passivated"));
        var noisy = server.Output.Select((l, i) => (l, i))
            .Where(x => WarningOrWorse.Any(x.l.StartsWith) || x.l.StartsWith("   at ") || (x.i < day && x.l.Contains("dead letters")))
            .Select(x => x.l).ToList();
        Assert.True(noisy.Count == 0, "logged at WARNING or above:\n" + string.Join('\n', noisy));
    }

    private static int Channels(string status) => (int)JObject.Parse(status)["channels"]!;

    private static string SimulatorPort(ServerProcess server)
        => server.Output.First(l => l.StartsWith("AMI: bundled PBX simulator on 127.0.0.1:"))["AMI: bundled PBX simulator on 127.0.0.1:".Length..].Split(';')[0];

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
