using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Npx;

/// <summary>The npx CLI, for project-local binaries (playwright, eslint, prettier).</summary>
public sealed class NpxRunner : PipelineTool<NpxSettings>
{
    public const string InstallHint = "install Node.js 24 with npm, which provides npx (scripts/setup-machine.sh puts it in .tools/node; actions/setup-node on GitHub)";

    public NpxRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public NpxRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(NpxSettings? settings = null) =>
        new("npx", InstallHint, context => new NpxRunner(context).IsAvailable(settings ?? new NpxSettings()));

    protected override string GetToolName() => "npx";

    protected override IEnumerable<string> GetToolExecutableNames() => ["npx", "npx.cmd"];

    public ToolResult Run(NpxSettings settings)
    {
        var arguments = new ProcessArgumentBuilder()
            .AppendFlag("--no-install", settings.NoInstall)
            .AppendValue(Require.Value(settings.Command, "NpxSettings.Command", "playwright"))
            .AppendValues(settings.Arguments);
        return Execute(settings, arguments);
    }
}
