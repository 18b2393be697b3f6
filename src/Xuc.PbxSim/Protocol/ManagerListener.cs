using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Xuc.PbxSim.Protocol;

/// <summary>
/// The manager port of the simulator and of the replay server: listens (port 0 = any free one), accepts connections,
/// runs one session per connection and, when stopped, drops them all (what an Asterisk restart looks like to clients).
/// </summary>
internal sealed class ManagerListener<TSession> where TSession : notnull
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TSession, Task> _sessions = new();
    private readonly Func<TcpClient, TSession> _open;
    private readonly Func<TSession, CancellationToken, Task> _run;
    private readonly Task _accept;

    public ManagerListener(IPAddress bind, int port, Func<TcpClient, TSession> open, Func<TSession, CancellationToken, Task> run)
    {
        _open = open;
        _run = run;
        _listener = new TcpListener(bind, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accept = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>The port listened on (the real one when 0 was asked).</summary>
    public int Port { get; }

    /// <summary>The sessions running now.</summary>
    public ICollection<TSession> Sessions => _sessions.Keys;

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient tcp;
            try { tcp = await _listener.AcceptTcpClientAsync(ct); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            tcp.NoDelay = true;
            var session = _open(tcp);
            _sessions[session] = Task.Run(async () =>
            {
                try { await _run(session, ct); }
                finally { _sessions.TryRemove(session, out _); }
            }, CancellationToken.None);
        }
    }

    /// <summary>Stops listening, ends every session (waiting up to 5 s for them) and releases the listener.</summary>
    public async Task StopAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accept;
        await Task.WhenAll(_sessions.Values.ToArray()).WaitAsync(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
