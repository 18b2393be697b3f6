using System.Net;
using System.Net.Sockets;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>
/// Checks, before anything starts, that a port the server will listen on is free, so a port already taken is one
/// line naming its setting rather than a failure deep inside Kestrel or Akka remoting.
/// </summary>
public static class PortCheck
{
    /// <param name="hostEnv">The variable naming the address (an address that is not this machine's is a bad setting).</param>
    public static void EnsureFree(string host, int port, string portEnv, string hostEnv)
    {
        if (port == 0) return;
        var listener = new TcpListener(Resolve(host, hostEnv), port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            var why = e.SocketErrorCode == SocketError.AccessDenied ? "not allowed to listen on this port" : "the port is already in use";
            throw new StartupError(StartupError.PortInUse, $"{portEnv}={port}: {why} on {host}");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            throw new SettingError(hostEnv, "", host, "not an address of this machine");
        }
        finally
        {
            listener.Stop();
        }
    }

    private static IPAddress Resolve(string host, string hostEnv)
    {
        if (host is "0.0.0.0" or "*" or "+") return IPAddress.Any;
        if (IPAddress.TryParse(host, out var ip)) return ip;
        try
        {
            return Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new SocketException((int)SocketError.HostNotFound);
        }
        catch (SocketException e)
        {
            throw new SettingError(hostEnv, "", host, $"the name does not resolve ({e.Message})");
        }
    }
}
