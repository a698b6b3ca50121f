using Pipeline.Definition.Generation;
using Pipeline.Definition.Tests.Linting.Support;

namespace Pipeline.Definition.Tests.Renovate;

/// <summary>
/// A Renovate pull request, simulated offline on a copy of the repository: every dependency of the generated files and
/// of the definition gets a newer version (a made-up one; the runner: the newest of Renovate's github-runners list),
/// written by Renovate's own updater (tools/renovate/bump.mjs); then the copy's host is built from the edited
/// definition and Check-Workflow must find no drift. A control reverts one definition edit and must find drift.
/// </summary>
[Trait("Tier", "process")]
[Trait("Requires", "node")]
public sealed class RenovateBumpSimulationTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("renovate-bump-").FullName;

    [Fact]
    public void Bump_EveryDependencyAsRenovateWritesIt_CheckWorkflowFindsNoDriftButDoesWhenTheDefinitionLags()
    {
        CopyTrackedFiles();
        var extracted = RenovateRun.Extract(_copy);
        var definitionFiles = extracted.Select(dep => dep.PackageFile)
            .Where(file => file.StartsWith("src/", StringComparison.Ordinal));
        // The base images' digests (Dockerfiles): no generated file names them, so their bump leaves no drift either.
        var dockerfiles = extracted.Where(dep => dep.Manager == "dockerfile").Select(dep => dep.PackageFile);
        var files = PipelineFiles.Render(SovdPipeline.Definition).Select(file => file.Path)
            .Concat(definitionFiles).Concat(dockerfiles).Distinct().ToList();

        var changes = RenovateRun.Bump(_copy, files);
        var edited = Git("diff", "--name-only").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var check = CheckWorkflow();

        changes.Should().Contain("\"to\": \"26.04\"").And.Contain("\"depName\": \"node\"").And.Contain("\"depName\": \"codecov-cli\"");
        edited.Should().Contain([SovdPipeline.Settings.WorkflowFile, "src/Pipeline.Definition/SovdPipeline.cs",
            "scripts/deploy-tools.env", "samples/sovd-webapp/backend/Dockerfile.prod"]);
        check.ExitCode.Should().Be(0, "every bump reached the definition:\n{0}", check.Output);

        Git("checkout", "--", "src/Pipeline.Definition/SovdPipeline.cs");
        var lagging = CheckWorkflow();
        lagging.ExitCode.Should().NotBe(0);
        lagging.Output.Should().Contain(SovdPipeline.Settings.WorkflowFile);
    }

    private (int ExitCode, string StandardOutput, string Output) CheckWorkflow() =>
        RenovateRun.TryRun("/bin/bash", [Path.Combine(_copy, "build.sh"), "--target=Check-Workflow"], _copy, TimeSpan.FromMinutes(8));

    private void CopyTrackedFiles()
    {
        foreach (var file in RenovateRun.Run("/usr/bin/git", ["ls-files", "--cached", "--others", "--exclude-standard"], RepoRoot.Path)
                     .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(file => File.Exists(RepoRoot.File(file))))
        {
            var target = Path.Combine(_copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepoRoot.File(file), target);
        }
        // Check-Workflow renders the chart with the pinned helm (the RBAC manifest); it is set up into .tools, which
        // git does not track.
        var tools = RepoRoot.File(".tools");
        if (Directory.Exists(tools))
        {
            Directory.CreateSymbolicLink(Path.Combine(_copy, ".tools"), tools);
        }
        Git("init", "-q");
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "before the bump");
    }

    private string Git(params string[] arguments) => RenovateRun.Run("/usr/bin/git", arguments, _copy);

    public void Dispose() => Directory.Delete(_copy, recursive: true);
}
