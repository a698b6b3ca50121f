using Build.Tests.Support;
using Build.Tools.Npm;
using Pipeline.Definition;

namespace Build.Tests.Tools.Npm;

/// <summary>The frontend stages run on the definition's Node from .tools/node (scripts/setup-machine.sh installs it).</summary>
[Trait("Requires", "node")]
public sealed class NodeRuntimeTests
{
    private const string CleanAudit = """{"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {"vulnerabilities": {"critical": 0, "total": 0}}}""";

    [Fact]
    public void SetupMachine_InstalledTheDefinitionsNodeIntoTools()
    {
        var node = Path.Combine(RepoPaths.Root, NodeRuntime.ToolsFolder, "node");

        File.Exists(node).Should().BeTrue("scripts/setup-machine.sh installs Node into .tools/node");
        NodeRuntime.Requirement(SovdPipeline.NodeVersion).Name.Should().Be($"node {SovdPipeline.NodeVersion}");
    }

    /// <summary>An older Node earlier on PATH (the machine's Node 20) loses to .tools/node; a stand-in npm before it still wins.</summary>
    [Fact]
    public async Task SecurityFrontend_OlderNodeFirstOnPath_RunsOnTheRepositorysNode()
    {
        var standIns = Directory.CreateTempSubdirectory("node-stand-ins-").FullName;
        var oldNode = Directory.CreateTempSubdirectory("old-node-").FullName;
        var log = Path.Combine(standIns, "node-version.log");
        Script(Path.Combine(oldNode, "node"), "echo v20.20.2");
        Script(Path.Combine(standIns, "npm"), $"node --version > '{log}'\nprintf '%s' '{CleanAudit}'");
        try
        {
            var result = await HostRun.RunAsync(
                ["--target=Security-Frontend", "--exclusive"],
                new Dictionary<string, string?> { ["PATH"] = $"{standIns}:{oldNode}:{Environment.GetEnvironmentVariable("PATH")}" });

            result.ExitCode.Should().Be(0, result.Output);
            File.ReadAllText(log).Should().StartWith($"v{SovdPipeline.NodeVersion}.");
        }
        finally
        {
            Directory.Delete(standIns, recursive: true);
            Directory.Delete(oldNode, recursive: true);
        }
    }

    private static void Script(string path, string body)
    {
        File.WriteAllText(path, $"#!/usr/bin/env bash\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
