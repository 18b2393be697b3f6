using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Collections.Specialized;
using System.Web;
using Xuc.PbxSim.Model;

namespace Xuc.PbxSim.Control;

/// <summary>
/// The simulator's HTTP control surface (standalone mode), loopback only:
/// <c>POST /endpoints/{exten}/answer|reject|hangup|timeout|hold|unhold</c>, <c>POST /endpoints/{exten}/behaviour?mode=auto|manual|reject|noanswer&amp;delayMs=</c>,
/// <c>POST /calls?from=0612345678&amp;to=3000</c>, <c>POST /dial?from=1001&amp;to=1002</c>,
/// <c>POST /load?queue=sales&amp;cps=2&amp;seconds=10&amp;answer=0.8&amp;abandon=0.1&amp;talkMs=2000</c>,
/// <c>POST /mailbox/{exten}?new=1&amp;old=0</c>, <c>POST /conference/{room}/join?exten=1001[&amp;admin=1]</c>, <c>GET /status</c>.
/// Answers are small JSON objects; a refused request gets 400 with <c>{"error": "..."}</c>.
/// A minimal HTTP/1.1 server on a loopback socket (one request per connection), so it answers whatever Host the
/// client names and POSTs without a body.
/// </summary>
public sealed class ControlServer(PbxSimulator sim, int port) : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, port);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start()
    {
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The port listened on (the one asked for, or the one picked for 0), once started.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient tcp;
            try { tcp = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => HandleAsync(tcp));
        }
    }

    private async Task HandleAsync(TcpClient tcp)
    {
        using var _ = tcp;
        try
        {
            var stream = tcp.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, false, 4096, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            while (await reader.ReadLineAsync() is { Length: > 0 }) { } // headers (and any body) are not needed
            var parts = requestLine?.Split(' ') ?? [];
            var (status, body) = parts.Length < 2
                ? (400, "{\"error\":\"bad request\"}")
                : await DispatchAsync(parts[0].ToUpperInvariant(), PathOf(parts[1]), QueryOf(parts[1]));
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request")}\r\n" +
                       $"Content-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or ObjectDisposedException)
        {
        }
    }

    private static string[] PathOf(string target) => target.Split('?')[0].Trim('/').Split('/');

    private static NameValueCollection QueryOf(string target)
        => target.Contains('?') ? HttpUtility.ParseQueryString(target[(target.IndexOf('?') + 1)..]) : [];

    /// <summary>The verbs, separate from HTTP so tests can call them directly.</summary>
    public async Task<(int Status, string Body)> DispatchAsync(string method, string[] path, NameValueCollection q)
    {
        var m = sim.Model;
        try
        {
            switch (method, path)
            {
                case ("GET", ["status"]):
                    return (200, $"{{\"amiPort\":{sim.Port},\"sessions\":{sim.SessionCount},\"channels\":{m.ChannelCount},\"endpoints\":{m.Endpoints.Count},\"queues\":{m.Queues.Count}}}");
                case ("POST", ["endpoints", var exten, var verb]):
                    switch (verb)
                    {
                        case "answer": m.Answer(exten); break;
                        case "reject": m.Reject(exten); break;
                        case "hangup": m.Hangup(exten); break;
                        case "timeout": m.RingTimeout(exten); break;
                        case "hold": m.Hold(exten, true); break;
                        case "unhold": m.Hold(exten, false); break;
                        case "behaviour":
                            var mode = (q["mode"] ?? "").ToLowerInvariant() switch
                            {
                                "auto" => EndpointBehaviour.AutoAnswer, "manual" => EndpointBehaviour.Manual,
                                "reject" => EndpointBehaviour.Reject, "noanswer" => EndpointBehaviour.NoAnswer,
                                _ => throw new SimulationException("mode must be auto, manual, reject or noanswer"),
                            };
                            m.SetEndpointBehaviour(exten, mode, q["delayMs"] is { } d ? TimeSpan.FromMilliseconds(int.Parse(d, CultureInfo.InvariantCulture)) : null);
                            break;
                        default: return (404, "{\"error\":\"unknown verb\"}");
                    }
                    return (200, "{\"ok\":true}");
                case ("POST", ["calls"]):
                    return (200, $"{{\"uniqueid\":\"{m.ExternalCall(q["from"] ?? "0612345678", q["to"] ?? "3000")}\"}}");
                case ("POST", ["dial"]):
                    return (200, $"{{\"uniqueid\":\"{m.Dial(q["from"] ?? throw new SimulationException("from is required"), q["to"] ?? throw new SimulationException("to is required"))}\"}}");
                case ("POST", ["mailbox", var exten]):
                    m.SetMailbox(exten, int.Parse(q["new"] ?? "0", CultureInfo.InvariantCulture), int.Parse(q["old"] ?? "0", CultureInfo.InvariantCulture));
                    return (200, "{\"ok\":true}");
                case ("POST", ["conference", var room, "join"]):
                    return (200, $"{{\"channel\":\"{m.JoinConference(q["exten"] ?? throw new SimulationException("exten is required"), room, q["admin"] is "1" or "true")}\"}}");
                case ("POST", ["faults", "withhold"]):
                    sim.Faults.Withhold(q["action"] ?? throw new SimulationException("action is required"));
                    return (200, FaultsJson());
                case ("POST", ["faults", "delay"]):
                    sim.Faults.ResponseDelay = TimeSpan.FromMilliseconds(int.Parse(q["ms"] ?? throw new SimulationException("ms is required"), CultureInfo.InvariantCulture));
                    return (200, FaultsJson());
                case ("POST", ["faults", "clear"]):
                    sim.Faults.Clear();
                    return (200, FaultsJson());
                case ("GET", ["faults"]):
                    return (200, FaultsJson());
                case ("POST", ["load"]):
                    var result = await LoadRunner.RunAsync(m, q["queue"] ?? "sales",
                        double.Parse(q["cps"] ?? "1", CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(q["seconds"] ?? "10", CultureInfo.InvariantCulture)),
                        double.Parse(q["answer"] ?? "0.8", CultureInfo.InvariantCulture), double.Parse(q["abandon"] ?? "0.1", CultureInfo.InvariantCulture),
                        TimeSpan.FromMilliseconds(int.Parse(q["talkMs"] ?? "2000", CultureInfo.InvariantCulture)));
                    return (200, $"{{\"calls\":{result.Calls},\"answered\":{result.Answered},\"abandoned\":{result.Abandoned},\"failed\":{result.Failed}}}");
                default:
                    return (404, "{\"error\":\"unknown request\"}");
            }
        }
        catch (Exception e) when (e is SimulationException or FormatException or OverflowException)
        {
            return (400, $"{{\"error\":\"{e.Message.Replace("\"", "'")}\"}}");
        }
    }

    private string FaultsJson() =>
        $"{{\"withheld\":[{string.Join(",", sim.Faults.Withheld.Select(a => $"\"{a.Replace("\"", "'")}\""))}],\"delayMs\":{(int)sim.Faults.ResponseDelay.TotalMilliseconds}}}";

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        if (_loop is not null) await _loop;
    }
}
