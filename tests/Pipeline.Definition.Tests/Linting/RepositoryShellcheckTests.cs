using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Definition.Tests.Support;

namespace Pipeline.Definition.Tests.Linting;

[Trait("Requires", "linters")]
public sealed class RepositoryShellcheckTests
{
    [Fact]
    public void Every_shell_script_of_the_repository_passes_shellcheck()
    {
        var scripts = RepositoryScripts.Find();

        var run = Linters.ShellcheckFiles(scripts);

        run.ExitCode.Should().Be(0, $"shellcheck must accept {string.Join(", ", scripts)}:\n{run.Everything}");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public void Script_search_finds_entry_points_and_shebang_files_but_not_node_modules()
    {
        var scripts = RepositoryScripts.Find();

        scripts.Should().Contain(RepositoryScripts.EntryPoints).And.Contain("scripts/setup-machine.sh");
        scripts.Should().NotContain(path => path.Contains("node_modules/"));
        scripts.Should().OnlyContain(path => File.Exists(RepoRoot.File(path)));
    }

    [Fact]
    public void Shellcheck_reports_an_unquoted_variable_in_a_script_file()
    {
        using var script = new TempFile("copy.sh", Text.Lines(
            "#!/usr/bin/env bash",
            "target=\"/tmp/out dir\"",
            "cp build.log $target"));

        var run = Linters.ShellcheckFiles([script.Path]);

        run.ExitCode.Should().Be(1, run.Everything);
        run.Output.Should().Contain($"{script.Path}:3:").And.Contain("[SC2086]");
    }
}
