namespace Build.Tools.Docker;

[CakeAliasCategory("Docker")]
public static class DockerAliases
{
    [CakeMethodAlias]
    public static ToolResult DockerBuild(this ICakeContext context, DockerBuildSettings settings) => new DockerRunner(context).Build(settings);

    /// <summary>Pushes <paramref name="image"/>; the result carries the registry digest to pin deployments to.</summary>
    [CakeMethodAlias]
    public static DockerPushResult DockerPush(this ICakeContext context, string image, DockerSettings? settings = null) =>
        new DockerRunner(context).Push(image, settings ?? new DockerSettings());

    /// <summary><c>docker login &lt;registry&gt; -u &lt;user&gt; --password-stdin</c>, the password written to standard input.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerLogin(this ICakeContext context, DockerLoginSettings settings) => new DockerRunner(context).Login(settings);

    [CakeMethodAlias]
    public static ToolResult DockerLogout(this ICakeContext context, string registry, DockerSettings? settings = null) =>
        new DockerRunner(context).Logout(registry, settings ?? new DockerSettings());

    [CakeMethodAlias]
    public static ToolResult DockerPs(this ICakeContext context, DockerListSettings settings) => new DockerRunner(context).ListContainers(settings);

    [CakeMethodAlias]
    public static ToolResult DockerNetworkList(this ICakeContext context, DockerListSettings settings) => new DockerRunner(context).ListNetworks(settings);

    [CakeMethodAlias]
    public static ToolResult DockerVolumeList(this ICakeContext context, DockerListSettings settings) => new DockerRunner(context).ListVolumes(settings);

    /// <summary>Whether the engine has <paramref name="image"/> (a tag or an id); a silent probe that also runs under --dryrun.</summary>
    [CakeMethodAlias]
    public static bool DockerImageExists(this ICakeContext context, string image) => new DockerRunner(context).ImageExists(image);

    [CakeMethodAlias]
    public static ToolResult DockerSave(this ICakeContext context, FilePath archive, IEnumerable<string> images) => new DockerRunner(context).Save(archive, images);

    [CakeMethodAlias]
    public static ToolResult DockerLoad(this ICakeContext context, FilePath archive) => new DockerRunner(context).Load(archive);
}

/// <summary>The <c>docker</c> CLI: build, push, login/logout, listings, and moving images between jobs with save/load.</summary>
public sealed class DockerRunner(ICakeContext context) : CheckedTool<DockerSettings>(context, DockerSettings.Spec)
{
    private static readonly ToolInvocation Capture = new() { CaptureOutput = true };
    private static readonly ToolInvocation Probe = new() { CaptureOutput = true, CaptureError = true, Silent = true, ThrowOnNonZeroExit = false };

    /// <summary>
    /// The docker CLI exists and its engine answers. <paramref name="engineHint"/> says how to start the engine;
    /// a dry run checks only the CLI, since it starts nothing that needs the engine.
    /// </summary>
    public static ToolRequirement EngineRequirement(string engineHint) =>
        new("Docker engine", $"not reachable (docker version found no server): {engineHint}", context =>
        {
            var runner = new DockerRunner(context);
            return runner.IsAvailable(new DockerSettings()) && (context is HostContext { DryRun: true } || runner.Answers());
        });

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
            .AppendPath(context, Environment);
        return Execute(settings, arguments);
    }

    /// <summary>Pushes and returns the digest from docker's output, else from the image's RepoDigests.</summary>
    public DockerPushResult Push(string image, DockerSettings settings)
    {
        var result = Execute(settings, Command("push").AppendValue(Image(image)), Capture with { EchoCaptured = true });
        var digest = DockerOutputParser.PushDigest(result.StandardOutput);
        if (digest is null && result.Succeeded)
        {
            var inspect = Command("image", "inspect").AppendOption("--format", "{{json .RepoDigests}}").AppendValue(Image(image));
            digest = DockerOutputParser.DigestFor(image, DockerOutputParser.RepoDigests(Execute(settings, inspect, Capture).Output));
        }
        return new DockerPushResult(result, digest);
    }

    /// <summary><c>docker inspect --format &lt;template&gt; &lt;id…&gt;</c> for containers; one output line per target.</summary>
    public ToolResult Inspect(IEnumerable<string> targets, string format, DockerSettings settings) =>
        Execute(settings, Command("inspect").AppendOption("--format", format).AppendValues(Require.Values(targets, "targets", "a container id")), Capture);

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

    /// <summary>Whether the engine has <paramref name="image"/> (a tag or an id); prints nothing either way.</summary>
    public bool ImageExists(string image) =>
        Execute(new DockerSettings(), Command("image", "inspect").AppendOption("--format", "{{.Id}}").AppendValue(Image(image)), Probe).Succeeded;

    /// <summary><c>docker save -o &lt;archive&gt; &lt;image…&gt;</c>: one tarball, layers shared between the images stored once.</summary>
    public ToolResult Save(FilePath archive, IEnumerable<string> images) =>
        Execute(new DockerSettings(), Command("save").AppendPathOption("-o", archive, Environment).AppendValues(Require.Values(images, "images", "ghcr.io/o/app:1.2.3")));

    /// <summary><c>docker load -i &lt;archive&gt;</c>; prints the loaded image names.</summary>
    public ToolResult Load(FilePath archive) => Execute(new DockerSettings(), Command("load").AppendPathOption("-i", archive, Environment));

    // A busy engine (other builds and stacks on a 2-core machine) can drop one request: ask three times, 20 s each.
    private bool Answers()
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                var result = Execute(new DockerSettings { ToolTimeout = TimeSpan.FromSeconds(20) }, Command("version").AppendOption("--format", "{{.Server.Version}}"), Probe);
                if (result.Succeeded && result.Output.Trim().Length > 0)
                {
                    return true;
                }
            }
            catch (TimeoutException)
            {
            }
            Thread.Sleep(TimeSpan.FromSeconds(attempt));
        }
        return false;
    }

    private ToolResult List(ProcessArgumentBuilder arguments, DockerListSettings settings) =>
        Execute(settings, arguments.AppendFlag("-q", settings.Quiet).AppendOptions("--filter", settings.Filters.Select(filter => filter.ToString())), Capture);

    private static string Image(string image) => Require.Value(image, "image", "ghcr.io/owner/app:1.2.3");
}
