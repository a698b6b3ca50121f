using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using Build.Tools.Prometheus;
using Pipeline.Tests.Shared;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// Debian's real Prometheus on 127.0.0.1 with a free port and a temporary data folder, scraping the given backends
/// every second with the label namespace="production" (what Kubernetes discovery adds in a cluster); disposing stops
/// it and removes the folder, also when the test failed.
/// </summary>
public sealed class PrometheusServer : IDisposable
{
    public const string Program = "/usr/bin/prometheus";
    public const string Namespace = "production";
    private readonly LocalServer _server;
    private readonly string _folder;

    private PrometheusServer(LocalServer server, string folder)
    {
        _server = server;
        _folder = folder;
    }

    public Uri BaseAddress => _server.BaseAddress;

    public static PrometheusServer Start(params MetricsBackend[] targets)
    {
        var folder = Directory.CreateTempSubdirectory("prometheus-").FullName;
        var port = LocalServer.FreePort();
        var config = Path.Combine(folder, "prometheus.yml");
        File.WriteAllText(config, Config(targets));
        string[] arguments =
        [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--log.level=warn",
        ];
        try
        {
            var server = LocalServer.Start(Program, arguments, port, info => HermeticEnvironment.Apply(info.Environment), TimeSpan.FromSeconds(60));
            var prometheus = new PrometheusServer(server, folder);
            prometheus.WaitForTargets(targets.Length);
            return prometheus;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Config(IEnumerable<MetricsBackend> targets)
    {
        var lines = new List<string> { "global:", "  scrape_interval: 1s", "  evaluation_interval: 1s", "scrape_configs:", "  - job_name: sovd-backend", "    static_configs:" };
        foreach (var target in targets)
        {
            lines.Add($"      - targets: ['127.0.0.1:{target.Port.ToString(CultureInfo.InvariantCulture)}']");
            lines.Add($"        labels: {{namespace: {Namespace}, pod: {target.Track}}}");
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Until every target was scraped successfully (up == 1), asked through the deploy's own client.</summary>
    private void WaitForTargets(int count)
    {
        using var client = new PrometheusClient(BaseAddress, null, TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if (client.QueryNumber("sum(up{job=\"sovd-backend\"})", DateTimeOffset.UtcNow) >= count)
                {
                    return;
                }
            }
            catch (PrometheusException)
            {
                // Still starting: its API answers 503 until the storage is ready.
            }
            Thread.Sleep(250);
        }
        throw new TimeoutException($"Prometheus did not scrape all {count} backends within 60 s:\n{_server.Output}");
    }
}
