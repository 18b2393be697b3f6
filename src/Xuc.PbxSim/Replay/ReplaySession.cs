using System.Net.Sockets;
using System.Text;
using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Replay;

/// <summary>
/// One manager connection to a replay: banner, login (Secret or Challenge/MD5, as manager.c checks it), then the
/// recording's events at their recorded spacing divided by the speed. A recorded answer is served to the client's own
/// action of the same name with the client's ActionID: the stream waits for it there (up to
/// <see cref="ReplayOptions.SyncWait"/>) when the client has not sent that action yet, so a resync list lands where it
/// did in the recording; an action whose next recorded answer is further ahead gets that answer at once; one the
/// recording never answers gets <see cref="ReplayAnswers.Unrecorded"/>. Ping, Challenge, Login, Events and Logoff are
/// answered live.
/// </summary>
internal sealed class ReplaySession
{
    private const int MaxLine = 64 * 1024;
    private readonly TcpClient _tcp;
    private readonly ReplayScript _script;
    private readonly ReplayOptions _options;
    private readonly PbxSimOptions _pbx;
    private readonly DateTimeOffset _started;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<string?>> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _sentKinds = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _served = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private NetworkStream? _stream;
    private bool _eventsOn = true;
    private string? _challenge;
    private int _cursor;
    private bool _firstPass = true;
    private DateTimeOffset _clockStart;

    public ReplaySession(TcpClient tcp, ReplayScript script, ReplayOptions options, PbxSimOptions pbx, DateTimeOffset started)
    {
        _tcp = tcp;
        _script = script;
        _options = options;
        _pbx = pbx;
        _started = started;
    }

    /// <summary>Events written so far; recorded answers left unserved (nobody asked within the wait).</summary>
    public int EventsSent { get; private set; }
    public int AnswersSkipped { get; private set; }

    /// <summary>Completes when the recording has been served once (whatever the loop setting).</summary>
    public TaskCompletionSource StreamedOnce { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(CancellationToken ct)
    {
        _stream = _tcp.GetStream();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? streaming = null;
        try
        {
            await WriteAsync($"Asterisk Call Manager/{_pbx.AmiVersion}\r\n", stop.Token);
            using var reader = new StreamReader(_stream, Encoding.UTF8, false, 8192, leaveOpen: true);
            var headers = new List<KeyValuePair<string, string>>();
            while (!stop.IsCancellationRequested)
            {
                var line = await reader.ReadLineAsync(stop.Token);
                if (line is null) break;
                if (line.Length > MaxLine) line = line[..MaxLine];
                if (line.Length > 0)
                {
                    var colon = line.IndexOf(':');
                    if (colon > 0 && headers.Count < 1024) headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].TrimStart(' ')));
                    continue;
                }
                if (headers.Count == 0) continue;
                var request = new AmiRequest(headers);
                headers = [];
                var (keepOpen, loggedIn) = await HandleAsync(request, streaming is not null, stop.Token);
                if (!keepOpen) break;
                if (loggedIn && streaming is null) streaming = Task.Run(() => StreamAsync(stop.Token), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            stop.Cancel();
            if (streaming is not null) { try { await streaming; } catch (OperationCanceledException) { } }
            _tcp.Close();
        }
    }

    private async Task<(bool KeepOpen, bool LoggedIn)> HandleAsync(AmiRequest r, bool authenticated, CancellationToken ct)
    {
        var id = r.ActionId;
        var action = r.Action;
        if (action.Length == 0) { await WriteAsync(ReplayAnswers.Error(id, "Missing action in request"), ct); return (true, false); }
        switch (action.ToLowerInvariant())
        {
            case "login":
                if (!ManagerLogin.Verify(_pbx.ManagerUsers, _challenge, r))
                {
                    await WriteAsync(ReplayAnswers.Error(id, "Authentication failed"), ct);
                    return (false, false);
                }
                if (r["Events"] is { } mask) _eventsOn = !(mask.Trim().ToLowerInvariant() is "off" or "no" or "false" or "0" or "none");
                await WriteAsync(ReplayAnswers.Success(id, "Authentication accepted") + (_eventsOn ? ReplayAnswers.FullyBooted(_started) : ""), ct);
                return (true, true);
            case "challenge":
                if (!string.Equals(r["AuthType"], "MD5", StringComparison.OrdinalIgnoreCase)) { await WriteAsync(ReplayAnswers.Error(id, "Must specify AuthType"), ct); return (true, false); }
                _challenge ??= ManagerLogin.NewChallenge();
                await WriteAsync(AmiText.Response("Success", id).Add("Challenge", _challenge).ToString(), ct);
                return (true, false);
            case "ping":
                await WriteAsync(ReplayAnswers.Ping(id), ct);
                return (true, false);
            case "logoff":
                await WriteAsync(AmiText.Response("Goodbye", id).Add("Message", "Thanks for all the fish.").ToString(), ct);
                return (false, false);
        }
        if (!authenticated) { await WriteAsync(ReplayAnswers.Error(id, "Permission denied"), ct); return (true, false); }
        if (action.Equals("Events", StringComparison.OrdinalIgnoreCase))
        {
            if (r["EventMask"] is not { } mask) { await WriteAsync(ReplayAnswers.Error(id, "Invalid event mask"), ct); return (true, false); }
            _eventsOn = !(mask.Trim().ToLowerInvariant() is "off" or "no" or "false" or "0" or "none");
            await WriteAsync(AmiText.Response("Success", id).Add("Events", _eventsOn ? "On" : "Off").ToString(), ct);
            return (true, false);
        }
        string? now = null;
        lock (_gate)
        {
            _sentKinds.Add(action);
            var next = NextAnswer(action);
            if (next < 0) now = ReplayAnswers.Unrecorded(action, id);
            else if (next == _cursor || Due(_script.Steps[next]) - DateTimeOffset.UtcNow <= _options.SyncWait)
            {
                // The stream is at (or nearly at) that answer: it serves it in its place.
                if (!_pending.TryGetValue(action, out var queue)) _pending[action] = queue = new Queue<string?>();
                queue.Enqueue(id);
                _arrived.Release();
            }
            else
            {
                _served.Add(next);
                now = ((AnswerStep)_script.Steps[next]).TextFor(id);
            }
        }
        if (now is not null) await WriteAsync(now, ct);
        return (true, false);
    }

    private int NextAnswer(string action)
    {
        for (var i = _cursor; i < _script.Steps.Count; i++)
            if (_script.Steps[i] is AnswerStep a && !_served.Contains(i) && a.Action.Equals(action, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private DateTimeOffset Due(ReplayStep step)
    {
        if (_options.Speed is not { } speed || step.At is not { } at || _script.FirstAt is not { } first) return _clockStart;
        var offset = (at - first) / speed;
        return _clockStart + (offset < TimeSpan.Zero ? TimeSpan.Zero : offset);
    }

    private async Task StreamAsync(CancellationToken ct)
    {
        var batch = new StringBuilder();
        while (!ct.IsCancellationRequested)
        {
            lock (_gate) { _clockStart = DateTimeOffset.UtcNow; _cursor = 0; }
            for (var i = 0; i < _script.Steps.Count; i++)
            {
                var step = _script.Steps[i];
                var wait = Due(step) - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await FlushAsync(batch, ct);
                    await Task.Delay(wait, ct);
                }
                if (step is EventStep e)
                {
                    lock (_gate) _cursor = i;
                    if (!_eventsOn) continue;
                    batch.Append(e.Text);
                    EventsSent++;
                    if (batch.Length >= 64 * 1024) await FlushAsync(batch, ct);
                    continue;
                }
                await FlushAsync(batch, ct);
                var text = await AnswerAtAsync(i, (AnswerStep)step, ct);
                if (text is not null) await WriteAsync(text, ct);
            }
            await FlushAsync(batch, ct);
            StreamedOnce.TrySetResult();
            if (!_options.Loop || _script.Steps.Count == 0) break;
            lock (_gate) { _firstPass = false; _served.Clear(); }
            await Task.Delay(TimeSpan.FromMilliseconds(1), ct); // a looped short capture at max speed must not spin a core
        }
    }

    /// <summary>The recorded answer at <paramref name="index"/> for a waiting client action, or null when nobody asks for it.</summary>
    private async Task<string?> AnswerAtAsync(int index, AnswerStep step, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + _options.SyncWait;
        while (true)
        {
            bool wait;
            lock (_gate)
            {
                _cursor = index;
                if (_served.Contains(index)) return null;
                if (_pending.TryGetValue(step.Action, out var queue) && queue.Count > 0)
                {
                    _served.Add(index);
                    return step.TextFor(queue.Dequeue());
                }
                // Wait only for an action this client has yet to send (its first resync), and only on the first pass.
                wait = _firstPass && !_sentKinds.Contains(step.Action);
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (!wait || left <= TimeSpan.Zero)
            {
                AnswersSkipped++;
                return null;
            }
            await _arrived.WaitAsync(left, ct);
        }
    }

    private async Task FlushAsync(StringBuilder batch, CancellationToken ct)
    {
        if (batch.Length == 0) return;
        var text = batch.ToString();
        batch.Clear();
        await WriteAsync(text, ct);
    }

    private async Task WriteAsync(string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _writeLock.WaitAsync(ct);
        try { await _stream!.WriteAsync(bytes, ct); }
        finally { _writeLock.Release(); }
    }
}
