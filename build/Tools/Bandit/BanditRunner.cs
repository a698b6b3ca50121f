using Build.Tools.Python;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Bandit;

/// <summary>Runs the bandit security linter.</summary>
public sealed class BanditRunner : PythonModuleTool<BanditSettings>
{
    public const string InstallHint = "needs a Python with bandit: apt-get install -y bandit (or pip install bandit); set PythonPath to that interpreter";

    public BanditRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public BanditRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(BanditSettings? settings = null) =>
        new("bandit", InstallHint, context => new BanditRunner(context).IsAvailable(settings ?? new BanditSettings()));

    protected override string ModuleName => "bandit";

    public ToolResult Run(BanditSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Paths.Count == 0)
        {
            throw new ArgumentException("BanditSettings.Paths is empty: name the directories to scan (e.g. [\"app\"]).", nameof(settings));
        }
        var arguments = ModuleArguments()
            .AppendFlag("-r", settings.Recursive)
            .AppendValues(settings.Paths);
        AppendLevel(arguments, 'l', settings.SeverityLevel);
        AppendLevel(arguments, 'i', settings.ConfidenceLevel);
        arguments.AppendOptionIfSet("-f", settings.Format?.ToWire())
            .AppendPathOption("-o", settings.OutputFile, Environment)
            .AppendPathOption("-c", settings.ConfigFile, Environment)
            .AppendOptionIfSet("-x", string.Join(',', settings.ExcludedPaths))
            .AppendFlag("-q", settings.Quiet);
        return Execute(settings, arguments);
    }

    private static void AppendLevel(ProcessArgumentBuilder arguments, char letter, BanditLevel? level)
    {
        if (level is { } value)
        {
            arguments.Append("-" + new string(letter, (int)value));
        }
    }
}
