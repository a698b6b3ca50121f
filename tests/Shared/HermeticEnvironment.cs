using System.Runtime.CompilerServices;

namespace Pipeline.Tests.Shared;

/// <summary>
/// The environment of every process the tests start, built from an explicit list: what the machine needs to run
/// programs at all (PATH, HOME, locale, proxies and certificates, the .NET SDK's own settings) passes through; anything
/// else the caller's shell holds (PYTHONPATH, PIPELINE_PYTHON, PLAYWRIGHT_*, GITHUB_ACTIONS, CI, KUBECONFIG, DOCKER_HOST…)
/// does not. What the suite decides itself (the engine address, no colours) it sets deliberately.
/// </summary>
public static class HermeticEnvironment
{
    /// <summary>The suite's own setting for the container engine; scripts/test.sh sets it when it starts a private engine.</summary>
    public const string EngineSetting = "PIPELINE_TEST_DOCKER_HOST";

    /// <summary>The engine the tests use unless <see cref="EngineSetting"/> names another: the default socket.</summary>
    public const string DefaultEngine = "unix:///var/run/docker.sock";

    /// <summary>Variables passed through from the caller, by exact name.</summary>
    public static readonly IReadOnlySet<string> Passed = new HashSet<string>(StringComparer.Ordinal)
    {
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "TZ", "TMPDIR",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "GIT_SSL_CAINFO",
        "UseSharedCompilation", "MSBUILDDISABLENODEREUSE",
        // The suite's own settings: the engine, the interpreter with the backend's tools, helm.
        EngineSetting, PythonSetting, "HELM", TierSetting,
    };

    /// <summary>
    /// <c>fast</c> in the fast tier (<c>scripts/test.sh --fast</c>): in-process tests only, so starting a process fails
    /// the test and names the trait its class needs.
    /// </summary>
    public const string TierSetting = "PIPELINE_TEST_TIER";

    /// <summary>The suite's own setting for the interpreter with the backend's tools (default: Debian's).</summary>
    public const string PythonSetting = "PIPELINE_TEST_PYTHON";

    /// <summary>Prefixes passed through: the .NET SDK's, NuGet's and the test platform's own settings.</summary>
    public static readonly IReadOnlyList<string> PassedPrefixes = ["DOTNET_", "NUGET_", "VSTEST", "TESTINGPLATFORM_", "COVERLET"];

    /// <summary>The container engine this suite's tests talk to.</summary>
    public static string Engine { get; } = Environment.GetEnvironmentVariable(EngineSetting) is { Length: > 0 } engine ? engine : DefaultEngine;

    /// <summary>Set for every process, whatever the caller has.</summary>
    public static IReadOnlyDictionary<string, string> Fixed => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NO_COLOR"] = "1",
        ["DOCKER_HOST"] = Engine,
    };

    public static bool IsPassed(string name) =>
        Passed.Contains(name) || PassedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// Rebuilds <paramref name="environment"/> (a <c>ProcessStartInfo.Environment</c>) from the list, then applies the
    /// test's own values; a null value removes a variable.
    /// </summary>
    public static void Apply(IDictionary<string, string?> environment, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        RefuseInFastTier();
        foreach (var name in environment.Keys.Where(name => !IsPassed(name)).ToList())
        {
            environment.Remove(name);
        }
        foreach (var (name, value) in Fixed)
        {
            environment[name] = value;
        }
        foreach (var (name, value) in overrides ?? [])
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }
    }

    /// <summary>
    /// Fails a test of the fast tier that is about to start a process. <see cref="Apply"/> calls it; so does every
    /// fixture that starts processes in-process through Cake's real runner (stand-in scripts, a task that runs one).
    /// </summary>
    public static void RefuseInFastTier()
    {
        if (Environment.GetEnvironmentVariable(TierSetting) == "fast")
        {
            throw new InvalidOperationException(
                $"This test starts a process, which the fast tier ({TierSetting}=fast) leaves out: " +
                "mark its class (or the test) [Trait(\"Tier\", \"process\")].");
        }
    }

    /// <summary>
    /// The test process itself gets the same environment before any test runs: tools started in-process (through Cake's
    /// process runner) and settings read in-process then see the list, not the caller's shell.
    /// </summary>
#pragma warning disable CA2255 // The point: it must run before any test of the assembly, whichever runs first.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ApplyToThisProcess()
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(name => !IsPassed(name)).ToList())
        {
            Environment.SetEnvironmentVariable(name, null);
        }
        foreach (var (name, value) in Fixed)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
