using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Docker;

/// <summary>
/// The <c>docker</c> CLI: build, push, login/logout, listings, and moving images between jobs with save/load.
/// </summary>
[CakeAliasCategory("Docker")]
public static class DockerAliases
{
    private static readonly ToolInvocation Capture = new() { CaptureOutput = true };
    private static readonly ToolInvocation Probe =
        new() { CaptureOutput = true, CaptureError = true, Silent = true, ThrowOnNonZeroExit = false };

    [CakeMethodAlias]
    public static ToolResult DockerBuild(this ICakeContext context, DockerBuildSettings settings)
    {
        var directory =
            Require.NotNull(settings.Context, "DockerBuildSettings.Context",
            "the directory holding the Dockerfile's sources");
        var arguments = Command("build")
            .AppendPathOption("-f", settings.Dockerfile, context.Environment)
            .AppendOptions("-t", settings.Tags)
            .AppendKeyValues("--label", settings.Labels)
            .AppendKeyValues("--build-arg", settings.BuildArgs)
            .AppendOptions("--cache-from", settings.CacheFrom)
            // Base images come from the engine (made locally, or pulled once by docker when absent); never re-pulled.
            .Append("--pull=false")
            .AppendPath(directory, context.Environment);
        return Run(context, settings, arguments);
    }

    /// <summary>
    /// Pushes <paramref name="image"/>; the digest comes from docker's output, else from the image's RepoDigests.
    /// </summary>
    [CakeMethodAlias]
    public static DockerPushResult DockerPush(this ICakeContext context, string image, DockerSettings? settings = null)
    {
        settings ??= new DockerSettings();
        var result =
            Run(context, settings, Command("push").AppendValue(Image(image)), Capture with { EchoCaptured = true });
        var digest = DockerOutputParser.PushDigest(result.StandardOutput);
        if (digest is null && result.Succeeded)
        {
            var inspect =
                Command("image", "inspect").AppendOption("--format", "{{json .RepoDigests}}").AppendValue(Image(image));
            digest =
                DockerOutputParser.DigestFor(image,
                DockerOutputParser.RepoDigests(Run(context, settings, inspect, Capture).Output));
        }
        return new DockerPushResult(result, digest);
    }

    /// <summary><c>docker pull &lt;image&gt;</c>; does not throw: the caller names what was not pulled.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerPull(this ICakeContext context, string image) =>
        Run(context, new DockerSettings { ThrowOnNonZeroExit = false }, Command("pull").AppendValue(Image(image)));

    /// <summary>
    /// <c>docker inspect --format &lt;template&gt; &lt;id…&gt;</c> for containers; one output line per target.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult DockerInspect(this ICakeContext context, IEnumerable<string> targets, string format) =>
        Run(context, new DockerSettings(),
            Command("inspect").AppendOption("--format", format).AppendValues(
            Require.Values(targets, "targets", "a container id")), Capture);

    /// <summary>
    /// <c>docker login &lt;registry&gt; -u &lt;user&gt; --password-stdin</c>, the password written to standard input.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult DockerLogin(this ICakeContext context, DockerLoginSettings settings)
    {
        var arguments = Command("login")
            .AppendValue(Require.Value(settings.Registry, "DockerLoginSettings.Registry", "ghcr.io"))
            .AppendOption("-u", Require.Value(settings.Username, "DockerLoginSettings.Username", "the GitHub actor"))
            .Append("--password-stdin");
        var password = Require.Value(settings.Password, "DockerLoginSettings.Password", "the GITHUB_TOKEN secret");
        return Run(context, settings, arguments, new ToolInvocation { StandardInput = password });
    }

    [CakeMethodAlias]
    public static ToolResult DockerLogout(this ICakeContext context, string registry, DockerSettings settings) =>
        Run(context, settings, Command("logout").AppendValue(Require.Value(registry, "registry", "ghcr.io")));

    /// <summary>
    /// <c>docker ps -a -q --filter label=com.docker.compose.project=&lt;name&gt;</c>: the ids of the project's
    /// containers.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult DockerPs(this ICakeContext context, string composeProject, DockerSettings settings) =>
        List(context, Command("ps", "-a"), composeProject, settings);

    [CakeMethodAlias]
    public static ToolResult DockerNetworkList(this ICakeContext context, string composeProject,
        DockerSettings settings) =>
        List(context, Command("network", "ls"), composeProject, settings);

    [CakeMethodAlias]
    public static ToolResult DockerVolumeList(this ICakeContext context, string composeProject,
        DockerSettings settings) =>
        List(context, Command("volume", "ls"), composeProject, settings);

    /// <summary>
    /// Whether the engine has <paramref name="image"/> (a tag or an id); a silent probe that also runs under --dryrun.
    /// </summary>
    [CakeMethodAlias]
    public static bool DockerImageExists(this ICakeContext context, string image) =>
        Run(context, new DockerSettings(),
            Command("image", "inspect").AppendOption("--format", "{{.Id}}").AppendValue(Image(image)), Probe).Succeeded;

    /// <summary>
    /// <c>docker save -o &lt;archive&gt; &lt;image…&gt;</c>: one tarball, layers shared between the images stored once.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult DockerSave(this ICakeContext context, FilePath archive, IEnumerable<string> images) =>
        Run(context, new DockerSettings(),
        Command("save").AppendPathOption("-o", archive, context.Environment).AppendValues(
            Require.Values(images, "images", "ghcr.io/o/app:1.2.3")));

    /// <summary><c>docker load -i &lt;archive&gt;</c>; prints the loaded image names.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerLoad(this ICakeContext context, FilePath archive) =>
        Run(context, new DockerSettings(), Command("load").AppendPathOption("-i", archive, context.Environment));

    /// <summary>
    /// The engine answers <c>docker version</c>. A busy engine (other builds and stacks on a 2-core machine) can drop
    /// one request: ask three times, 20 s each.
    /// </summary>
    [CakeMethodAlias]
    public static bool DockerEngineAnswers(this ICakeContext context)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                var settings = new DockerSettings { ToolTimeout = TimeSpan.FromSeconds(20) };
                var result =
                    Run(context, settings, Command("version").AppendOption("--format", "{{.Server.Version}}"), Probe);
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

    /// <summary>
    /// The ids (<c>-q</c>) of everything a compose project created, told by the label compose puts on it.
    /// </summary>
    private static ToolResult List(ICakeContext context, ProcessArgumentBuilder arguments, string composeProject,
        DockerSettings settings)
    {
        var project = Require.Value(composeProject, "composeProject", "sovd-it-1a2b3c4d");
        return Run(context, settings,
            arguments.Append("-q").AppendOption("--filter", $"label=com.docker.compose.project={project}"), Capture);
    }

    private static ToolResult Run(ICakeContext context, DockerSettings settings, ProcessArgumentBuilder arguments,
        ToolInvocation? invocation = null) =>
        DockerSettings.Spec.For(context).Run(settings, arguments, invocation);

    private static string Image(string image) => Require.Value(image, "image", "ghcr.io/owner/app:1.2.3");
}
