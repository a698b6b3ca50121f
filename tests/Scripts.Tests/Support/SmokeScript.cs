using System.Diagnostics;
using Pipeline.Tests.Shared;

namespace Scripts.Tests.Support;

/// <summary>
/// Runs scripts/smoke_tests.sh with bash as a child process, with a clean set of smoke settings
/// (small timeouts so failing scenarios stay fast) and a hard timeout that kills it.
/// </summary>
public sealed class SmokeScript
{
    // A net under a hung script, far above every bound the tests give it, so load on a shared machine never trips it.
    private static readonly TimeSpan HardTimeout = TimeSpan.FromSeconds(180);

    private readonly Dictionary<string, string> environment = new()
    {
        ["SMOKE_TIMEOUT"] = "2",
        ["SMOKE_TOTAL_TIMEOUT"] = "20",
        ["SMOKE_READY_ATTEMPTS"] = "3",
        ["SMOKE_READY_BACKOFF"] = "0.05",
        ["SMOKE_READY_BACKOFF_MAX"] = "0.2",
    };

    private readonly List<string> arguments = [];
    private readonly List<string> bashOptions = [];
    private string? path;

    public static SmokeScript Against(string apiBaseUrl) => new SmokeScript().Env("API_BASE_URL", apiBaseUrl);

    public static SmokeScript WithoutApiBaseUrl() => new();

    public SmokeScript Env(string name, string value)
    {
        environment[name] = value;
        return this;
    }

    public SmokeScript Args(params string[] values)
    {
        arguments.AddRange(values);
        return this;
    }

    /// <summary>An option for bash itself, e.g. <c>-x</c> as a caller that traces would pass.</summary>
    public SmokeScript BashOption(string option)
    {
        bashOptions.Add(option);
        return this;
    }

    public SmokeScript Path(string value)
    {
        path = value;
        return this;
    }

    public async Task<SmokeRun> RunAsync()
    {
        using var process = new Process { StartInfo = StartInfo() };
        var clock = Stopwatch.StartNew();
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(HardTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"smoke_tests.sh did not finish within {HardTimeout.TotalSeconds}s; stdout so far:{Environment.NewLine}{await stdout}");
        }

        clock.Stop();
        return new SmokeRun(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    private ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var option in bashOptions)
        {
            info.ArgumentList.Add(option);
        }

        info.ArgumentList.Add(RepoRoot.SmokeScript);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test's own environment must not leak settings into the script.
        HermeticEnvironment.Apply(info.Environment);

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        if (path is not null)
        {
            info.FileName = "/bin/bash";
            info.Environment["PATH"] = path;
        }

        return info;
    }
}
