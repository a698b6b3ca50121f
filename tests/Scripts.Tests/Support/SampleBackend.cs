using Pipeline.Tests.Shared;

namespace Scripts.Tests.Support;

/// <summary>
/// The real sample backend (samples/sovd-webapp/backend) under uvicorn on 127.0.0.1, started with
/// Debian's /usr/bin/python3, which has FastAPI and uvicorn installed.
/// </summary>
public sealed class SampleBackend : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly LocalServer server;
    private readonly string dataDir;

    private SampleBackend(LocalServer server, string dataDir)
    {
        this.server = server;
        this.dataDir = dataDir;
    }

    public string BaseUrl => $"http://127.0.0.1:{server.Port}";

    /// <summary>Starts uvicorn and returns once it accepts connections (readiness may still be pending).</summary>
    public static async Task<SampleBackend> StartAsync(string? apiToken = null, double readyDelaySeconds = 0, string? appVersion = null)
    {
        var port = LocalServer.FreePort();
        var dataDir = Directory.CreateTempSubdirectory("smoke-backend-").FullName;
        string[] arguments =
        [
            "-m", "uvicorn", "app.main:app", "--app-dir", Path.Combine(RepoRoot.Path, "samples", "sovd-webapp", "backend"),
            "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        try
        {
            var server = await Task.Run(() => LocalServer.Start(Python, arguments, port, info => Configure(info, dataDir, apiToken, readyDelaySeconds, appVersion), StartTimeout));
            return new SampleBackend(server, dataDir);
        }
        catch
        {
            Directory.Delete(dataDir, recursive: true);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        server.Dispose();
        Directory.Delete(dataDir, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static void Configure(System.Diagnostics.ProcessStartInfo info, string dataDir, string? apiToken, double readyDelaySeconds, string? appVersion)
    {
        HermeticEnvironment.Apply(info.Environment);
        info.Environment["SOVD_DB_PATH"] = Path.Combine(dataDir, "sovd.sqlite3");
        info.Environment["SOVD_READY_DELAY_SECONDS"] = readyDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment.Remove("SOVD_API_TOKEN");
        // The build the answers name (X-App-Version); unset, the backend says "unknown".
        info.Environment.Remove("SOVD_APP_VERSION");
        if (appVersion is not null)
        {
            info.Environment["SOVD_APP_VERSION"] = appVersion;
        }
        if (apiToken is not null)
        {
            info.Environment["SOVD_API_TOKEN"] = apiToken;
        }
    }
}
