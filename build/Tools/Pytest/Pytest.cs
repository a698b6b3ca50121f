using Build.Tools.Python;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Build.Tools.Pytest;

[CakeAliasCategory("Pytest")]
public static class PytestAliases
{
    /// <summary><c>python -m pytest</c>; returns the exit code (1 = failed tests, 5 = none collected) without throwing unless asked.</summary>
    [CakeMethodAlias]
    public static ToolResult Pytest(this ICakeContext context, PytestSettings settings) => new PytestRunner(context).Run(settings);
}

/// <summary>Runs pytest (with pytest-cov when coverage is asked for).</summary>
public sealed class PytestRunner(ICakeContext context) : PythonModuleTool<PytestSettings>(context, Spec, "pytest")
{
    public static readonly ToolSpec<PytestSettings> Spec = new(
        "pytest",
        "needs a Python with pytest and pytest-cov: apt-get install -y python3-pytest python3-pytest-cov (or pip install pytest pytest-cov); set PythonPath to that interpreter",
        PythonImports.Interpreters,
        context => new PytestRunner(context));

    protected override IEnumerable<string> RequiredModules(PytestSettings settings) =>
        settings.CoveragePackages.Count > 0 || settings.CoverageXmlReport is not null || settings.CoverageFailUnder is not null
            ? ["pytest", "pytest_cov"]
            : ["pytest"];

    public ToolResult Run(PytestSettings settings)
    {
        var arguments = ModuleArguments();
        if (settings.DisableCacheProvider)
        {
            arguments.Append("-p");
            arguments.Append("no:cacheprovider");
        }
        arguments.AppendOptions("--cov", settings.CoveragePackages, "=");
        if (settings.CoverageXmlReport is { } xml)
        {
            arguments.AppendValue($"--cov-report=xml:{ArgumentBuilderExtensions.AbsolutePath(xml, Environment)}");
        }
        arguments.AppendFlag("--cov-report=term", settings.CoverageTerminalReport)
            .AppendOptionIfSet("--cov-fail-under", settings.CoverageFailUnder?.ToString(CultureInfo.InvariantCulture), "=")
            .AppendPathOption("--junitxml", settings.JUnitXml, Environment, "=");
        return Execute(settings, arguments.AppendValues(settings.TestPaths));
    }
}

/// <summary><c>python -m pytest</c>. Failing tests do not throw, so reports are still published.</summary>
public sealed class PytestSettings : PythonModuleSettings
{
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
}
