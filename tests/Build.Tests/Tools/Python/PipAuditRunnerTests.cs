using Build.Tests.Tools.Support;
using Build.Tools.PipAudit;

namespace Build.Tests.Tools.Python;

public sealed class PipAuditRunnerTests
{
    [Fact]
    public void PipAudit_StrictJsonWithDescriptions_UsesTheImportableModuleName()
    {
        using var fixture = new ToolFixture();

        fixture.Context.PipAudit(new PipAuditSettings
        {
            PythonPath = fixture.Python,
            RequirementFiles = ["/src/requirements.txt"],
            Format = PipAuditFormat.Json,
            OutputFile = "/out/pip-audit.json",
            Strict = true,
            Descriptions = true,
            IgnoredVulnerabilities = ["PYSEC-2023-1"],
        });

        fixture.Runner.Single.Arguments.Should().Be(
            "-m pip_audit -r /src/requirements.txt --format json -o /out/pip-audit.json --strict --desc on --ignore-vuln PYSEC-2023-1");
    }

    [Fact]
    public void PipAudit_WithoutRequirementFiles_ThrowsNamingTheSetting()
    {
        using var fixture = new ToolFixture();

        var act = () => fixture.Context.PipAudit(new PipAuditSettings { PythonPath = fixture.Python });

        act.Should().Throw<ArgumentException>().WithMessage("PipAuditSettings.RequirementFiles is empty*");
    }
}
