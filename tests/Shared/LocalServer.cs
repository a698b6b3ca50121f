using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Tests.Shared;

/// <summary>
/// A server process a test started (nginx, uvicorn), listening on 127.0.0.1. Its output is drained so it never blocks;
/// disposing kills it and its workers, also when the test failed.
/// </summary>
public sealed class LocalServer : IDisposable
{
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LocalServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the process printed so far (the start of it), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="program"/> and waits until 127.0.0.1:<paramref name="port"/> accepts connections.</summary>
    /// <param name="configure">Sets the process's environment.</param>
    /// <param name="startTimeout">A limit against a server that never listens, not a speed check: the wait ends when the port answers.</param>
    public static LocalServer Start(
        string program, IEnumerable<string> arguments, int port, Action<ProcessStartInfo>? configure = null, TimeSpan? startTimeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        configure?.Invoke(info);

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{program}'.");
        var server = new LocalServer(process, port);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.WaitUntilListening(string.Join(' ', info.ArgumentList.Prepend(program)), startTimeout ?? DefaultStartTimeout);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the process a signal by name (QUIT, TERM, HUP), as the kubelet or a container engine would; with
    /// <c>daemon off</c> nginx's master is this process, and it passes the signal on to its workers.
    /// </summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start kill.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {name} {_process.Id} exited with {kill.ExitCode}.");
        }
    }

    /// <summary>The process's exit code once it has exited within <paramref name="timeout"/>, else null.</summary>
    public int? WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout) ? _process.ExitCode : null;

    /// <summary>A port nothing listens on right now (the OS picks it; a tiny race with other programs remains).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void WaitUntilListening(string commandLine, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"`{commandLine}` exited with {_process.ExitCode} before listening:\n{Output}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"`{commandLine}` did not listen on 127.0.0.1:{Port} within {timeout.TotalSeconds} s:\n{Output}");
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            if (line is not null && _output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }
}
