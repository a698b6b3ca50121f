using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary>
/// The engine side of the <c>docker</c> CLI that <see cref="DockerRunner"/> does not cover: whether the engine
/// answers, whether an image is present, and moving images between jobs with <c>docker save</c> / <c>docker load</c>.
/// </summary>
public sealed class DockerEngineRunner : PipelineTool<DockerSettings>
{
    private static readonly ToolInvocation Probe = new() { CaptureOutput = true, CaptureError = true, Silent = true, ThrowOnNonZeroExit = false };

    public DockerEngineRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public DockerEngineRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    /// <summary>
    /// The docker CLI exists and its engine answers. <paramref name="engineHint"/> says how to start the engine;
    /// a dry run checks only the CLI, since it starts nothing that needs the engine.
    /// </summary>
    public static ToolRequirement EngineRequirement(string engineHint, bool dryRun) =>
        new("Docker engine", $"not reachable (docker version found no server): {engineHint}", context =>
        {
            var runner = new DockerEngineRunner(context);
            return runner.IsAvailable(new DockerSettings()) && (dryRun || runner.Answers());
        });

    protected override string GetToolName() => "docker";

    protected override IEnumerable<string> GetToolExecutableNames() => ["docker"];

    // A busy engine (other builds and stacks on a 2-core machine) can drop one request: ask three times.
    private bool Answers()
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            if (ServerVersion() is not null)
            {
                return true;
            }

            Thread.Sleep(TimeSpan.FromSeconds(attempt));
        }

        return false;
    }

    /// <summary>The engine's version, or <c>null</c> when no engine answers within 20 s.</summary>
    public string? ServerVersion()
    {
        var settings = new DockerSettings { ToolTimeout = TimeSpan.FromSeconds(20) };
        try
        {
            var result = Execute(settings, Words("version", "--format", "{{.Server.Version}}"), Probe);
            return result.Succeeded && result.Output.Trim().Length > 0 ? result.Output.Trim() : null;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Whether the engine has <paramref name="image"/> (a tag or an id); prints nothing either way.</summary>
    public bool ImageExists(string image) =>
        Execute(new DockerSettings(), Words("image", "inspect", "--format", "{{.Id}}").AppendValue(Require.Value(image, "image", "ghcr.io/o/app:1.2.3")), Probe).Succeeded;

    /// <summary><c>docker save -o &lt;archive&gt; &lt;image…&gt;</c>: one tarball, layers shared between the images stored once.</summary>
    public ToolResult Save(FilePath archive, IEnumerable<string> images, DockerSettings? settings = null) =>
        Execute(settings ?? new DockerSettings(), Words("save")
            .AppendPathOption("-o", archive, Environment)
            .AppendValues(Require.Values(images, "images", "ghcr.io/o/app:1.2.3")));

    /// <summary><c>docker load -i &lt;archive&gt;</c>; prints the loaded image names.</summary>
    public ToolResult Load(FilePath archive, DockerSettings? settings = null) =>
        Execute(settings ?? new DockerSettings(), Words("load").AppendPathOption("-i", archive, Environment));

    private static ProcessArgumentBuilder Words(params string[] words)
    {
        var arguments = new ProcessArgumentBuilder();
        foreach (var word in words)
        {
            arguments.AppendValue(word);
        }
        return arguments;
    }
}
