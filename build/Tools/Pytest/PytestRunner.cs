using Build.Tools.Python;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Pytest;

/// <summary>Runs pytest (with pytest-cov when coverage is asked for).</summary>
public sealed class PytestRunner : PythonModuleTool<PytestSettings>
{
    public const string InstallHint =
        "needs a Python with pytest and pytest-cov: apt-get install -y python3-pytest python3-pytest-cov (or pip install pytest pytest-cov); set PythonPath to that interpreter";

    public PytestRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public PytestRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(PytestSettings? settings = null) =>
        new("pytest", InstallHint, context => new PytestRunner(context).IsAvailable(settings ?? new PytestSettings()));

    protected override string ModuleName => "pytest";

    protected override IEnumerable<string> RequiredModules(PytestSettings settings) =>
        UsesCoverage(settings) ? ["pytest", "pytest_cov"] : ["pytest"];

    public ToolResult Run(PytestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Execute(settings, BuildArguments(settings));
    }

    private ProcessArgumentBuilder BuildArguments(PytestSettings settings)
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
        arguments.AppendFlag("--cov-report=term", settings.CoverageTerminalReport);
        if (settings.CoverageFailUnder is { } percent)
        {
            arguments.AppendOption("--cov-fail-under", percent.ToString(System.Globalization.CultureInfo.InvariantCulture), "=");
        }
        arguments.AppendPathOption("--junitxml", settings.JUnitXml, Environment, "=");
        return arguments.AppendValues(settings.TestPaths);
    }

    private static bool UsesCoverage(PytestSettings settings) =>
        settings.CoveragePackages.Count > 0 || settings.CoverageXmlReport is not null || settings.CoverageFailUnder is not null;
}
