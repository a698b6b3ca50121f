using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Python;

/// <summary>The Python module tools; linters and scanners return their exit code without throwing unless asked.</summary>
[CakeAliasCategory("Python")]
public static class PythonAliases
{
    /// <summary>
    /// <c>python -m bandit -r &lt;paths&gt; -f screen|json [-o &lt;file&gt;] -q</c>; exit code 1 means issues. Bandit writes one
    /// format per run: the screen report for the log, or with an output file the JSON a stage reads.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult Bandit(this ICakeContext context, BanditSettings settings) => Run(context, settings, BanditSettings.Spec, arguments => arguments
        .AppendValue("-r")
        .AppendValues(Require.Paths(settings.Paths, "BanditSettings.Paths", "the directories to scan (e.g. [\"app\"])"))
        .AppendOption("-f", settings.OutputFile is null ? "screen" : "json")
        .AppendPathOption("-o", settings.OutputFile, context.Environment)
        .Append("-q"));

    /// <summary><c>python -m black --check --diff &lt;paths&gt;</c>: reports, never rewrites; exit code 1 means files would be reformatted.</summary>
    [CakeMethodAlias]
    public static ToolResult Black(this ICakeContext context, BlackSettings settings) => Run(context, settings, BlackSettings.Spec, arguments => arguments
        .AppendValues(["--check", "--diff"])
        .AppendValues(Require.Paths(settings.Paths, "BlackSettings.Paths", "the directories to check (e.g. [\"app\", \"tests\"])")));

    /// <summary><c>python -m mypy &lt;paths&gt;</c>; exit code 1 means type errors. Strictness and plugins come from pyproject.toml in the working directory.</summary>
    [CakeMethodAlias]
    public static ToolResult Mypy(this ICakeContext context, MypySettings settings) => Run(context, settings, MypySettings.Spec, arguments =>
        arguments.AppendValues(Require.Paths(settings.Paths, "MypySettings.Paths", "the packages or directories to check (e.g. [\"app\"])")));

    /// <summary><c>python -m pip_audit -r &lt;file&gt;… [--format json -o &lt;file&gt;]</c>; exit code 1 means vulnerabilities or an audit failure.</summary>
    [CakeMethodAlias]
    public static ToolResult PipAudit(this ICakeContext context, PipAuditSettings settings) => Run(context, settings, PipAuditSettings.Spec, arguments =>
    {
        if (settings.RequirementFiles.Count == 0)
        {
            throw new ArgumentException("PipAuditSettings.RequirementFiles is empty: name the requirements file(s) to audit.", nameof(settings));
        }
        return arguments.AppendOptions("-r", settings.RequirementFiles.Select(file => AbsolutePath(file, context.Environment)))
            .AppendValues(settings.OutputFile is null ? [] : ["--format", "json"])
            .AppendPathOption("-o", settings.OutputFile, context.Environment);
    });

    /// <summary>
    /// <c>python -m pytest -p no:cacheprovider</c> (no <c>.pytest_cache</c> written into the source tree), with pytest-cov
    /// when coverage is asked for; exit code 1 means failed tests, 5 none collected.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult Pytest(this ICakeContext context, PytestSettings settings) => Run(context, settings, PytestSettings.Spec, arguments =>
    {
        arguments.Append("-p");
        arguments.Append("no:cacheprovider");
        arguments.AppendOptions("--cov", settings.CoveragePackages, "=");
        if (settings.CoverageXmlReport is { } xml)
        {
            arguments.AppendValue($"--cov-report=xml:{AbsolutePath(xml, context.Environment)}");
        }
        return arguments.AppendFlag("--cov-report=term", settings.CoverageTerminalReport)
            .AppendOptionIfSet("--cov-fail-under", settings.CoverageFailUnder?.ToString(CultureInfo.InvariantCulture), "=")
            .AppendPathOption("--junitxml", settings.JUnitXml, context.Environment, "=")
            .AppendValues(settings.TestPaths);
    });

    /// <summary><c>python -m ruff check [--output-format=github] &lt;paths&gt;</c>; exit code 1 means findings.</summary>
    [CakeMethodAlias]
    public static ToolResult RuffCheck(this ICakeContext context, RuffSettings settings) => Run(context, settings, RuffSettings.Spec, arguments => arguments
        .AppendValue("check")
        .AppendFlag("--output-format=github", settings.GitHubAnnotations)
        .AppendValues(Require.Paths(settings.Paths, "RuffSettings.Paths", "the directories to check (e.g. [\"app\", \"tests\"])")));

    private static ToolResult Run<TSettings>(ICakeContext context, TSettings settings, ToolSpec<TSettings> spec, Func<ProcessArgumentBuilder, ProcessArgumentBuilder> append)
        where TSettings : PythonModuleSettings, new() =>
        spec.For(context).Run(settings, append(Command("-m", settings.Module)));
}

/// <summary>
/// Settings of a tool run as <c>&lt;python&gt; -m &lt;module&gt;</c>: each tool's settings say which module. Linters and
/// scanners: they do not throw by default.
/// </summary>
public abstract class PythonModuleSettings : ToolRunnerSettings
{
    protected PythonModuleSettings(string module)
    {
        Module = module;
        ThrowOnNonZeroExit = false;
    }

    /// <summary>
    /// The interpreter that has the module installed (on GitHub the job's python; on a Debian machine <c>/usr/bin/python3</c>).
    /// Unset: the first <c>python3</c>/<c>python</c> on PATH. Same value as <see cref="Cake.Core.Tooling.ToolSettings.ToolPath"/>.
    /// </summary>
    public FilePath? PythonPath
    {
        get => ToolPath;
        init => ToolPath = value;
    }

    /// <summary>Files, directories or packages the tool works on, relative to the working directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The importable module name (<c>pip_audit</c>, not <c>pip-audit</c>).</summary>
    public string Module { get; }

    /// <summary>Modules the run needs besides <see cref="Module"/> (pytest-cov's <c>pytest_cov</c> when coverage is asked for).</summary>
    public virtual IEnumerable<string> ExtraModules => [];

    /// <summary>The spec of a Python module tool: found through the interpreter, present when it can import the modules.</summary>
    protected static ToolSpec<TSettings> SpecFor<TSettings>(string name, string installHint)
        where TSettings : PythonModuleSettings, new()
    {
        ToolSpec<TSettings>? spec = null;
        spec = new(name, installHint, PythonImports.Interpreters, context => new PythonModuleRunner<TSettings>(context, spec!));
        return spec;
    }
}

/// <summary>Runs <c>&lt;python&gt; -m &lt;module&gt; …</c>; available only when the interpreter can import the modules.</summary>
public sealed class PythonModuleRunner<TSettings>(ICakeContext context, ToolSpec<TSettings> spec) : ToolRunner<TSettings>(context, spec)
    where TSettings : PythonModuleSettings, new()
{
    private readonly string _module = new TSettings().Module;

    protected override string GetToolName() => $"python -m {_module}";

    public override bool IsAvailable(TSettings settings) =>
        GetToolPath(settings) is { } python && Context.FileSystem.Exist(python)
        && PythonImports.Missing(ProcessRunner, python, settings.ExtraModules.Prepend(_module), GetEnvironmentVariables(settings)) is [];
}
