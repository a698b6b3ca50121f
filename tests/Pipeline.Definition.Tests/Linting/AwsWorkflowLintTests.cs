using Pipeline.Definition.Generation;
using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Definition.Tests.Support;

namespace Pipeline.Definition.Tests.Linting;

/// <summary>The EKS/ECR variant of the workflow passes the same linters as the committed one.</summary>
[Trait("Requires", "linters")]
public sealed class AwsWorkflowLintTests
{
    private static readonly string Text = PipelineFiles.Render(AwsPipeline.Definition)
        .Single(f => f.Path == AwsPipeline.Definition.Settings.WorkflowFile).Content;

    [Fact]
    public void EksAndEcrWorkflow_Actionlint_NoFindings()
    {
        using var workflow = new TempFile("ci-cd.yml", Text);

        var run = Linters.Actionlint(workflow.Path);

        run.ExitCode.Should().Be(0, $"actionlint must accept the EKS/ECR workflow:\n{run.Everything}");
        run.Output.Should().BeEmpty();
        Text.Should().Contain("id-token: write").And.Contain("uses: aws-actions/configure-aws-credentials@");
    }

    [Fact]
    public void EksAndEcrWorkflow_EveryRunScript_PassesShellcheck()
    {
        var scripts = RunScripts.Extract(Text);

        var findings = scripts.Where(s => s.Dialect is not null)
            .Select(s => (Script: s, Run: Linters.ShellcheckScript(s.Script, s.Dialect!)))
            .Where(r => r.Run.ExitCode != 0 || r.Run.Output.Length > 0)
            .Select(r => $"{r.Script}: {r.Run.Everything}");

        scripts.Should().NotBeEmpty();
        findings.Should().BeEmpty();
    }
}
