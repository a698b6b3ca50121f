using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Python;

/// <summary>
/// The Python module tools; linters and scanners return their exit code without throwing unless asked.
/// </summary>
[CakeAliasCategory("Python")]
public static class PythonAliases
{
    /// <summary>
    /// <c>python -m bandit -r &lt;paths&gt; -f screen|json [-o &lt;file&gt;] -q</c>; exit code 1 means issues. Bandit
    /// writes one format per run: the screen report for the log, or with an output file the JSON a stage reads.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult Bandit(this ICakeContext context, BanditSettings settings) =>
        BanditSettings.Spec.For(context).Run(settings, Module(settings)
        .AppendValue("-r")
        .AppendValues(Require.Paths(settings.Paths, "BanditSettings.Paths", "the directories to scan (e.g. [\"app\"])"))
        .AppendOption("-f", settings.OutputFile is null ? "screen" : "json")
        .AppendPathOption("-o", settings.OutputFile, context.Environment)
        .Append("-q"));

    /// <summary>
    /// <c>python -m black --check --diff &lt;paths&gt;</c>: reports, never rewrites; exit code 1 means files would be
    /// reformatted.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult Black(this ICakeContext context, BlackSettings settings) =>
        BlackSettings.Spec.For(context).Run(settings, Module(settings)
        .AppendValues(["--check", "--diff"])
        .AppendValues(
            Require.Paths(settings.Paths, "BlackSettings.Paths",
            "the directories to check (e.g. [\"app\", \"tests\"])")));

    /// <summary>
    /// <c>python -m mypy &lt;paths&gt;</c>; exit code 1 means type errors. Strictness and plugins come from
    /// pyproject.toml in the working directory.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult Mypy(this ICakeContext context, MypySettings settings) =>
        MypySettings.Spec.For(context).Run(settings, Module(settings)
        .AppendValues(
            Require.Paths(settings.Paths, "MypySettings.Paths",
            "the packages or directories to check (e.g. [\"app\"])")));

    /// <summary>
    /// <c>python -m pip_audit -r &lt;file&gt;… [--format json -o &lt;file&gt;]</c>; exit code 1 means vulnerabilities
    /// or an audit failure.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult PipAudit(this ICakeContext context, PipAuditSettings settings)
    {
        if (settings.RequirementFiles.Count == 0)
        {
            throw new ArgumentException(
                "PipAuditSettings.RequirementFiles is empty: name the requirements file(s) to audit.",
                nameof(settings));
        }
        return PipAuditSettings.Spec.For(context).Run(settings, Module(settings)
            .AppendOptions("-r", settings.RequirementFiles.Select(file => AbsolutePath(file, context.Environment)))
            .AppendValues(settings.OutputFile is null ? [] : ["--format", "json"])
            .AppendPathOption("-o", settings.OutputFile, context.Environment));
    }

    /// <summary>
    /// <c>python -m pytest -p no:cacheprovider</c> (no <c>.pytest_cache</c> written into the source tree), with
    /// pytest-cov when coverage is asked for; exit code 1 means failed tests, 5 none collected.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult Pytest(this ICakeContext context, PytestSettings settings)
    {
        var arguments =
            Module(settings).Append("-p").Append("no:cacheprovider").AppendOptions("--cov", settings.CoveragePackages,
            "=");
        if (settings.CoverageXmlReport is { } xml)
        {
            arguments.AppendValue($"--cov-report=xml:{AbsolutePath(xml, context.Environment)}");
        }
        return PytestSettings.Spec.For(context).Run(settings, arguments
            .AppendFlag("--cov-report=term", settings.CoverageTerminalReport)
            .AppendOptionIfSet("--cov-fail-under", settings.CoverageFailUnder?.ToString(CultureInfo.InvariantCulture),
                "=")
            .AppendPathOption("--junitxml", settings.JUnitXml, context.Environment, "=")
            .AppendValues(settings.TestPaths));
    }

    /// <summary>
    /// <c>python -m ruff check [--output-format=github] &lt;paths&gt;</c>; exit code 1 means findings.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult RuffCheck(this ICakeContext context, RuffSettings settings) =>
        RuffSettings.Spec.For(context).Run(settings, Module(settings)
        .AppendValue("check")
        .AppendFlag("--output-format=github", settings.GitHubAnnotations)
        .AppendValues(
            Require.Paths(settings.Paths, "RuffSettings.Paths",
            "the directories to check (e.g. [\"app\", \"tests\"])")));

    private static ProcessArgumentBuilder Module(PythonModuleSettings settings) => Command("-m", settings.Module);
}

/// <summary>
/// Runs <c>&lt;python&gt; -m &lt;module&gt; …</c>; available only when the interpreter can import the modules.
/// </summary>
public sealed class PythonModuleRunner<TSettings>(ICakeContext context,
    ToolSpec<TSettings> spec) : ToolRunner<TSettings>(context, spec)
    where TSettings : PythonModuleSettings, new()
{
    private readonly string _module = new TSettings().Module;

    protected override string GetToolName() => $"python -m {_module}";

    public override bool IsAvailable(TSettings settings) =>
        GetToolPath(settings) is { } python && Context.FileSystem.Exist(python)
        && PythonImports.Missing(ProcessRunner, python, settings.ExtraModules.Prepend(_module),
            GetEnvironmentVariables(settings)) is [];
}
