using Pipeline.Tests.Shared;
using System.Globalization;

namespace Sample.Tests.Support;

/// <summary>
/// One pod of a release, run on the host: the sample backend under uvicorn and the frontend image's nginx proxying
/// /api/ and /health/ to it, both naming <see cref="Version"/> in X-App-Version. <see cref="StopGracefully"/> stops it
/// the way the kubelet does once the endpoint is gone and the preStop sleep is over: the image's stop signal to each
/// process (SIGQUIT for nginx, SIGTERM for uvicorn), then a bounded wait.
/// </summary>
public sealed class AppInstance : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _data;

    private AppInstance(string version, string data, LocalServer backend, LocalServer frontend)
    {
        Version = version;
        _data = data;
        Backend = backend;
        Frontend = frontend;
    }

    public string Version { get; }

    public LocalServer Backend { get; }

    public LocalServer Frontend { get; }

    public int Port => Frontend.Port;

    public static AppInstance Start(FrontendBuild build, string runtimeRoot, string version)
    {
        var data = Directory.CreateTempSubdirectory("app-instance-").FullName;
        var backendPort = LocalServer.FreePort();
        LocalServer? backend = null;
        try
        {
            backend = LocalServer.Start(Python,
                ["-m", "uvicorn", "app.main:app", "--app-dir", Path.Combine(RepoPaths.SampleApp, "backend"),
                 "--host", "127.0.0.1", "--port", backendPort.ToString(CultureInfo.InvariantCulture)],
                backendPort,
                info =>
                {
                    HermeticEnvironment.Apply(info.Environment);
                    info.Environment["SOVD_DB_PATH"] = Path.Combine(data, "sovd.sqlite3");
                    info.Environment["SOVD_APP_VERSION"] = version;
                },
                TimeSpan.FromSeconds(90));
            var frontend = FrontendServer.Start(build, runtimeRoot, string.Empty, LocalServer.FreePort(), $"127.0.0.1:{backendPort}", version);
            return new AppInstance(version, data, backend, frontend);
        }
        catch
        {
            backend?.Dispose();
            Directory.Delete(data, recursive: true);
            throw;
        }
    }

    /// <summary>The stop signals, then both exit codes (null: still running after <paramref name="limit"/>).</summary>
    public (int? Frontend, int? Backend) StopGracefully(TimeSpan limit)
    {
        Frontend.Signal("QUIT");
        Backend.Signal("TERM");
        return (Frontend.WaitForExit(limit), Backend.WaitForExit(limit));
    }

    public void Dispose()
    {
        Frontend.Dispose();
        Backend.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
