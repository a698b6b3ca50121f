namespace Build.Tools.Python;

public sealed class BanditSettings() : PythonModuleSettings("bandit")
{
    public static readonly ToolSpec<BanditSettings> Spec = SpecFor<BanditSettings>(
        "bandit",
        "needs a Python with bandit: apt-get install -y bandit (or pip install bandit); set PythonPath to that interpreter");

    /// <summary>The JSON report to write; unset: the screen report, in the build log.</summary>
    public FilePath? OutputFile { get; init; }
}

public sealed class BlackSettings() : PythonModuleSettings("black")
{
    public static readonly ToolSpec<BlackSettings> Spec = SpecFor<BlackSettings>(
        "black",
        "needs a Python with black: apt-get install -y black (or pip install black); set PythonPath to that interpreter");
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
        "needs a Python with pip-audit: pip install pip-audit (PyPI only, and it queries an online vulnerability service); set PythonPath to that interpreter");

    public IReadOnlyList<FilePath> RequirementFiles { get; init; } = [];

    /// <summary>The JSON report to write; unset: pip-audit's columns, in the build log.</summary>
    public FilePath? OutputFile { get; init; }
}

/// <summary>Failing tests do not throw, so reports are still published.</summary>
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

    public override IEnumerable<string> ExtraModules =>
        CoveragePackages.Count > 0 || CoverageXmlReport is not null || CoverageFailUnder is not null ? ["pytest_cov"] : [];
}

public sealed class RuffSettings() : PythonModuleSettings("ruff")
{
    public static readonly ToolSpec<RuffSettings> Spec = SpecFor<RuffSettings>(
        "ruff",
        "needs a Python with ruff: pip install ruff (PyPI only, no Debian package); without PyPI, put tools/ruff-wasm/python on PYTHONPATH for the ruff call (the host does so when tools/ruff-wasm has its npm packages) to run ruff's WebAssembly build; set PythonPath to that interpreter");

    /// <summary><c>--output-format=github</c>: findings show as annotations on the pull request.</summary>
    public bool GitHubAnnotations { get; init; }
}
