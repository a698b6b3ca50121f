namespace Build.Tools.Python;

/// <summary>
/// Settings of a tool run as <c>&lt;python&gt; -m &lt;module&gt;</c>: each tool's settings say which module. Linters
/// and scanners: they do not throw by default.
/// </summary>
public abstract class PythonModuleSettings : ToolRunnerSettings
{
    protected PythonModuleSettings(string module)
    {
        Module = module;
        ThrowOnNonZeroExit = false;
    }

    /// <summary>
    /// The interpreter that has the module installed (on GitHub the job's python; on a Debian machine
    /// <c>/usr/bin/python3</c>). Unset: the first <c>python3</c>/<c>python</c> on PATH. Same value as
    /// <see cref="Cake.Core.Tooling.ToolSettings.ToolPath"/>.
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

    /// <summary>
    /// Modules the run needs besides <see cref="Module"/> (pytest-cov's <c>pytest_cov</c> when coverage is asked for).
    /// </summary>
    public virtual IEnumerable<string> ExtraModules => [];

    /// <summary>
    /// The spec of a Python module tool: found through the interpreter, present when it can import the modules.
    /// </summary>
    protected static ToolSpec<TSettings> SpecFor<TSettings>(string name, string installHint)
        where TSettings : PythonModuleSettings, new()
    {
        ToolSpec<TSettings>? spec = null;
        spec = new(name, installHint, PythonImports.Interpreters,
            context => new PythonModuleRunner<TSettings>(context, spec!));
        return spec;
    }
}

public sealed class BanditSettings() : PythonModuleSettings("bandit")
{
    public static readonly ToolSpec<BanditSettings> Spec = SpecFor<BanditSettings>(
        "bandit",
        "needs a Python with bandit: apt-get install -y bandit (or pip install bandit); set PythonPath to " +
            "that interpreter");

    /// <summary>The JSON report to write; unset: the screen report, in the build log.</summary>
    public FilePath? OutputFile { get; init; }
}

public sealed class BlackSettings() : PythonModuleSettings("black")
{
    public static readonly ToolSpec<BlackSettings> Spec = SpecFor<BlackSettings>(
        "black",
        "needs a Python with black: apt-get install -y black (or pip install black); set PythonPath to " +
            "that interpreter");
}

public sealed class MypySettings() : PythonModuleSettings("mypy")
{
    public static readonly ToolSpec<MypySettings> Spec = SpecFor<MypySettings>(
        "mypy",
        "needs a Python with mypy: apt-get install -y mypy (or pip install mypy); set PythonPath to that interpreter");
}

public sealed class PipAuditSettings() : PythonModuleSettings("pip_audit")
{
    public static readonly ToolSpec<PipAuditSettings> Spec = SpecFor<PipAuditSettings>(
        "pip-audit",
        "needs a Python with pip-audit: pip install pip-audit (PyPI only, and it queries an online vulnerability " +
            "service); set PythonPath to that interpreter");

    public IReadOnlyList<FilePath> RequirementFiles { get; init; } = [];

    /// <summary>The JSON report to write; unset: pip-audit's columns, in the build log.</summary>
    public FilePath? OutputFile { get; init; }
}

/// <summary>Failing tests do not throw, so reports are still published.</summary>
public sealed class PytestSettings() : PythonModuleSettings("pytest")
{
    public static readonly ToolSpec<PytestSettings> Spec = SpecFor<PytestSettings>(
        "pytest",
        "needs a Python with pytest and pytest-cov: apt-get install -y python3-pytest python3-pytest-cov (or pip " +
            "install pytest pytest-cov); set PythonPath to that interpreter");

    /// <summary>Test files, directories or node ids, relative to the working directory.</summary>
    public IReadOnlyList<string> TestPaths { get; init; } = [];

    /// <summary>Packages measured by pytest-cov (<c>--cov=&lt;pkg&gt;</c> each).</summary>
    public IReadOnlyList<string> CoveragePackages { get; init; } = [];

    public FilePath? CoverageXmlReport { get; init; }

    public bool CoverageTerminalReport { get; init; }

    public int? CoverageFailUnder { get; init; }

    public FilePath? JUnitXml { get; init; }

    public override IEnumerable<string> ExtraModules =>
        CoveragePackages.Count > 0 || CoverageXmlReport is not null || CoverageFailUnder is not null ? ["pytest_cov"]
            : [];
}

public sealed class RuffSettings() : PythonModuleSettings("ruff")
{
    public static readonly ToolSpec<RuffSettings> Spec = SpecFor<RuffSettings>(
        "ruff",
        "needs a Python with ruff: pip install ruff (PyPI only, no Debian package); without PyPI, put " +
            "tools/ruff-wasm/python on PYTHONPATH for the ruff call (the host does so when tools/ruff-wasm has its " +
            "npm packages) to run ruff's WebAssembly build; set PythonPath to that interpreter");

    /// <summary><c>--output-format=github</c>: findings show as annotations on the pull request.</summary>
    public bool GitHubAnnotations { get; init; }
}
