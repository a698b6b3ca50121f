using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.DockerCompose;

[CakeAliasCategory("DockerCompose")]
public static class DockerComposeAliases
{
    /// <summary>Plugin (v2) when <c>docker compose version</c> exits 0, else Standalone (v1) when <c>docker-compose</c> exists, else <c>null</c>.</summary>
    [CakeMethodAlias]
    public static ComposeVariant? DockerComposeVariant(this ICakeContext context, DockerComposeSettings? settings = null) =>
        new DockerComposeRunner(context).DetectVariant(settings ?? new DockerComposeSettings());

    [CakeMethodAlias]
    public static ToolResult DockerComposeUp(this ICakeContext context, DockerComposeUpSettings settings) =>
        Run(context, settings, "up", arguments => arguments
            .AppendValue("-d")
            .AppendFlag("--no-build", settings.NoBuild));

    /// <summary><c>ps -q</c>: container ids in <see cref="ToolResult.Lines"/>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerComposePs(this ICakeContext context, DockerComposePsSettings settings) =>
        Run(context, settings, "ps", arguments => arguments
            .AppendFlag("-q", settings.Quiet)
            .AppendFlag("-a", settings.All), new ToolInvocation { CaptureOutput = true });

    [CakeMethodAlias]
    public static ToolResult DockerComposeLogs(this ICakeContext context, DockerComposeLogsSettings settings) =>
        Run(context, settings, "logs", arguments => arguments
            .AppendValue("--no-color")
            .AppendOptionIfSet("--tail", settings.Tail?.ToString(CultureInfo.InvariantCulture))
            .AppendValues(settings.Services));

    [CakeMethodAlias]
    public static ToolResult DockerComposeDown(this ICakeContext context, DockerComposeDownSettings settings) =>
        Run(context, settings, "down", arguments => arguments.Append("-v").Append("--remove-orphans"));

    /// <summary>
    /// State and health of every container of the project (stopped ones included), via <c>docker inspect</c>: a
    /// readiness poll for v1, which has no <c>up --wait</c>.
    /// </summary>
    [CakeMethodAlias]
    public static IReadOnlyList<ContainerStatus> DockerComposeContainerStatuses(this ICakeContext context, DockerComposeSettings settings)
    {
        var ps = new DockerComposePsSettings
        {
            Project = settings.Project,
            EnvironmentVariables = settings.EnvironmentVariables,
            WorkingDirectory = settings.WorkingDirectory,
            All = true,
        };
        var ids = context.DockerComposePs(ps).Lines;
        return ids.Count == 0 ? [] : ContainerStatusParser.Parse(context.DockerInspect(ids, ContainerStatusParser.Format).StandardOutput);
    }

    /// <summary><c>[compose] -f &lt;file&gt;… -p &lt;project&gt; &lt;command&gt;</c>, then the command's own arguments.</summary>
    private static ToolResult Run<TSettings>(
        ICakeContext context, TSettings settings, string command, Func<ProcessArgumentBuilder, ProcessArgumentBuilder> append, ToolInvocation? invocation = null)
        where TSettings : DockerComposeSettings
    {
        var runner = new DockerComposeRunner(context);
        var variant = runner.Use(settings);
        var arguments = Command(variant == ComposeVariant.Plugin ? ["compose"] : [])
            .AppendOptions("-f", (settings.Project.Files ?? []).Select(file => AbsolutePath(file, context.Environment)))
            .AppendOptionIfSet("-p", settings.Project.Name)
            .Append(command);
        return runner.Run(settings, append(arguments), invocation);
    }
}

/// <summary>Compose v2 (<c>docker compose</c>) or v1 (<c>docker-compose</c>), whichever the machine has.</summary>
public sealed class DockerComposeRunner(ICakeContext context) : ToolRunner<DockerComposeSettings>(context, DockerComposeSettings.Spec)
{
    private ComposeVariant? _variant;

    protected override string GetToolName() => _variant == ComposeVariant.Standalone ? "docker-compose" : "docker compose";

    protected override IEnumerable<string> GetToolExecutableNames() => [_variant == ComposeVariant.Standalone ? "docker-compose" : "docker"];

    public override bool IsAvailable(DockerComposeSettings settings) => DetectVariant(settings) is not null;

    /// <summary>The variant to run the next call with; throws when neither is installed.</summary>
    public ComposeVariant Use(DockerComposeSettings settings) =>
        (_variant = DetectVariant(settings)) ?? throw new CakeException($"Missing tool 'docker compose': {DockerComposeSettings.Spec.InstallHint}");

    /// <summary>The variant to use, or <c>null</c> when neither is installed. Runs <c>docker compose version</c> at most once per runner.</summary>
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
        return ExistingPath(settings.ToolPath ?? Context.Tools.Resolve("docker-compose")) is null ? null : ComposeVariant.Standalone;
    }

    private FilePath? ExistingPath(FilePath? path) =>
        path is not null && Context.FileSystem.Exist(path.MakeAbsolute(Context.Environment)) ? path.MakeAbsolute(Context.Environment) : null;

    private bool PluginAnswers(FilePath docker)
    {
        if (_variant is { } known)
        {
            return known == ComposeVariant.Plugin;
        }
        var probe = new ProcessSettings { Arguments = "compose version", RedirectStandardOutput = true, RedirectStandardError = true, Silent = true };
        using var process = ProcessRunner.Start(docker, probe);
        process.WaitForExit();
        _variant = process.GetExitCode() == 0 ? ComposeVariant.Plugin : ComposeVariant.Standalone;
        return _variant == ComposeVariant.Plugin;
    }
}
