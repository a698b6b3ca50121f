using Build.Tests.Tools.Support;
using Build.Tools;
using Build.Tools.Python;

namespace Build.Tests.Tools.Python;

public sealed class PipAuditRunnerTests
{
    [Fact]
    public void PipAudit_JsonReport_UsesTheImportableModuleName()
    {
        using var fixture = new ToolFixture();

        fixture.Context.PipAudit(new PipAuditSettings
        {
            PythonPath = fixture.Python,
            RequirementFiles = ["/src/requirements.txt"],
            OutputFile = "/out/pip-audit.json",
        });

        fixture.Runner.Single.Arguments.Should().Be("-m pip_audit -r /src/requirements.txt --format json -o /out/pip-audit.json");
    }

    [Fact]
    public void PipAudit_WithoutRequirementFiles_ThrowsNamingTheSetting()
    {
        using var fixture = new ToolFixture();

        var act = () => fixture.Context.PipAudit(new PipAuditSettings { PythonPath = fixture.Python });

        act.Should().Throw<ArgumentException>().WithMessage("PipAuditSettings.RequirementFiles is empty*");
    }
}
