using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.DockerCompose;

[CakeAliasCategory("DockerCompose")]
public static class DockerComposeAliases
{
    /// <summary>
    /// Plugin (v2) when <c>docker compose version</c> exits 0, else Standalone (v1) when <c>docker-compose</c> exists,
    /// else <c>null</c>.
    /// </summary>
    [CakeMethodAlias]
    public static ComposeVariant? DockerComposeVariant(this ICakeContext context) =>
        new DockerComposeRunner(context).DetectVariant(new DockerComposeSettings());

    /// <summary>
    /// <c>up -d --no-build</c>: the images an earlier stage built and tagged. Compose v1 has no working <c>--wait</c>:
    /// poll <see cref="DockerComposeContainerStatuses"/> instead.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult DockerComposeUp(this ICakeContext context, DockerComposeSettings settings) =>
        Run(context, settings, ["up", "-d", "--no-build"]);

    /// <summary>
    /// <c>ps -a</c>, stopped containers included (v2 lists only running ones without it); with <paramref name="quiet"/>
    /// the ids in <see cref="ToolResult.Lines"/>.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult DockerComposePs(this ICakeContext context, DockerComposeSettings settings,
        bool quiet = true) =>
        Run(context, settings, quiet ? ["ps", "-q", "-a"] : ["ps", "-a"], new ToolInvocation { CaptureOutput = true });

    /// <summary>
    /// <c>logs --no-color --tail &lt;lines&gt; &lt;service&gt;…</c>, printed to the build log (typically after a failed
    /// smoke test).
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult DockerComposeLogs(this ICakeContext context, IEnumerable<string> services, int tail,
        DockerComposeSettings settings) =>
        Run(context, settings,
            ["logs", "--no-color", "--tail", tail.ToString(CultureInfo.InvariantCulture), .. services]);

    /// <summary><c>down -v --remove-orphans</c>: the project's named volumes and orphaned containers go too.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerComposeDown(this ICakeContext context, DockerComposeSettings settings) =>
        Run(context, settings, ["down", "-v", "--remove-orphans"]);

    /// <summary>
    /// State and health of every container of the project (stopped ones included), via <c>docker inspect</c>: a
    /// readiness poll for v1, which has no <c>up --wait</c>.
    /// </summary>
    [CakeMethodAlias]
    public static IReadOnlyList<ContainerStatus> DockerComposeContainerStatuses(this ICakeContext context,
        DockerComposeSettings settings)
    {
        var ids = context.DockerComposePs(settings).Lines;
        return ids.Count == 0 ? []
            : ContainerStatusParser.Parse(context.DockerInspect(ids, ContainerStatusParser.Format).StandardOutput);
    }

    /// <summary><c>[compose] -f &lt;file&gt;… -p &lt;project&gt; &lt;command…&gt;</c>.</summary>
    private static ToolResult Run(ICakeContext context, DockerComposeSettings settings, IEnumerable<string> command,
        ToolInvocation? invocation = null)
    {
        var runner = new DockerComposeRunner(context);
        var variant = runner.Use(settings);
        var arguments = Command(variant == ComposeVariant.Plugin ? ["compose"] : [])
            .AppendOptions("-f", (settings.Project.Files ?? []).Select(file => AbsolutePath(file, context.Environment)))
            .AppendOptionIfSet("-p", settings.Project.Name)
            .AppendValues(command);
        return runner.Run(settings, arguments, invocation);
    }
}

/// <summary>Compose v2 (<c>docker compose</c>) or v1 (<c>docker-compose</c>), whichever the machine has.</summary>
public sealed class DockerComposeRunner(ICakeContext context) : ToolRunner<DockerComposeSettings>(context,
    DockerComposeSettings.Spec)
{
    private ComposeVariant? _variant;

    protected override string GetToolName() => _variant == ComposeVariant.Standalone ? "docker-compose"
        : "docker compose";

    protected override IEnumerable<string> GetToolExecutableNames() =>
        [_variant == ComposeVariant.Standalone ? "docker-compose" : "docker"];

    public override bool IsAvailable(DockerComposeSettings settings) => DetectVariant(settings) is not null;

    /// <summary>The variant to run the next call with; throws when neither is installed.</summary>
    public ComposeVariant Use(DockerComposeSettings settings) =>
        (_variant = DetectVariant(settings))
            ?? throw new CakeException($"Missing tool 'docker compose': {DockerComposeSettings.Spec.InstallHint}");

    /// <summary>
    /// The variant the project names, else the one installed (probing <c>docker compose version</c>), else <c>null</c>.
    /// </summary>
    public ComposeVariant? DetectVariant(DockerComposeSettings settings)
    {
        if (settings.Project.Variant is { } chosen)
        {
            return chosen;
        }
        if (ExistingPath(settings.ToolPath ?? Context.Tools.Resolve("docker")) is { } docker && PluginAnswers(docker))
        {
            return ComposeVariant.Plugin;
        }
        return ExistingPath(settings.ToolPath ?? Context.Tools.Resolve("docker-compose")) is null ? null
            : ComposeVariant.Standalone;
    }

    private FilePath? ExistingPath(FilePath? path) =>
        path is not null && Context.FileSystem.Exist(path.MakeAbsolute(Context.Environment))
            ? path.MakeAbsolute(Context.Environment) : null;

    private bool PluginAnswers(FilePath docker)
    {
        var probe = new ProcessSettings
        {
            Arguments = "compose version",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Silent = true,
        };
        using var process = ProcessRunner.Start(docker, probe);
        process.WaitForExit();
        return process.GetExitCode() == 0;
    }
}
