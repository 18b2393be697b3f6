using System.Net;
using System.Net.Sockets;

namespace Xuc.Host.Startup;

/// <summary>
/// Checks, before anything starts, that a port the server will listen on is free, so a port already taken is one
/// line naming its setting rather than a failure deep inside Kestrel or Akka remoting.
/// </summary>
public static class PortCheck
{
    public static void EnsureFree(string host, int port, string portEnv)
    {
        if (port == 0) return;
        var address = host is "0.0.0.0" or "*" or "+" ? IPAddress.Any
            : IPAddress.TryParse(host, out var ip) ? ip
            : Dns.GetHostAddresses(host).FirstOrDefault() ?? IPAddress.Loopback;
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            var why = e.SocketErrorCode == SocketError.AccessDenied ? "not allowed to listen on this port" : "the port is already in use";
            throw new StartupError(StartupError.PortInUse, $"{portEnv}={port}: {why} on {host}");
        }
        finally
        {
            listener.Stop();
        }
    }
}
