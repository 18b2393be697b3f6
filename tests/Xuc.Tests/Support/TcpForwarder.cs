using System.Net;
using System.Net.Sockets;

namespace Xuc.Tests.Support;

/// <summary>Forwards every connection on a loopback port to another host:port (a server that "comes up" late).</summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpForwarder(int port, string targetHost, int targetPort)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync(targetHost, targetPort);
    }

    private async Task AcceptAsync(string host, int port)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = PumpAsync(client, host, port);
        }
    }

    private async Task PumpAsync(TcpClient client, string host, int port)
    {
        using var _ = client;
        using var target = new TcpClient();
        try
        {
            await target.ConnectAsync(host, port, _stop.Token);
            var a = client.GetStream();
            var b = target.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
    }
}
