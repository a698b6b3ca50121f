using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Python;

/// <summary>Runs <c>&lt;python&gt; -m &lt;module&gt; …</c>; available only when the interpreter can import the module.</summary>
public abstract class PythonModuleTool<TSettings> : PipelineTool<TSettings> where TSettings : PythonModuleSettings
{
    protected PythonModuleTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    /// <summary>The importable module name (<c>pip_audit</c>, not <c>pip-audit</c>).</summary>
    protected abstract string ModuleName { get; }

    /// <summary>Modules the run also needs (pytest-cov's <c>pytest_cov</c> when coverage is asked for).</summary>
    protected virtual IEnumerable<string> RequiredModules(TSettings settings) => [ModuleName];

    protected override string GetToolName() => $"python -m {ModuleName}";

    protected override IEnumerable<string> GetToolExecutableNames() => ["python3", "python"];

    public override bool IsAvailable(TSettings settings) =>
        Locate(settings) is { } python && PythonImports.Missing(ProcessRunner, python, RequiredModules(settings), GetEnvironmentVariables(settings)) is [];

    protected ProcessArgumentBuilder ModuleArguments()
    {
        var arguments = new ProcessArgumentBuilder();
        arguments.Append("-m");
        arguments.Append(ModuleName);
        return arguments;
    }
}
