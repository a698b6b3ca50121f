using Build.Tools.Python;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Mypy;

/// <summary>Runs the mypy type checker.</summary>
public sealed class MypyRunner : PythonModuleTool<MypySettings>
{
    public const string InstallHint = "needs a Python with mypy: apt-get install -y mypy (or pip install mypy); set PythonPath to that interpreter";

    public MypyRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public MypyRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(MypySettings? settings = null) =>
        new("mypy", InstallHint, context => new MypyRunner(context).IsAvailable(settings ?? new MypySettings()));

    protected override string ModuleName => "mypy";

    public ToolResult Run(MypySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Paths.Count == 0)
        {
            throw new ArgumentException("MypySettings.Paths is empty: name the packages or directories to check (e.g. [\"app\"]).", nameof(settings));
        }
        var arguments = ModuleArguments()
            .AppendPathOption("--config-file", settings.ConfigFile, Environment)
            .AppendFlag("--strict", settings.Strict)
            .AppendPathOption("--cache-dir", settings.CacheDirectory, Environment)
            .AppendValues(settings.Paths);
        return Execute(settings, arguments);
    }
}
