using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Definition.Tests.Support;

namespace Pipeline.Definition.Tests.Linting;

[Trait("Requires", "linters")]
public sealed class WorkflowShellcheckTests
{
    [Fact]
    public void Every_run_script_of_the_generated_workflow_passes_shellcheck()
    {
        var scripts = RunScripts.Extract(GeneratedWorkflow.Text);
        scripts.Should().NotBeEmpty("the generated workflow runs its stages through run: steps");
        scripts.Where(s => s.Dialect is null).Should().BeEmpty("every generated run: step uses bash or sh");

        var findings = scripts.SelectMany(Findings).ToList();

        findings.Should().BeEmpty();
    }

    [Fact]
    public void Shellcheck_reports_an_unquoted_variable_in_a_run_script()
    {
        var scripts = RunScripts.Extract(Text.Lines(
            "on: push",
            "jobs:",
            "  copy:",
            "    runs-on: ubuntu-latest",
            "    steps:",
            "      - name: Copy",
            "        run: |",
            "          target=\"${{ runner.temp }}/out dir\"",
            "          cp build.log $target"));

        var finding = scripts.Should().ContainSingle().Subject;
        Findings(finding).Should().ContainSingle().Which.Should().Contain("SC2086");
    }

    [Fact]
    public void Expressions_become_placeholder_text_before_shellcheck_reads_the_script()
    {
        var script = RunScripts.Extract(Text.Lines(
            "on: push",
            "jobs:",
            "  tag:",
            "    runs-on: ubuntu-latest",
            "    steps:",
            "      - run: echo \"${{ github.sha }}\" ${{ format('{0}', github.ref) }}")).Single();

        script.Script.Should().Be($"echo \"{RunScripts.Placeholder}\" {RunScripts.Placeholder}");
        Findings(script).Should().BeEmpty();
    }

    [Fact]
    public void Step_shell_overrides_job_defaults_which_override_workflow_defaults()
    {
        var scripts = RunScripts.Extract(Text.Lines(
            "on: push",
            "defaults:",
            "  run:",
            "    shell: sh",
            "jobs:",
            "  plain:",
            "    runs-on: ubuntu-latest",
            "    steps:",
            "      - run: '[[ -f x ]] && echo x'",
            "  bashy:",
            "    runs-on: ubuntu-latest",
            "    defaults:",
            "      run:",
            "        shell: bash",
            "    steps:",
            "      - run: '[[ -f x ]] && echo x'",
            "      - run: Write-Output x",
            "        shell: pwsh"));

        scripts.Select(s => (s.Job, s.Shell, s.Dialect)).Should().Equal(
            ("plain", "sh", "sh"), ("bashy", "bash", "bash"), ("bashy", "pwsh", (string?)null));
        Findings(scripts[0]).Should().ContainSingle().Which.Should().Contain("SC3010", "[[ ]] is not POSIX sh");
        Findings(scripts[1]).Should().BeEmpty();
    }

    private static IEnumerable<string> Findings(RunScript script)
    {
        if (script.Dialect is null)
        {
            return [];
        }

        var run = Linters.ShellcheckScript(script.Script, script.Dialect);
        if (run.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"shellcheck could not check {script}: {run.Everything}");
        }

        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => $"{script}: {line}");
    }
}
