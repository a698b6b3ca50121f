using System.Diagnostics;
using System.Text;
using Build.Tests.Support;

namespace Build.Tests.Host;

/// <summary>
/// The suite does not care about the caller's shell: a sample of task tests, each sensitive to one of the variables
/// below, passes when run by a `dotnet test` whose caller exported all of them with unhelpful values.
/// </summary>
[Trait("Requires", "python")]
public sealed class HermeticSuiteTests
{
    // Each of these, inherited, would change the outcome of a test in the sample.
    private static readonly Dictionary<string, string> Hostile = new()
    {
        ["PYTHONPATH"] = Path.Combine(RepoPaths.Root, "tools", "ruff-wasm", "python"),
        ["PIPELINE_PYTHON"] = "/nonexistent/python3",
        ["PLAYWRIGHT_CHROMIUM_EXECUTABLE"] = "/nonexistent/chromium",
        ["PLAYWRIGHT_BROWSERS_PATH"] = "/nonexistent/ms-playwright",
        ["GITHUB_ACTIONS"] = "true",
        ["CI"] = "true",
        ["NO_COLOR"] = string.Empty,
        ["KUBECONFIG"] = "/nonexistent/kubeconfig",
        ["DOCKER_HOST"] = "tcp://127.0.0.1:1",
        ["GITHUB_SHA"] = "not-a-sha",
        ["GITHUB_REPOSITORY_OWNER"] = "Not An Owner",
        ["PIPELINE_TEST_FILTER"] = "Nothing=AtAll",
    };

    // Lint-Backend (PYTHONPATH), tool choice (PIPELINE_PYTHON, PLAYWRIGHT_*), image settings and dry runs
    // (GITHUB_ACTIONS, GITHUB_SHA, owner, DOCKER_HOST), deploy preflight (KUBECONFIG, CI).
    private const string Sample =
        "FullyQualifiedName~LintBackendTests.LintBackend_RuffNotInstalledAndWasmBuildOff" +
        "|FullyQualifiedName~HostToolsTests.Python_NoneConfigured" +
        "|FullyQualifiedName~HostToolsTests.Browser_NoneConfigured" +
        "|FullyQualifiedName~ContainerPreflightTests.BuildImages_DryRunWithLayerCache" +
        "|FullyQualifiedName~ContainerPreflightTests.BuildImages_InvalidSettings" +
        "|FullyQualifiedName~DeployPreflightTests.DeployStaging_NoOwnerAndABadSmokeUrl";

    [Fact]
    public async Task SampleOfTaskTests_CallerExportsHostileVariables_PassAsInAPlainShell()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[] { "test", typeof(HermeticSuiteTests).Assembly.Location, "--filter", Sample })
        {
            info.ArgumentList.Add(argument);
        }
        // Deliberately not the suite's clean environment: this process plays the caller's shell.
        foreach (var (name, value) in Hostile)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await stdout).Append(await stderr);

        process.ExitCode.Should().Be(0, output.ToString());
        output.ToString().Should().MatchRegex(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+([6-9]|\d\d+),");
    }
}
