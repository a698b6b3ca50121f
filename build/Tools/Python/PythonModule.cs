using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Python;

/// <summary>The Python module tools; linters and scanners return their exit code without throwing unless asked.</summary>
[CakeAliasCategory("Python")]
public static class PythonAliases
{
    /// <summary><c>python -m bandit -r &lt;paths&gt; -f json -o &lt;file&gt;</c>; exit code 1 means issues.</summary>
    [CakeMethodAlias]
    public static ToolResult Bandit(this ICakeContext context, BanditSettings settings) => Run(context, settings, BanditSettings.Spec);

    /// <summary><c>python -m black --check --diff &lt;paths&gt;</c>; exit code 1 means files would be reformatted.</summary>
    [CakeMethodAlias]
    public static ToolResult Black(this ICakeContext context, BlackSettings settings) => Run(context, settings, BlackSettings.Spec);

    /// <summary><c>python -m mypy &lt;paths&gt;</c>; exit code 1 means type errors.</summary>
    [CakeMethodAlias]
    public static ToolResult Mypy(this ICakeContext context, MypySettings settings) => Run(context, settings, MypySettings.Spec);

    /// <summary><c>python -m pip_audit -r &lt;file&gt;…</c>; exit code 1 means vulnerabilities or an audit failure.</summary>
    [CakeMethodAlias]
    public static ToolResult PipAudit(this ICakeContext context, PipAuditSettings settings) => Run(context, settings, PipAuditSettings.Spec);

    /// <summary><c>python -m pytest</c>; exit code 1 means failed tests, 5 none collected.</summary>
    [CakeMethodAlias]
    public static ToolResult Pytest(this ICakeContext context, PytestSettings settings) => Run(context, settings, PytestSettings.Spec);

    /// <summary><c>python -m ruff check [--output-format=github] &lt;paths&gt;</c>; exit code 1 means findings.</summary>
    [CakeMethodAlias]
    public static ToolResult RuffCheck(this ICakeContext context, RuffSettings settings) => Run(context, settings, RuffSettings.Spec);

    private static ToolResult Run<TSettings>(ICakeContext context, TSettings settings, ToolSpec<TSettings> spec)
        where TSettings : PythonModuleSettings, new() =>
        spec.For(context).Run(settings, settings.AppendArguments(Command("-m", settings.Module), context.Environment));
}

/// <summary>
/// Settings of a tool run as <c>&lt;python&gt; -m &lt;module&gt;</c>: each tool's settings say which module and how its
/// properties become arguments. Linters and scanners: they do not throw by default.
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

    /// <summary>The arguments after <c>-m &lt;module&gt;</c>; throws on settings the tool cannot run with.</summary>
    public abstract ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment);

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
