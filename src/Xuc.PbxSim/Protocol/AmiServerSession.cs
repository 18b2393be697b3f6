using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Xuc.PbxSim.Model;

namespace Xuc.PbxSim.Protocol;

/// <summary>
/// One manager connection: banner, then actions read as <c>Key: Value</c> lines up to a blank line, answered by
/// <see cref="ActionDispatcher"/>; events are queued to the socket in the model's order when the session is
/// logged in and its <c>Events</c> setting lets them through.
/// </summary>
internal sealed class AmiServerSession : IAmiEventSink
{
    private const int MaxLine = 64 * 1024;
    private readonly TcpClient _tcp;
    private readonly PbxSimulator _sim;
    private readonly Channel<string> _out = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private int _queued;
    private volatile HashSet<string>? _eventClasses = ["all"];

    public AmiServerSession(TcpClient tcp, PbxSimulator sim)
    {
        _tcp = tcp;
        _sim = sim;
    }

    public bool Authenticated { get; set; }

    /// <summary>Set by an action whose answer comes later: the session reads nothing more until it completes.</summary>
    public Task? Busy { get; set; }
    public string? Challenge { get; set; }
    public string? Username { get; set; }
    public string LocalAddress => _tcp.Client.LocalEndPoint?.ToString() ?? "";
    public string RemoteAddress => _tcp.Client.RemoteEndPoint?.ToString() ?? "";

    /// <summary><c>on</c>, <c>off</c>, or a list of classes (<c>call,agent</c>).</summary>
    public void SetEventMask(string mask)
    {
        var m = mask.Trim().ToLowerInvariant();
        _eventClasses = m is "off" or "no" or "false" or "0" or "none" ? null
            : m is "on" or "yes" or "true" or "1" or "all" ? ["all"]
            : m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
    }

    public bool EventsOn => _eventClasses is not null;

    public void SendEvent(string text)
    {
        if (!Authenticated) return;
        var classes = _eventClasses;
        if (classes is null) return;
        if (!classes.Contains("all") && !PrivilegeMatches(text, classes)) return;
        Write(text);
    }

    private static bool PrivilegeMatches(string text, HashSet<string> classes)
    {
        var start = text.IndexOf("Privilege: ", StringComparison.Ordinal);
        if (start < 0) return false;
        var end = text.IndexOf('\r', start);
        foreach (var c in text[(start + 11)..end].Split(','))
            if (classes.Contains(c)) return true;
        return false;
    }

    public void Write(string text)
    {
        if (Interlocked.Increment(ref _queued) > _sim.Options.MaxQueuedPerClient)
        {
            // A client that stops reading is cut off, as Asterisk does when its write timeout expires.
            _tcp.Close();
            return;
        }
        _out.Writer.TryWrite(text);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var stream = _tcp.GetStream();
        var writer = WriteLoopAsync(stream, ct);
        _sim.Model.Subscribe(this);
        try
        {
            Write($"Asterisk Call Manager/{_sim.Options.AmiVersion}\r\n");
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 8192, leaveOpen: true);
            var headers = new List<KeyValuePair<string, string>>();
            while (!ct.IsCancellationRequested)
            {
                var line = await ReadLineAsync(reader, ct);
                if (line is null) break;
                if (line.Length == 0)
                {
                    if (headers.Count == 0) continue;
                    var request = new AmiRequest(headers);
                    headers = [];
                    _sim.Observed.Record(request);
                    if (_sim.Faults.Drops(request.Action)) continue;
                    if (_sim.Faults.ResponseDelay > TimeSpan.Zero) await Task.Delay(_sim.Faults.ResponseDelay, ct);
                    if (!ActionDispatcher.Handle(this, _sim, request)) break;
                    // An action that answers later (a synchronous Originate) holds the session, as in Asterisk.
                    if (Busy is { } busy) { Busy = null; await busy.WaitAsync(ct); }
                    continue;
                }
                var colon = line.IndexOf(':');
                if (colon <= 0) continue; // Asterisk ignores a line that is not a header
                var value = line[(colon + 1)..];
                if (value.StartsWith(' ')) value = value[1..];
                if (headers.Count < 1024) headers.Add(new(line[..colon].Trim(), value));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _sim.Model.Unsubscribe(this);
            _out.Writer.TryComplete();
            try { await writer.WaitAsync(TimeSpan.FromSeconds(2)); } catch (Exception) { }
            _tcp.Close();
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken ct)
    {
        var line = await reader.ReadLineAsync(ct);
        return line is { Length: > MaxLine } ? line[..MaxLine] : line;
    }

    /// <summary>Cuts the connection now.</summary>
    public void Close() => _tcp.Close();

    /// <summary>Closes the session after what is queued has been written (Logoff, failed login).</summary>
    public void CloseAfterFlush() => _out.Writer.TryComplete();

    private async Task WriteLoopAsync(NetworkStream stream, CancellationToken ct)
    {
        var sb = new StringBuilder();
        try
        {
            while (await _out.Reader.WaitToReadAsync(ct))
            {
                sb.Clear();
                while (sb.Length < 64 * 1024 && _out.Reader.TryRead(out var text))
                {
                    sb.Append(text);
                    Interlocked.Decrement(ref _queued);
                }
                var bytes = Encoding.UTF8.GetBytes(sb.ToString());
                await stream.WriteAsync(bytes, ct);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _tcp.Close();
        }
    }
}
