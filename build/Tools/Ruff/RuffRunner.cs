using Build.Tools.Python;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Ruff;

/// <summary>Runs the ruff linter.</summary>
public sealed class RuffRunner : PythonModuleTool<RuffSettings>
{
    public const string InstallHint =
        "needs a Python with ruff: pip install ruff (PyPI only, no Debian package); without PyPI, put tools/ruff-wasm/python on PYTHONPATH for the ruff call (the host does so when tools/ruff-wasm has its npm packages) to run ruff's WebAssembly build; set PythonPath to that interpreter";

    public RuffRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public RuffRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(RuffSettings? settings = null) =>
        new("ruff", InstallHint, context => new RuffRunner(context).IsAvailable(settings ?? new RuffSettings()));

    protected override string ModuleName => "ruff";

    public ToolResult Check(RuffSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Paths.Count == 0)
        {
            throw new ArgumentException("RuffSettings.Paths is empty: name the directories to check (e.g. [\"app\", \"tests\"]).", nameof(settings));
        }
        var arguments = ModuleArguments();
        arguments.Append("check");
        arguments.AppendOptionIfSet("--output-format", settings.OutputFormat?.ToWire(), "=");
        arguments.AppendPathOption("--config", settings.ConfigFile, Environment);
        return Execute(settings, arguments.AppendValues(settings.Paths));
    }
}
