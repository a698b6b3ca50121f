using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary>The <c>docker</c> CLI: build, tag, push, inspect, login/logout, listings and image removal.</summary>
public sealed class DockerRunner : PipelineTool<DockerSettings>
{
    public const string InstallHint = "install the Docker CLI and engine: apt-get install -y docker.io, then start dockerd (on GitHub runners it is preinstalled)";

    private static readonly ToolInvocation Capture = new() { CaptureOutput = true };

    public DockerRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public DockerRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(DockerSettings? settings = null) =>
        new("docker", InstallHint, context => new DockerRunner(context).IsAvailable(settings ?? new DockerSettings()));

    protected override string GetToolName() => "docker";

    protected override IEnumerable<string> GetToolExecutableNames() => ["docker"];

    protected override void AddEnvironmentVariables(DockerSettings settings, IDictionary<string, string> variables)
    {
        if (settings is DockerBuildSettings { BuildKit: { } buildKit })
        {
            variables["DOCKER_BUILDKIT"] = buildKit ? "1" : "0";
        }
    }

    public ToolResult Build(DockerBuildSettings settings)
    {
        var context = Require.NotNull(settings.Context, "DockerBuildSettings.Context", "the directory holding the Dockerfile's sources");
        var arguments = Command("build")
            .AppendPathOption("-f", settings.Dockerfile, Environment)
            .AppendOptions("-t", settings.Tags)
            .AppendKeyValues("--label", settings.Labels)
            .AppendKeyValues("--build-arg", settings.BuildArgs)
            .AppendOptions("--cache-from", settings.CacheFrom)
            .AppendOptionIfSet("--pull", settings.Pull?.ToString().ToLowerInvariant(), "=")
            .AppendOptionIfSet("--target", settings.Target)
            .AppendFlag("--no-cache", settings.NoCache)
            .AppendPathOption("--iidfile", settings.ImageIdFile, Environment)
            .AppendPath(context, Environment);
        return Execute(settings, arguments);
    }

    public ToolResult Tag(string source, string target, DockerSettings settings) =>
        Execute(settings, Command("tag").AppendValue(Image(source)).AppendValue(Image(target)));

    /// <summary>Pushes and returns the digest from docker's output, else from the image's RepoDigests.</summary>
    public DockerPushResult Push(string image, DockerSettings settings)
    {
        var result = Execute(settings, Command("push").AppendValue(Image(image)), Capture with { EchoCaptured = true });
        var digest = DockerOutputParser.PushDigest(result.StandardOutput);
        if (digest is null && result.Succeeded)
        {
            digest = DockerOutputParser.DigestFor(image, RepoDigests(image, settings));
        }
        return new DockerPushResult(result, digest);
    }

    /// <summary><c>docker image inspect --format &lt;template&gt; &lt;image&gt;</c>; the rendered template is the captured output.</summary>
    public ToolResult ImageInspect(string image, string format, DockerSettings settings)
    {
        var arguments = Command("image", "inspect")
            .AppendOption("--format", Require.Value(format, "format", "\"{{.Id}}\""))
            .AppendValue(Image(image));
        return Execute(settings, arguments, Capture);
    }

    public IReadOnlyList<string> RepoDigests(string image, DockerSettings settings) =>
        DockerOutputParser.RepoDigests(ImageInspect(image, "{{json .RepoDigests}}", settings).Output);

    /// <summary><c>docker inspect --format &lt;template&gt; &lt;id…&gt;</c> for containers, networks or volumes; one output line per target.</summary>
    public ToolResult Inspect(IEnumerable<string> targets, string format, DockerSettings settings) =>
        Execute(settings, Command("inspect")
            .AppendOption("--format", Require.Value(format, "format", "\"{{.State.Status}}\""))
            .AppendValues(Require.Values(targets, "targets", "a container id")), Capture);

    public ToolResult Login(DockerLoginSettings settings)
    {
        var arguments = Command("login")
            .AppendValue(Require.Value(settings.Registry, "DockerLoginSettings.Registry", "ghcr.io"))
            .AppendOption("-u", Require.Value(settings.Username, "DockerLoginSettings.Username", "the GitHub actor"))
            .Append("--password-stdin");
        var password = Require.Value(settings.Password, "DockerLoginSettings.Password", "the GITHUB_TOKEN secret");
        return Execute(settings, arguments, new ToolInvocation { StandardInput = password });
    }

    public ToolResult Logout(string registry, DockerSettings settings) =>
        Execute(settings, Command("logout").AppendValue(Require.Value(registry, "registry", "ghcr.io")));

    public ToolResult ListContainers(DockerListSettings settings) => List(Command("ps").AppendFlag("-a", settings.All), settings);

    public ToolResult ListNetworks(DockerListSettings settings) => List(Command("network", "ls"), settings);

    public ToolResult ListVolumes(DockerListSettings settings) => List(Command("volume", "ls"), settings);

    public ToolResult RemoveImages(IEnumerable<string> images, DockerRmiSettings settings) =>
        Execute(settings, Command("rmi").AppendFlag("-f", settings.Force).AppendValues(Require.Values(images, "images", "ghcr.io/o/app:1.2.3")));

    private ToolResult List(ProcessArgumentBuilder arguments, DockerListSettings settings)
    {
        arguments.AppendFlag("-q", settings.Quiet)
            .AppendOptions("--filter", settings.Filters.Select(filter => filter.ToString()))
            .AppendOptionIfSet("--format", settings.Format);
        return Execute(settings, arguments, Capture);
    }

    private static ProcessArgumentBuilder Command(params string[] words)
    {
        var arguments = new ProcessArgumentBuilder();
        foreach (var word in words)
        {
            arguments.Append(word);
        }
        return arguments;
    }

    private static string Image(string image) => Require.Value(image, "image", "ghcr.io/owner/app:1.2.3");
}
