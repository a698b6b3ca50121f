namespace Build.Tools.Python;

/// <summary>
/// Settings of a tool run as <c>&lt;python&gt; -m &lt;module&gt;</c>: each tool's settings say which module and how its
/// properties become arguments; <see cref="PythonModuleRunner{TSettings}"/> runs them all. Linters and scanners: they do
/// not throw by default.
/// </summary>
public abstract class PythonModuleSettings : CheckedToolSettings
{
    protected PythonModuleSettings()
    {
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
    public abstract string Module { get; }

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
public sealed class PythonModuleRunner<TSettings>(ICakeContext context, ToolSpec<TSettings> spec) : CheckedTool<TSettings>(context, spec)
    where TSettings : PythonModuleSettings, new()
{
    private readonly string _module = new TSettings().Module;

    protected override string GetToolName() => $"python -m {_module}";

    public override bool IsAvailable(TSettings settings) =>
        GetToolPath(settings) is { } python && Context.FileSystem.Exist(python)
        && PythonImports.Missing(ProcessRunner, python, settings.ExtraModules.Prepend(_module), GetEnvironmentVariables(settings)) is [];

    public ToolResult Run(TSettings settings) => Execute(settings, settings.AppendArguments(Command("-m", _module), Environment));
}
