using Build.Tools.Python;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Black;

/// <summary>Runs the black formatter in check mode.</summary>
public sealed class BlackRunner : PythonModuleTool<BlackSettings>
{
    public const string InstallHint = "needs a Python with black: apt-get install -y black (or pip install black); set PythonPath to that interpreter";

    public BlackRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public BlackRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(BlackSettings? settings = null) =>
        new("black", InstallHint, context => new BlackRunner(context).IsAvailable(settings ?? new BlackSettings()));

    protected override string ModuleName => "black";

    public ToolResult Run(BlackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var arguments = ModuleArguments()
            .AppendFlag("--check", settings.Check)
            .AppendFlag("--diff", settings.Diff)
            .AppendValues(RequirePaths(settings.Paths));
        return Execute(settings, arguments);
    }

    private static IReadOnlyList<string> RequirePaths(IReadOnlyList<string> paths) => paths.Count > 0
        ? paths
        : throw new ArgumentException("BlackSettings.Paths is empty: name the directories to check (e.g. [\"app\", \"tests\"]).", nameof(paths));
}
