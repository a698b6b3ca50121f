using Pipeline.Tests.Shared;
using System.Globalization;

namespace Sample.Tests.Support;

/// <summary>
/// A stand-in for the Gateway's weighted route: an nginx that picks a backend for every request on its own
/// (split_clients on the random $request_id, no session persistence), with the given percent to the second one.
/// </summary>
public static class WeightedSplitter
{
    public static LocalServer Start(string runtimeRoot, LocalServer stable, LocalServer canary, decimal canaryPercent)
    {
        var port = LocalServer.FreePort();
        var runtime = Path.Combine(runtimeRoot, $"splitter-{port}");
        Directory.CreateDirectory(runtime);
        var percent = canaryPercent.ToString("0.##", CultureInfo.InvariantCulture);
        var config = Path.Combine(runtime, "nginx.conf");
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
                {{(canaryPercent > 0 ? $"{percent}% 127.0.0.1:{canary.Port};" : string.Empty)}}
                * 127.0.0.1:{{stable.Port}};
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
        return LocalServer.Start(FrontendServer.Nginx(), ["-c", config, "-p", runtime, "-e", "stderr", "-g", "daemon off;"], port);
    }
}
