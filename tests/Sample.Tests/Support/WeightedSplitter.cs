using Pipeline.Tests.Shared;
using System.Globalization;

namespace Sample.Tests.Support;

/// <summary>
/// A stand-in for the Gateway's weighted route: an nginx that picks a backend for every request on its own
/// (split_clients on the random $request_id, no session persistence), with the given percent to the second one.
/// <see cref="Reroute"/> changes the route the way a Gateway does, without dropping a connection: a new config and
/// nginx's reload (SIGHUP: new workers take the new config, the old ones finish what they were serving).
/// </summary>
public static class WeightedSplitter
{
    public static LocalServer Start(string runtimeRoot, LocalServer stable, LocalServer canary, decimal canaryPercent)
    {
        var port = LocalServer.FreePort();
        var config = WriteConfig(runtimeRoot, port, stable.Port, canary.Port, canaryPercent);
        return LocalServer.Start(FrontendServer.Nginx(), ["-c", config, "-p", Path.GetDirectoryName(config)!, "-e", "stderr", "-g", "daemon off;"], port);
    }

    /// <summary>Routes <paramref name="canaryPercent"/> % to <paramref name="canaryPort"/>, the rest to <paramref name="stablePort"/>.</summary>
    public static void Reroute(LocalServer splitter, string runtimeRoot, int stablePort, int canaryPort, decimal canaryPercent)
    {
        WriteConfig(runtimeRoot, splitter.Port, stablePort, canaryPort, canaryPercent);
        splitter.Signal("HUP");
        // The reload is asynchronous; new workers are up within milliseconds.
        Thread.Sleep(TimeSpan.FromMilliseconds(300));
    }

    private static string WriteConfig(string runtimeRoot, int port, int stablePort, int canaryPort, decimal canaryPercent)
    {
        var runtime = Path.Combine(runtimeRoot, $"splitter-{port}");
        Directory.CreateDirectory(runtime);
        var percent = canaryPercent.ToString("0.##", CultureInfo.InvariantCulture);
        var config = Path.Combine(runtime, "nginx.conf");
        var split = canaryPercent switch
        {
            <= 0 => $"* 127.0.0.1:{stablePort};",
            >= 100 => $"* 127.0.0.1:{canaryPort};",
            _ => $"{percent}% 127.0.0.1:{canaryPort};\n    * 127.0.0.1:{stablePort};",
        };
        File.WriteAllText(config, $$"""
            worker_processes 1;
            pid {{runtime}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{runtime}}/client_body;
              proxy_temp_path {{runtime}}/proxy;
              fastcgi_temp_path {{runtime}}/fastcgi;
              uwsgi_temp_path {{runtime}}/uwsgi;
              scgi_temp_path {{runtime}}/scgi;
              split_clients "${request_id}" $picked {
                {{split}}
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://$picked;
                  add_header X-Picked $picked always;
                }
              }
            }
            """);
        return config;
    }
}
