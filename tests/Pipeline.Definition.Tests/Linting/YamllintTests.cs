using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Definition.Tests.Support;

namespace Pipeline.Definition.Tests.Linting;

[Trait("Requires", "linters")]
public sealed class YamllintTests
{
    [Fact]
    public void Generated_workflow_has_no_yamllint_findings()
    {
        using var workflow = GeneratedWorkflow.WriteToTemp();

        var run = Linters.Yamllint(workflow.Path);

        run.ExitCode.Should().Be(0, $"yamllint must accept the generated workflow:\n{run.Everything}");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public void Yamllint_reports_bad_indentation()
    {
        using var file = new TempFile("indent.yml", Text.Lines(
            "on: push",
            "jobs:",
            "  build:",
            "     runs-on: ubuntu-latest"));

        var run = Linters.Yamllint(file.Path);

        run.ExitCode.Should().Be(1, run.Everything);
        run.Output.Should().Contain($"{file.Path}:4:6: [error]").And.Contain("(indentation)");
    }

    [Fact]
    public void Yamllint_config_accepts_the_on_key_but_still_rejects_truthy_values()
    {
        using var file = new TempFile("truthy.yml", Text.Lines(
            "on: push",
            "env:",
            "  VERBOSE: yes"));

        var run = Linters.Yamllint(file.Path);

        // truthy is a warning; --strict turns warnings into a failing exit code (2).
        run.ExitCode.Should().Be(2, run.Everything);
        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith($"{file.Path}:3:12: [warning]").And.EndWith("(truthy)");
    }
}
