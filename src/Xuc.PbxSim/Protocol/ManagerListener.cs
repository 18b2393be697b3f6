using System.Net;
using System.Net.Sockets;

namespace Xuc.PbxSim.Protocol;

/// <summary>
/// The manager port of the simulator and of the replay server: listens (port 0 = any free one), accepts connections
/// until stopped and hands each to <c>onClient</c>, which runs it.
/// </summary>
internal static class ManagerListener
{
    public static TcpListener Open(IPAddress bind, int port, out int actualPort)
    {
        var listener = new TcpListener(bind, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        actualPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    public static async Task AcceptLoopAsync(TcpListener listener, Action<TcpClient> onClient, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient tcp;
            try { tcp = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            tcp.NoDelay = true;
            onClient(tcp);
        }
    }
}
