namespace Build.Tools.Pytest;

/// <summary><c>python -m pytest</c> (with pytest-cov when coverage is asked for). Failing tests do not throw, so reports are still published.</summary>
public sealed class PytestSettings : PythonModuleSettings
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

    public override string Module => "pytest";

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
            arguments.AppendValue($"--cov-report=xml:{ArgumentBuilderExtensions.AbsolutePath(xml, environment)}");
        }
        return arguments.AppendFlag("--cov-report=term", CoverageTerminalReport)
            .AppendOptionIfSet("--cov-fail-under", CoverageFailUnder?.ToString(CultureInfo.InvariantCulture), "=")
            .AppendPathOption("--junitxml", JUnitXml, environment, "=")
            .AppendValues(TestPaths);
    }
}
