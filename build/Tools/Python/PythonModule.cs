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
public abstract class PythonModuleSettings : CheckedToolSettings
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

/// <summary><c>python -m bandit -r</c>. Bandit writes one format per run: run it twice for a JSON file and a screen report.</summary>
public sealed class BanditSettings() : PythonModuleSettings("bandit")
{
    public static readonly ToolSpec<BanditSettings> Spec = SpecFor<BanditSettings>(
        "bandit",
        "needs a Python with bandit: apt-get install -y bandit (or pip install bandit); set PythonPath to that interpreter");

    /// <summary><c>-f &lt;format&gt;</c>; unset keeps bandit's default (screen).</summary>
    public BanditFormat? Format { get; init; }

    public FilePath? OutputFile { get; init; }

    /// <summary><c>-q</c>: only the report, no progress lines.</summary>
    public bool Quiet { get; init; }

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment) => arguments
        .AppendValue("-r")
        .AppendValues(Require.Paths(Paths, "BanditSettings.Paths", "the directories to scan (e.g. [\"app\"])"))
        .AppendOptionIfSet("-f", Format?.ToWire())
        .AppendPathOption("-o", OutputFile, environment)
        .AppendFlag("-q", Quiet);
}

public enum BanditFormat
{
    /// <summary>Coloured human-readable report for the build log.</summary>
    [WireName("screen")] Screen,
    [WireName("json")] Json,
}

/// <summary><c>python -m black --check --diff</c>: reports, never rewrites.</summary>
public sealed class BlackSettings() : PythonModuleSettings("black")
{
    public static readonly ToolSpec<BlackSettings> Spec = SpecFor<BlackSettings>(
        "black",
        "needs a Python with black: apt-get install -y black (or pip install black); set PythonPath to that interpreter");

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment) => arguments
        .AppendValues(["--check", "--diff"])
        .AppendValues(Require.Paths(Paths, "BlackSettings.Paths", "the directories to check (e.g. [\"app\", \"tests\"])"));
}

/// <summary><c>python -m mypy</c>; strictness and plugins come from pyproject.toml in the working directory.</summary>
public sealed class MypySettings() : PythonModuleSettings("mypy")
{
    public static readonly ToolSpec<MypySettings> Spec = SpecFor<MypySettings>(
        "mypy",
        "needs a Python with mypy: apt-get install -y mypy (or pip install mypy); set PythonPath to that interpreter");

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment) =>
        arguments.AppendValues(Require.Paths(Paths, "MypySettings.Paths", "the packages or directories to check (e.g. [\"app\"])"));
}

/// <summary><c>python -m pip_audit</c> (exit 1 = vulnerabilities or an audit failure).</summary>
public sealed class PipAuditSettings() : PythonModuleSettings("pip_audit")
{
    public static readonly ToolSpec<PipAuditSettings> Spec = SpecFor<PipAuditSettings>(
        "pip-audit",
        "needs a Python with pip-audit: pip install pip-audit (PyPI only, and it queries an online vulnerability service); set PythonPath to that interpreter");

    public IReadOnlyList<FilePath> RequirementFiles { get; init; } = [];

    /// <summary><c>--format &lt;format&gt;</c>; unset keeps pip-audit's default (columns).</summary>
    public PipAuditFormat? Format { get; init; }

    public FilePath? OutputFile { get; init; }

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment)
    {
        if (RequirementFiles.Count == 0)
        {
            throw new ArgumentException("PipAuditSettings.RequirementFiles is empty: name the requirements file(s) to audit.", "settings");
        }
        return arguments.AppendOptions("-r", RequirementFiles.Select(file => AbsolutePath(file, environment)))
            .AppendOptionIfSet("--format", Format?.ToWire()).AppendPathOption("-o", OutputFile, environment);
    }
}

public enum PipAuditFormat
{
    [WireName("json")] Json,
}

/// <summary><c>python -m pytest</c> (with pytest-cov when coverage is asked for). Failing tests do not throw, so reports are still published.</summary>
public sealed class PytestSettings() : PythonModuleSettings("pytest")
{
    public static readonly ToolSpec<PytestSettings> Spec = SpecFor<PytestSettings>(
        "pytest",
        "needs a Python with pytest and pytest-cov: apt-get install -y python3-pytest python3-pytest-cov (or pip install pytest pytest-cov); set PythonPath to that interpreter");

    /// <summary>Test files, directories or node ids, relative to the working directory.</summary>
    public IReadOnlyList<string> TestPaths { get; init; } = [];

    /// <summary>Packages measured by pytest-cov (<c>--cov=&lt;pkg&gt;</c> each).</summary>
    public IReadOnlyList<string> CoveragePackages { get; init; } = [];

    public FilePath? CoverageXmlReport { get; init; }

    public bool CoverageTerminalReport { get; init; }

    public int? CoverageFailUnder { get; init; }

    public FilePath? JUnitXml { get; init; }

    /// <summary><c>-p no:cacheprovider</c>: no <c>.pytest_cache</c> written into the source tree.</summary>
    public bool DisableCacheProvider { get; init; }

    public override IEnumerable<string> ExtraModules =>
        CoveragePackages.Count > 0 || CoverageXmlReport is not null || CoverageFailUnder is not null ? ["pytest_cov"] : [];

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment)
    {
        if (DisableCacheProvider)
        {
            arguments.Append("-p");
            arguments.Append("no:cacheprovider");
        }
        arguments.AppendOptions("--cov", CoveragePackages, "=");
        if (CoverageXmlReport is { } xml)
        {
            arguments.AppendValue($"--cov-report=xml:{AbsolutePath(xml, environment)}");
        }
        return arguments.AppendFlag("--cov-report=term", CoverageTerminalReport)
            .AppendOptionIfSet("--cov-fail-under", CoverageFailUnder?.ToString(CultureInfo.InvariantCulture), "=")
            .AppendPathOption("--junitxml", JUnitXml, environment, "=")
            .AppendValues(TestPaths);
    }
}

public sealed class RuffSettings() : PythonModuleSettings("ruff")
{
    public static readonly ToolSpec<RuffSettings> Spec = SpecFor<RuffSettings>(
        "ruff",
        "needs a Python with ruff: pip install ruff (PyPI only, no Debian package); without PyPI, put tools/ruff-wasm/python on PYTHONPATH for the ruff call (the host does so when tools/ruff-wasm has its npm packages) to run ruff's WebAssembly build; set PythonPath to that interpreter");

    /// <summary><c>--output-format=&lt;format&gt;</c>; unset keeps ruff's default.</summary>
    public RuffOutputFormat? OutputFormat { get; init; }

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment) => arguments
        .AppendValue("check")
        .AppendOptionIfSet("--output-format", OutputFormat?.ToWire(), "=")
        .AppendValues(Require.Paths(Paths, "RuffSettings.Paths", "the directories to check (e.g. [\"app\", \"tests\"])"));
}

public enum RuffOutputFormat
{
    /// <summary>GitHub workflow commands: findings show as annotations on the pull request.</summary>
    [WireName("github")] GitHub,
}
