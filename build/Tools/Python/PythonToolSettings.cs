using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Python;

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
