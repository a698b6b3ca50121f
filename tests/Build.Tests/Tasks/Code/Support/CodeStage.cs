using Build.Tests.Support;
using Pipeline.Tests.Shared;

namespace Build.Tests.Tasks.Code.Support;

/// <summary>Runs one code stage through the real host, with the Python that has the backend's tools.</summary>
public static class CodeStage
{
    /// <summary>Debian's interpreter on this machine (the first python3 on PATH lacks the tools); the suite's PIPELINE_TEST_PYTHON overrides it.</summary>
    public static string Python { get; } = Environment.GetEnvironmentVariable(HermeticEnvironment.PythonSetting) ?? "/usr/bin/python3";

    /// <summary>mypy's cache, shared by every run of the suite so planted copies are not checked from cold (a minute here).</summary>
    public static string MypyCache { get; } = Path.Combine(Path.GetTempPath(), "build-tests-mypy-cache");

    public static Task<HostResult> RunAsync(
        string stage,
        string? appRoot = null,
        IEnumerable<string>? arguments = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? python = null)
    {
        var all = new List<string> { $"--target={stage}", "--exclusive", $"--python={python ?? Python}" };
        if (appRoot is not null)
        {
            all.Add($"--app-root={appRoot}");
        }
        all.AddRange(arguments ?? []);
        var env = new Dictionary<string, string?> { ["MYPY_CACHE_DIR"] = MypyCache };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }
        return HostRun.RunAsync(all, env, TimeSpan.FromMinutes(6));
    }
}
