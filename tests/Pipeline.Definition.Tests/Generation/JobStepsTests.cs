using Pipeline.Definition.Generation;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Support;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Generation;

public class JobStepsTests
{
    private static readonly PipelineSettings InSubfolder = Fixtures.Settings with { AppRoot = "app" };

    [Fact]
    public void For_StageWithEverything_StepsRunInOrder()
    {
        var input = new Artifact("input", ".artifacts/in");
        var stage = Fixtures.NewStage("Scan") with
        {
            Toolchains = [Toolchain.Python("3.12", "requirements.txt")],
            Downloads = [input],
            Uploads = [new Artifact("report", ".artifacts/report")],
            CodeScanningReport = new Artifact("report", ".artifacts/report"),
        };

        JobSteps.For(stage, InSubfolder).Select(s => s.Name).Should().Equal(
            "Check out", "Set up .NET", "Restore the build host", "Restore NuGet packages", "Set up Python", "Install Python requirements",
            "Download input", "Run Scan", "Upload report", "Upload SARIF to code scanning", "Warn when code scanning refused the SARIF");
    }

    [Fact]
    public void For_NonReleasingStage_RestoresTheBuildHostKeyedOnTheResolvedSdkAndEveryInputOfIt()
    {
        var host = JobSteps.For(Fixtures.NewStage("Lint"), InSubfolder).OfType<ActionStep>().Single(s => s.Name == "Restore the build host");

        host.Uses.Should().Be(Actions.CacheRestore);
        host.With["path"].Should().Be(".build/host");
        host.With["key"].Should().Contain("${{ steps.dotnet.outputs.dotnet-version }}")
            .And.Contain("hashFiles('global.json', '*.props', 'build/**', 'src/**')");
    }

    [Fact]
    public void For_StageThatDoesNotOwnTheHostCache_OnlyRestoresIt()
    {
        var steps = JobSteps.For(Fixtures.NewStage("Lint"), InSubfolder).OfType<ActionStep>().ToList();

        steps.Should().NotContain(s => s.Uses == Actions.CacheSave || s.Uses == Actions.Cache);
        steps.Single(s => s.Name == "Restore NuGet packages").If.Should().Be("steps.host-cache.outputs.cache-hit != 'true'",
            "a restored host needs no packages");
    }

    [Fact]
    public void For_HostCacheOwner_SavesWhatItFilledUnderTheRestoredKeyAfterItsTask()
    {
        var steps = JobSteps.For(Fixtures.NewStage("Check") with { SavesHostCache = true }, InSubfolder).ToList();

        var names = steps.Select(s => s.Name).ToList();
        names.IndexOf("Save the build host").Should().BeGreaterThan(names.IndexOf("Run Check"));
        var host = Action(steps, Actions.CacheSave, "Save the build host");
        host.If.Should().Be("steps.host-cache.outputs.cache-hit != 'true'");
        host.With["key"].Should().Be("${{ steps.host-cache.outputs.cache-primary-key }}");
        var nuget = Action(steps, Actions.CacheSave, "Save NuGet packages");
        nuget.If.Should().Be("steps.host-cache.outputs.cache-hit != 'true' && steps.nuget-cache.outputs.cache-hit != 'true'");
        nuget.With["key"].Should().Be("${{ steps.nuget-cache.outputs.cache-primary-key }}");
    }

    [Fact]
    public void For_SolutionRestore_HasItsOwnNuGetKeyAndSavesIt()
    {
        var steps = JobSteps.For(Fixtures.NewStage("Test") with { Restores = NuGetRestore.Solution }, InSubfolder).ToList();

        var restore = Action(steps, Actions.CacheRestore, "Restore NuGet packages");
        restore.If.Should().BeNull("the tests need the packages even when the host is cached");
        restore.With["key"].Should().StartWith("nuget-solution-").And.Contain("'**/*.csproj'");
        Action(steps, Actions.CacheSave, "Save NuGet packages").If.Should().Be("steps.nuget-cache.outputs.cache-hit != 'true'");
        steps.Should().NotContain(s => s.Name == "Save the build host");
        Action(JobSteps.For(Fixtures.NewStage("Lint"), InSubfolder), Actions.CacheRestore, "Restore NuGet packages").With["key"]
            .Should().StartWith("nuget-host-").And.NotContain("'**/*.csproj'");
    }

    [Fact]
    public void For_NodeWithoutLockFiles_NeitherRestoresNorSavesNpmsCache()
    {
        var stage = Fixtures.NewStage("Audit") with { Toolchains = [Toolchain.Node("24")] };

        Action(JobSteps.For(stage, InSubfolder), Actions.SetupNode).With.Should().Equal(new Dictionary<string, string>
        {
            ["node-version"] = "24",
            ["package-manager-cache"] = "false",
        });
    }

    [Fact]
    public void For_PythonWithoutRequirementFiles_SetsUpTheInterpreterAloneWithoutPipOrItsCache()
    {
        var stage = Fixtures.NewStage("Test") with { Toolchains = [Toolchain.Python("3.13")] };

        var steps = JobSteps.For(stage, InSubfolder).ToList();

        steps.Select(s => s.Name).Should().Contain("Set up Python").And.NotContain("Install Python requirements");
        Action(steps, Actions.SetupPython).With.Should().Equal(new Dictionary<string, string> { ["python-version"] = "3.13" });
    }

    [Fact]
    public void For_Toolchains_CachesKeyedOnLockFilesInTheAppRoot()
    {
        var stage = Fixtures.NewStage("Test") with
        {
            Toolchains = [Toolchain.Python("3.10", "a.txt", "b.txt"), Toolchain.Node("20", "web/package-lock.json")],
        };

        var steps = JobSteps.For(stage, InSubfolder).ToList();

        Action(steps, Actions.SetupPython).With.Should().Equal(new Dictionary<string, string>
        {
            ["cache"] = "pip",
            ["cache-dependency-path"] = "app/a.txt\napp/b.txt",
            ["python-version"] = "3.10",
        });
        steps.OfType<RunStep>().Single(s => s.Name == "Install Python requirements").Run
            .Should().Be("python -m pip install --disable-pip-version-check \\\n  -r app/a.txt \\\n  -r app/b.txt\n");
        Action(steps, Actions.SetupNode).With.Should().Equal(new Dictionary<string, string>
        {
            ["cache"] = "npm",
            ["cache-dependency-path"] = "app/web/package-lock.json",
            ["node-version"] = "20",
        });
    }

    [Fact]
    public void For_ReleasingStage_SetsUpToolchainsWithoutAnyCache()
    {
        var stage = Fixtures.NewStage("Publish") with
        {
            Permissions = Permissions.ReadContents.With(PermissionScope.Packages, PermissionAccess.Write),
            Toolchains = [Toolchain.Python("3.11", "r.txt"), Toolchain.Node("20", "package-lock.json"), Toolchain.Playwright("e2e")],
        };

        var actions = JobSteps.For(stage, InSubfolder).OfType<ActionStep>().ToList();

        actions.Should().NotContain(s => s.Uses.Repository.StartsWith("actions/cache") || s.With.ContainsKey("cache") || s.With.ContainsKey("cache-dependency-path"));
        actions.Select(s => s.Uses).Should().Contain([Actions.SetupPython, Actions.SetupNode]);
    }

    [Fact]
    public void For_Playwright_CachesBrowsersAndInstallsInTheProjectFolder()
    {
        var stage = Fixtures.NewStage("Test-E2E") with { Toolchains = [Toolchain.Playwright("e2e")] };

        var steps = JobSteps.For(stage, InSubfolder).ToList();

        Action(steps, Actions.Cache, "Cache Playwright browsers").With.Should().Equal(new Dictionary<string, string>
        {
            ["key"] = "playwright-${{ runner.os }}-${{ hashFiles('app/e2e/package-lock.json') }}",
            ["path"] = "~/.cache/ms-playwright",
        });
        var install = steps.OfType<RunStep>().Single(s => s.Name == "Install Playwright and its browser");
        install.WorkingDirectory.Should().Be("app/e2e");
        install.Run.Should().Be("npm ci --no-audit --no-fund\nnpx playwright install --with-deps chromium\n");
    }

    [Fact]
    public void For_Kubernetes_RunsTheRepositoryInstallScriptAndPutsItsBinariesOnPath()
    {
        var stage = Fixtures.NewStage("Deploy") with { Toolchains = [Toolchain.Kubernetes(SovdPipeline.DeployTools)] };

        var install = JobSteps.For(stage, InSubfolder).OfType<RunStep>().Single(s => s.Name.StartsWith("Install helm", StringComparison.Ordinal));

        install.Name.Should().Be($"Install helm {SovdPipeline.DeployTools.Helm} and kubectl {SovdPipeline.DeployTools.Kubectl}");
        install.Run.Should().Be("bash scripts/install-helm.sh\necho \"$PWD/.tools/bin\" >> \"$GITHUB_PATH\"\n");
        install.WorkingDirectory.Should().BeNull("the script belongs to the pipeline's repository, not the app");
    }

    [Fact]
    public void For_ScriptToolchain_RunsTheRepositorysInstallStepBeforeTheTask()
    {
        var stage = Fixtures.NewStage("Test") with { Toolchains = [Toolchain.Script("helm", "bash scripts/install-helm.sh")] };

        var steps = JobSteps.For(stage, InSubfolder).ToList();

        var install = steps.OfType<RunStep>().Single(s => s.Name == "Install helm");
        install.Run.Should().Be("bash scripts/install-helm.sh");
        steps.IndexOf(install).Should().BeLessThan(steps.FindIndex(s => s.Name == "Run Test"));
    }

    [Fact]
    public void For_AppRootIsRepositoryRoot_PathsAreNotPrefixed()
    {
        var stage = Fixtures.NewStage("Lint") with { Toolchains = [Toolchain.Node("20", "package-lock.json")] };

        Action(JobSteps.For(stage, Fixtures.Settings), Actions.SetupNode).With["cache-dependency-path"]
            .Should().Be("package-lock.json");
    }

    [Fact]
    public void For_Upload_RetentionAndMissingFilesFollowTheArtifact()
    {
        var stage = Fixtures.NewStage("Build") with
        {
            Uploads = [new Artifact("images", ".artifacts/images", UploadWhen.OnSuccess) { RetentionDays = 1 }],
        };

        var upload = Action(JobSteps.For(stage, Fixtures.Settings), Actions.UploadArtifact);

        upload.If.Should().BeNull();
        upload.With.Should().Equal(new Dictionary<string, string>
        {
            ["if-no-files-found"] = "error",
            ["name"] = "images",
            ["path"] = ".artifacts/images",
            ["retention-days"] = "1",
        });
    }

    [Fact]
    public void For_UnknownToolchain_ThrowsNamingIt()
    {
        var setup = () => ToolchainSteps.For(new Rust(), ".", cache: true).ToList();

        setup.Should().Throw<ArgumentOutOfRangeException>().WithMessage("unknown toolchain*").Which.ActualValue.Should().Be("rust");
    }

    private static ActionStep Action(IEnumerable<Step> steps, ActionRef uses, string? name = null) =>
        steps.OfType<ActionStep>().Single(s => s.Uses == uses && (name is null || s.Name == name));

    private sealed record Rust() : Toolchain("rust")
    {
        public override System.Collections.Immutable.ImmutableArray<ToolUse> Provides => [new("rustc")];
    }
}
