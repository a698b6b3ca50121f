using System.Net;
using System.Net.Sockets;

namespace Build.Containers;

/// <summary>A loopback port nobody listens on right now, so two stacks (or a developer's own) never collide.</summary>
public static class FreePort
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
