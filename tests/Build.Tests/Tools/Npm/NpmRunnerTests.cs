using Build.Tests.Tools.Support;
using Build.Tools.Npm;

namespace Build.Tests.Tools.Npm;

public sealed class NpmRunnerTests
{
    private static readonly string[] RegistryError =
    [
        "{",
        "  \"message\": \"405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk\",",
        "  \"statusCode\": 405,",
        "  \"error\": { \"summary\": \"\", \"detail\": \"\" }",
        "}",
    ];

    [Fact]
    public void NpmCi_RendersTheCiFlags()
    {
        using var fixture = new ToolFixture();

        fixture.Context.NpmCi(new NpmSettings { WorkingDirectory = "/src/frontend" });

        var call = fixture.Runner.Single;
        call.Arguments.Should().Be("ci --no-audit --no-fund --prefer-offline");
        call.Settings.WorkingDirectory.FullPath.Should().Be("/src/frontend");
    }

    [Fact]
    public void NpmRun_PassesScriptArgumentsAfterDoubleDash()
    {
        using var fixture = new ToolFixture();

        fixture.Context.NpmRun(new NpmRunSettings { Script = "build", Arguments = ["--mode", "production"] });

        fixture.Runner.Single.Arguments.Should().Be("run build -- --mode production");
    }

    [Fact]
    public void NpmAudit_OmitDev_AuditsOnlyTheShippedDependencies()
    {
        using var fixture = new ToolFixture();

        fixture.Context.NpmAudit(NpmAuditLevel.Critical, new NpmSettings(), omitDev: true);

        fixture.Runner.Single.Arguments.Should().Be("audit --audit-level=critical --omit=dev --json");
    }

    [Fact]
    public void NpmAudit_WhenTheRegistryAnswersWithAnErrorBody_IsAuditUnavailable_NotAPass()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("audit", new ProcessReply(ExitCode: 1, Output: RegistryError));

        var audit = fixture.Context.NpmAudit(NpmAuditLevel.Critical, new NpmSettings());

        fixture.Runner.Single.Arguments.Should().Be("audit --audit-level=critical --json");
        audit.Outcome.Should().Be(NpmAuditOutcome.AuditUnavailable);
        audit.Message.Should().Be("npm audit could not run: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk");
    }

    [Fact]
    public void NpmAudit_WithVulnerabilitiesAtTheLevel_ReportsTheCounts()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("audit", new ProcessReply(ExitCode: 1, Output:
            ["{\"auditReportVersion\":2,\"metadata\":{\"vulnerabilities\":{\"low\":0,\"high\":2,\"critical\":1,\"total\":3}}}"]));

        var audit = fixture.Context.NpmAudit(NpmAuditLevel.High, new NpmSettings());

        fixture.Runner.Single.Arguments.Should().Be("audit --audit-level=high --json");
        audit.Outcome.Should().Be(NpmAuditOutcome.VulnerabilitiesFound);
        audit.Vulnerabilities["critical"].Should().Be(1);
        audit.Message.Should().Be("npm audit found vulnerabilities: 2 high, 1 critical");
    }

    [Fact]
    public void NpmAudit_CleanReport_Passes()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("audit", new ProcessReply(Output: ["{\"metadata\":{\"vulnerabilities\":{\"total\":0}}}"]));

        fixture.Context.NpmAudit(NpmAuditLevel.High, new NpmSettings()).Passed.Should().BeTrue();
    }

    [Fact]
    public void NpmAudit_WithoutJson_IsFailed()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("audit", new ProcessReply(ExitCode: 1));

        fixture.Context.NpmAudit(NpmAuditLevel.High, new NpmSettings()).Outcome.Should().Be(NpmAuditOutcome.Failed);
    }

    [Fact]
    public void Npx_NeverInstallsMissingPackages()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Npx(new NpxSettings { Command = "playwright", Arguments = ["test", "--reporter=line"] });

        var call = fixture.Runner.Single;
        call.ToolName.Should().Be("npx");
        call.Arguments.Should().Be("--no-install playwright test --reporter=line");
    }
}
