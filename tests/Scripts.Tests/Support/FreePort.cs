using System.Net;
using System.Net.Sockets;

namespace Scripts.Tests.Support;

/// <summary>Loopback ports nobody listens on (for "connection refused" and for child servers).</summary>
internal static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
