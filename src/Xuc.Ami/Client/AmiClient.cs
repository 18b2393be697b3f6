using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xuc.Ami.Actions;
using Xuc.Ami.Events;
using Xuc.Ami.Framing;

namespace Xuc.Ami.Client;

/// <summary>
/// A manager connection to Asterisk: TCP, banner, login (plain or Challenge/MD5), ActionID correlation with a
/// per-action timeout, event lists gathered into one result, unsolicited events as a stream, a Ping keepalive,
/// and reconnection with capped exponential backoff and jitter, followed by <see cref="Resynchronise"/>.
/// </summary>
public sealed class AmiClient : IAsyncDisposable
{
    private readonly AmiClientOptions _options;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, PendingAction> _pending = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly string _idPrefix = "xuc-" + Guid.NewGuid().ToString("N")[..6] + "-";
    private readonly ReconnectBackoff _backoff;
    private readonly TaskCompletionSource _firstLogin = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;
    private Task? _supervisor;
    private volatile Connection? _current;
    private volatile AmiConnectionState _state = new(AmiLinkStatus.Disconnected, "not started");

    public AmiClient(AmiClientOptions options, ILogger? logger = null)
    {
        _options = options;
        _log = logger ?? NullLogger.Instance;
        _backoff = new ReconnectBackoff(options.ReconnectMin, options.ReconnectMax);
    }

    /// <summary>
    /// Every unsolicited event as a typed <see cref="AmiEvent"/> (list items go to their action's result instead).
    /// Built only when someone subscribes; the server's hot path reads <see cref="MessageReceived"/>.
    /// </summary>
    public event Action<AmiEvent>? EventReceived;

    /// <summary>Every unsolicited event as the framed message itself, with nothing built on top (the server's hot path).</summary>
    public event Action<AmiMessage>? MessageReceived;

    public event Action<AmiConnectionState>? StateChanged;

    /// <summary>Raised after every successful login, the first one included: rebuild state from lists now.</summary>
    public event Action? Resynchronise;

    public AmiConnectionState State => _state;
    public bool IsConnected => _state.IsConnected;

    /// <summary>Messages dropped as garbage on the current connection's stream.</summary>
    public long DroppedMessages => _current?.Framer.Dropped ?? 0;

    /// <summary>
    /// Starts the connection and returns once logged in. An unreachable PBX and a refused login (state
    /// <see cref="AmiLinkStatus.LoginRefused"/>, e.g. during a <c>manager reload</c>) are both retried with the capped
    /// backoff until the PBX accepts or <paramref name="ct"/> fires (the client keeps trying after that: stop it).
    /// </summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        Start();
        await _firstLogin.Task.WaitAsync(ct);
    }

    /// <summary>Starts connecting in the background; <see cref="StateChanged"/> tells how it goes.</summary>
    public void Start() => _supervisor ??= Task.Run(SuperviseAsync);

    /// <summary>Sends an action and returns its response (a <c>Response: Error</c> is a response, not an exception).</summary>
    public async Task<AmiResponse> SendAsync(AmiAction action, CancellationToken ct = default)
        => (await SendAsync(action, isList: false, ct)).Response;

    private Task<AmiEventList> SendAsync(AmiAction action, bool isList, CancellationToken ct)
    {
        var conn = _current;
        if (conn is null || !_state.IsConnected) return Task.FromException<AmiEventList>(new AmiNotConnectedException($"cannot send {action.Name}: {_state}"));
        return SendOnAsync(conn, action, isList, ct);
    }

    /// <summary>Sends a list action (QueueStatus, CoreShowChannels, ...) and gathers its events up to <c>...Complete</c>.</summary>
    public Task<AmiEventList> SendListAsync(AmiAction action, CancellationToken ct = default) => SendAsync(action, isList: true, ct);

    private async Task<AmiEventList> SendOnAsync(Connection conn, AmiAction action, bool isList, CancellationToken ct)
    {
        var id = _idPrefix + Interlocked.Increment(ref _nextId);
        var pending = new PendingAction(action.Name, isList);
        _pending[id] = pending;
        _options.Tap?.Sent(action.Name, id);
        var limit = action.ResponseTimeout ?? _options.ActionTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        await using var registration = timeout.Token.Register(() =>
        {
            if (_pending.TryRemove(id, out var p))
                p.Fail(ct.IsCancellationRequested ? new OperationCanceledException(ct) : new AmiActionTimeoutException(action.Name, limit));
        });
        try
        {
            await conn.WriteAsync(Encoding.UTF8.GetBytes(action.ToWire(id)), timeout.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            _pending.TryRemove(id, out _);
            throw new AmiNotConnectedException($"cannot send {action.Name}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            // The registration above already failed the pending action with the right exception.
        }
        return await pending.Task;
    }

    private async Task SuperviseAsync()
    {
        var attempt = 0;
        var token = _lifetime.Token;
        while (!token.IsCancellationRequested)
        {
            SetState(new AmiConnectionState(AmiLinkStatus.Connecting));
            string reason;
            string? refused = null;
            Connection? conn = null;
            try
            {
                conn = await Connection.OpenAsync(_options, token);
                var readLoop = ReadLoopAsync(conn);
                _current = conn;
                var login = LoginAsync(conn, token);
                // Asterisk answers a refused login and then closes: the answer was read before the end of the
                // stream, so the login still learns it was refused; otherwise it fails as "closed".
                if (await Task.WhenAny(login, readLoop) != login)
                    FailPending(new AmiNotConnectedException("the PBX closed the connection during login"));
                await login;
                attempt = 0;
                SetState(new AmiConnectionState(AmiLinkStatus.Connected, null, conn.Framer.Banner));
                RaiseResynchronise();
                _firstLogin.TrySetResult();
                using var linkDown = CancellationTokenSource.CreateLinkedTokenSource(token);
                var keepalive = KeepaliveAsync(conn, linkDown.Token);
                var ended = await Task.WhenAny(readLoop, keepalive);
                linkDown.Cancel();
                reason = ended.Exception?.GetBaseException().Message ?? "the PBX closed the connection";
            }
            catch (AmiLoginRefusedException e)
            {
                // Retried like a lost link: a refusal may be a manager.conf being reloaded.
                refused = e.Message;
                reason = "login refused: " + e.Message;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                conn?.Dispose();
                break;
            }
            catch (Exception e)
            {
                reason = e.GetBaseException().Message;
            }
            conn?.Dispose();
            _current = null;
            FailPending(new AmiNotConnectedException("connection lost: " + reason));
            if (token.IsCancellationRequested) break;
            SetState(refused is null ? new AmiConnectionState(AmiLinkStatus.Disconnected, reason) : new AmiConnectionState(AmiLinkStatus.LoginRefused, refused));
            _log.LogDebug("AMI link to {Host}:{Port} down ({Reason})", _options.Host, _options.Port, reason);
            try { await Task.Delay(_backoff.Delay(attempt++), token); } catch (OperationCanceledException) { break; }
        }
        SetState(new AmiConnectionState(AmiLinkStatus.Stopped));
    }

    private async Task LoginAsync(Connection conn, CancellationToken token)
    {
        LoginAction login;
        if (_options.Auth == AmiAuthMode.Md5)
        {
            var challenge = (await SendOnAsync(conn, new ChallengeAction(), false, token)).Response;
            if (!challenge.IsSuccess || string.IsNullOrEmpty(challenge["Challenge"]))
                throw new AmiLoginRefusedException("the PBX refused the MD5 challenge: " + (challenge.Text ?? challenge.Response));
            var key = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(challenge["Challenge"] + _options.Secret)));
            login = new LoginAction { Username = _options.Username, AuthType = "MD5", Key = key };
        }
        else
        {
            login = new LoginAction { Username = _options.Username, Secret = _options.Secret };
        }
        var answer = (await SendOnAsync(conn, login, false, token)).Response;
        if (!answer.IsSuccess) throw new AmiLoginRefusedException(answer.Text ?? "Authentication failed");
    }

    private async Task KeepaliveAsync(Connection conn, CancellationToken token)
    {
        while (true)
        {
            await Task.Delay(_options.PingInterval, token);
            // A Ping that gets no answer within the ping timeout ends the connection (a frozen PBX).
            await SendOnAsync(conn, new PingAction { ResponseTimeout = _options.PingTimeout }, false, token);
        }
    }

    private async Task ReadLoopAsync(Connection conn)
    {
        await Task.Yield();
        var batch = new List<AmiMessage>();
        var reader = conn.Reader;
        var tap = _options.Tap;
        tap?.Connected(_options.Host, _options.Port);
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            var consumed = conn.Framer.Parse(buffer, batch);
            reader.AdvanceTo(consumed, buffer.End);
            tap?.Received(conn.Framer.Banner, batch);
            foreach (var message in batch) Dispatch(message);
            batch.Clear();
            if (result.IsCompleted || result.IsCanceled)
            {
                conn.Framer.Complete();
                return;
            }
        }
    }

    private void Dispatch(AmiMessage message)
    {
        var id = message.ActionId;
        if (message.IsResponse)
        {
            if (id is not null && _pending.TryGetValue(id, out var p) && p.OnResponse(message)) _pending.TryRemove(id, out _);
            return;
        }
        if (id is not null && _pending.TryGetValue(id, out var list) && list.IsList)
        {
            if (list.OnListEvent(message)) _pending.TryRemove(id, out _);
            return;
        }
        if (!message.IsEvent) return;
        var raw = MessageReceived;
        var handler = EventReceived;
        try
        {
            raw?.Invoke(message);
            handler?.Invoke(AmiEvents.From(message));
        }
        catch (Exception e)
        {
            _log.LogError(e, "an AMI event subscriber failed on {Event}", message.EventName);
        }
    }

    private void FailPending(Exception e)
    {
        foreach (var id in _pending.Keys)
            if (_pending.TryRemove(id, out var p)) p.Fail(e);
    }

    private void SetState(AmiConnectionState state)
    {
        _state = state;
        try { StateChanged?.Invoke(state); }
        catch (Exception e) { _log.LogError(e, "an AMI state subscriber failed"); }
    }

    private void RaiseResynchronise()
    {
        try { Resynchronise?.Invoke(); }
        catch (Exception e) { _log.LogError(e, "an AMI resynchronise subscriber failed"); }
    }

    /// <summary>Logs off (best effort) and stops reconnecting.</summary>
    public async Task StopAsync()
    {
        var conn = _current;
        if (conn is not null && _state.IsConnected)
        {
            try { await SendOnAsync(conn, new LogoffAction(), false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1)); }
            catch (Exception) { /* best effort: the socket closes below anyway */ }
        }
        _lifetime.Cancel();
        conn?.Dispose();
        if (_supervisor is not null)
        {
            try { await _supervisor; } catch (OperationCanceledException) { }
        }
        _firstLogin.TrySetCanceled();
        FailPending(new AmiNotConnectedException("the client was stopped"));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _lifetime.Dispose();
    }
}
