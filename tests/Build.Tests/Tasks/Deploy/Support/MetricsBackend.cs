using System.Globalization;
using Build.Tests.Support;
using Pipeline.Tests.Shared;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>What a test build injects (backend/tests/faults/app.py): every N-th API request a 500, a delay before each.</summary>
public sealed record Faults(int ErrorEvery = 0, int DelayMs = 0)
{
    public static readonly Faults None = new();
}

/// <summary>
/// The real sample backend under uvicorn on 127.0.0.1 with its metrics labelled as one track and commit: the test
/// build (backend/tests/faults/app.py, never in an image), which is the app itself plus the given faults.
/// </summary>
public sealed class MetricsBackend : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly LocalServer _server;
    private readonly string _dataDir;

    private MetricsBackend(LocalServer server, string dataDir, string track)
    {
        _server = server;
        _dataDir = dataDir;
        Track = track;
    }

    public string Track { get; }

    public int Port => _server.Port;

    public Uri BaseAddress => _server.BaseAddress;

    public static MetricsBackend Start(string track, string commit, Faults faults)
    {
        var port = LocalServer.FreePort();
        var dataDir = Directory.CreateTempSubdirectory($"metrics-{track}-").FullName;
        string[] arguments =
        [
            "-m", "uvicorn", "tests.faults.app:app", "--app-dir", Path.Combine(RepoPaths.App, "backend"),
            "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--no-access-log",
        ];
        try
        {
            var server = LocalServer.Start(Python, arguments, port, info => HermeticEnvironment.Apply(info.Environment, new Dictionary<string, string?>
            {
                ["SOVD_DB_PATH"] = Path.Combine(dataDir, "sovd.sqlite3"),
                ["SOVD_TRACK"] = track,
                ["SOVD_COMMIT"] = commit,
                ["SOVD_FAULT_ERROR_EVERY"] = faults.ErrorEvery.ToString(CultureInfo.InvariantCulture),
                ["SOVD_FAULT_DELAY_MS"] = faults.DelayMs.ToString(CultureInfo.InvariantCulture),
            }), TimeSpan.FromSeconds(90));
            return new MetricsBackend(server, dataDir, track);
        }
        catch
        {
            Directory.Delete(dataDir, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }
}
