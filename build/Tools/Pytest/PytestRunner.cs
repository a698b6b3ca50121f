using Build.Tools.Python;

namespace Build.Tools.Pytest;

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
