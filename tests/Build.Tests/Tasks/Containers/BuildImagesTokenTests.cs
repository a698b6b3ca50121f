using Build.Tests.Support;

namespace Build.Tests.Tasks.Containers;

/// <summary>
/// The registry token in Build-Images: the job's step hands GITHUB_TOKEN to the host, and the host keeps it from every
/// child process but <c>docker login</c>, so no npm script (the bundle's, or any dependency's install script) can read
/// it from its environment.
/// </summary>
[Trait("Requires", "docker")]
public sealed class BuildImagesTokenTests : IDisposable
{
    private const string Token = "ghs_ReadTokenNoNpmScriptMaySee42";

    private readonly AppCopy _app = AppCopy.Of();
    private readonly string _scratch = Directory.CreateTempSubdirectory("build-images-token-").FullName;

    [Fact]
    public async Task BuildImages_InGitHubActionsWithAToken_StandInBuildScriptUnderNpmSeesNoToken()
    {
        var seen = Path.Combine(_scratch, "npm-script-environment.txt");
        // The stand-in: the frontend's build script, run by the real npm, writes its whole environment and fails, so
        // the host stops before any image build.
        _app.Replace("frontend/package.json", "\"build\": \"tsc --noEmit && vite build\"",
            $"\"build\": \"env > '{seen}'; exit 3\"");

        var run = await HostRun.RunAsync(
        [
            "--target=Build-Images", "--exclusive", _app.AppRootArgument, "--registry=127.0.0.1:5000",
            "--owner=acme", "--sha=0123456789abcdef0123456789abcdef01234567", "--created=2026-12-07T06:00:00Z",
            $"--images-archive={Path.Combine(_scratch, "images.tar")}",
        ], new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_TOKEN"] = Token,
            ["GITHUB_ACTOR"] = "ci-bot",
            ["DOCKER_CONFIG"] = _scratch,
        }, TimeSpan.FromMinutes(5));

        run.ExitCode.Should().NotBe(0, "the stand-in build script fails on purpose");
        File.Exists(seen).Should().BeTrue(run.Output);
        var environment = await File.ReadAllTextAsync(seen);
        environment.Should().Contain("npm_lifecycle_event=build", "npm ran the script")
            .And.NotContain("GITHUB_TOKEN").And.NotContain(Token);
        run.Output.Should().NotContain(Token);
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
