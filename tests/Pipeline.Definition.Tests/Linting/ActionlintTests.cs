using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Definition.Tests.Support;

namespace Pipeline.Definition.Tests.Linting;

[Trait("Requires", "linters")]
public sealed class ActionlintTests
{
    [Fact]
    public void Generated_workflow_has_no_actionlint_findings()
    {
        using var workflow = GeneratedWorkflow.WriteToTemp();

        var run = Linters.Actionlint(workflow.Path);

        run.ExitCode.Should().Be(0, $"actionlint must accept the generated workflow:\n{run.Everything}");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public void Actionlint_reports_an_unknown_key_and_a_need_on_a_missing_job()
    {
        using var workflow = new TempFile("broken.yml", Text.Lines(
            "on: push",
            "jobs:",
            "  build:",
            "    runs-on: ubuntu-latest",
            "    needs: [compile]",
            "    timeout: 5",
            "    steps:",
            "      - run: echo hello"));

        var run = Linters.Actionlint(workflow.Path);

        run.ExitCode.Should().Be(1, run.Everything);
        run.Output.Should().Contain($"{workflow.Path}:3:3: job \"build\" needs job \"compile\"").And.Contain("[job-needs]");
        run.Output.Should().Contain($"{workflow.Path}:6:5: unexpected key \"timeout\"").And.Contain("[syntax-check]");
    }

    [Fact]
    public void Actionlint_reports_an_untrusted_expression_inside_a_run_script()
    {
        using var workflow = new TempFile("injection.yml", Text.Lines(
            "on: pull_request",
            "jobs:",
            "  greet:",
            "    runs-on: ubuntu-latest",
            "    steps:",
            "      - run: echo \"${{ github.event.pull_request.title }}\""));

        var run = Linters.Actionlint(workflow.Path);

        run.ExitCode.Should().Be(1, run.Everything);
        run.Output.Should().Contain("potentially untrusted").And.Contain("[expression]");
    }

    [Fact]
    public void Actionlint_script_fails_on_a_missing_file_instead_of_passing()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-workflow-{Guid.NewGuid():N}.yml");

        var run = Linters.Actionlint(missing);

        run.ExitCode.Should().Be(2, run.Everything);
        run.Errors.Should().Contain($"cannot read '{missing}'");
    }
}
