using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Pipeline.Tests.Shared;

namespace Scripts.Tests.Support;

/// <summary>
/// The real sample backend (samples/sovd-webapp/backend) under uvicorn on 127.0.0.1, started with
/// Debian's /usr/bin/python3, which has FastAPI and uvicorn installed.
/// </summary>
public sealed class SampleBackend : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    // A limit against a backend that never listens, not a speed check: the wait ends when the port answers.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly StringBuilder log = new();
    private readonly string dataDir;

    private SampleBackend(Process process, string dataDir, int port)
    {
        this.process = process;
        this.dataDir = dataDir;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    /// <summary>Starts uvicorn and returns once it accepts connections (readiness may still be pending).</summary>
    public static async Task<SampleBackend> StartAsync(string? apiToken = null, double readyDelaySeconds = 0)
    {
        var port = FreePort.Next();
        var dataDir = Directory.CreateTempSubdirectory("smoke-backend-").FullName;
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-m", "uvicorn", "app.main:app", "--app-dir", Path.Combine(RepoRoot.Path, "samples", "sovd-webapp", "backend"),
                     "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        HermeticEnvironment.Apply(info.Environment);
        info.Environment["SOVD_DB_PATH"] = Path.Combine(dataDir, "sovd.sqlite3");
        info.Environment["SOVD_READY_DELAY_SECONDS"] = readyDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment.Remove("SOVD_API_TOKEN");
        if (apiToken is not null)
        {
            info.Environment["SOVD_API_TOKEN"] = apiToken;
        }

        var backend = new SampleBackend(new Process { StartInfo = info }, dataDir, port);
        backend.Start();
        await backend.WaitUntilListeningAsync(port);
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(dataDir, recursive: true);
    }

    private void Start()
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The sample backend exited with {process.ExitCode} while starting:{Environment.NewLine}{Log()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await DisposeAsync();
        throw new TimeoutException($"The sample backend did not listen on port {port} within {StartTimeout.TotalSeconds}s:{Environment.NewLine}{Log()}");
    }

    private string Log()
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}
