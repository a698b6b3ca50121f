using Build.Tests.Tools.Support;
using Build.Tools;
using Build.Tools.Docker;
using Build.Tools.Helm;
using Build.Tools.Python;
using Build.Tools.Trivy;

namespace Build.Tests.Tools;

public sealed class ToolPreflightTests
{
    [Fact]
    public void Ensure_WithSeveralMissingTools_ThrowsOnceListingEveryToolWithItsHint()
    {
        using var fixture = new ToolFixture("docker");

        var act = () => ToolPreflight.Ensure(fixture.Context, DockerSettings.Spec.Requirement(), HelmSettings.Spec.Requirement(), TrivySettings.Spec.Requirement());

        var error = act.Should().Throw<MissingToolsException>().Which;
        error.Message.Should().Be(
            $"Missing tool 'helm': {HelmSettings.Spec.InstallHint}\n" +
            $"Missing tool 'trivy': {TrivySettings.Spec.InstallHint}");
        error.Missing.Select(tool => tool.Name).Should().Equal("helm", "trivy");
    }

    [Fact]
    public void Ensure_WhenEveryToolIsPresent_PassesByFindingThemAndStartsNoToolProcess()
    {
        using var fixture = new ToolFixture("docker", "helm", "trivy");
        var ensure = () => ToolPreflight.Ensure(fixture.Context, DockerSettings.Spec.Requirement(), HelmSettings.Spec.Requirement(), TrivySettings.Spec.Requirement());

        ensure.Should().NotThrow();
        fixture.Runner.Calls.Should().BeEmpty();

        // The pass came from finding the files: the same check fails once one of them is gone.
        File.Delete(Path.Combine(fixture.Bin, "helm"));
        ensure.Should().Throw<MissingToolsException>().Which.Missing.Select(tool => tool.Name).Should().Equal("helm");
    }

    [Fact]
    public void Ensure_WithAPythonModuleTheInterpreterCannotImport_ReportsThatModuleAsMissing()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.When(call => call.Arguments.EndsWith(" pytest_cov", StringComparison.Ordinal), new ProcessReply(ExitCode: 1));
        var settings = new PytestSettings { PythonPath = fixture.Python, CoveragePackages = ["app"] };

        var act = () => ToolPreflight.Ensure(fixture.Context, PytestSettings.Spec.Requirement(settings));

        act.Should().Throw<MissingToolsException>().WithMessage($"Missing tool 'pytest': {PytestSettings.Spec.InstallHint}");
    }
}
