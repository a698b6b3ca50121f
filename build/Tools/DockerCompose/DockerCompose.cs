namespace Build.Tools.DockerCompose;

[CakeAliasCategory("DockerCompose")]
public static class DockerComposeAliases
{
    /// <summary>Plugin (v2) when <c>docker compose version</c> exits 0, else Standalone (v1) when <c>docker-compose</c> exists, else <c>null</c>.</summary>
    [CakeMethodAlias]
    public static ComposeVariant? DockerComposeVariant(this ICakeContext context, DockerComposeSettings? settings = null) =>
        new DockerComposeRunner(context).DetectVariant(settings ?? new DockerComposeSettings());

    [CakeMethodAlias]
    public static ToolResult DockerComposeUp(this ICakeContext context, DockerComposeUpSettings settings) => new DockerComposeRunner(context).Up(settings);

    /// <summary><c>ps -q</c>: container ids in <see cref="ToolResult.Lines"/>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerComposePs(this ICakeContext context, DockerComposePsSettings settings) => new DockerComposeRunner(context).Ps(settings);

    [CakeMethodAlias]
    public static ToolResult DockerComposeLogs(this ICakeContext context, DockerComposeLogsSettings settings) => new DockerComposeRunner(context).Logs(settings);

    [CakeMethodAlias]
    public static ToolResult DockerComposeDown(this ICakeContext context, DockerComposeDownSettings settings) => new DockerComposeRunner(context).Down(settings);

    /// <summary>Each container's state and health, for a readiness poll (v1 has no <c>up --wait</c>).</summary>
    [CakeMethodAlias]
    public static IReadOnlyList<ContainerStatus> DockerComposeContainerStatuses(this ICakeContext context, DockerComposeSettings settings) =>
        new DockerComposeRunner(context).ContainerStatuses(settings);
}

/// <summary>Compose v2 (<c>docker compose</c>) or v1 (<c>docker-compose</c>), whichever the machine has.</summary>
public sealed class DockerComposeRunner(ICakeContext context) : CheckedTool<DockerComposeSettings>(context, DockerComposeSettings.Spec)
{
    private ComposeVariant? _variant;

    protected override string GetToolName() => _variant == ComposeVariant.Standalone ? "docker-compose" : "docker compose";

    protected override IEnumerable<string> GetToolExecutableNames() => [_variant == ComposeVariant.Standalone ? "docker-compose" : "docker"];

    public override bool IsAvailable(DockerComposeSettings settings) => DetectVariant(settings) is not null;

    /// <summary>The variant to use, or <c>null</c> when neither is installed. Runs <c>docker compose version</c> at most once per runner.</summary>
    public ComposeVariant? DetectVariant(DockerComposeSettings settings)
    {
        if (settings.Variant is { } chosen)
        {
            return chosen;
        }
        if (ExistingPath(settings.ToolPath ?? Context.Tools.Resolve("docker")) is { } docker && PluginAnswers(docker))
        {
            return ComposeVariant.Plugin;
        }
        return ExistingPath(settings.ToolPath ?? Context.Tools.Resolve("docker-compose")) is null ? null : ComposeVariant.Standalone;
    }

    public ToolResult Up(DockerComposeUpSettings settings) =>
        Execute(settings, Command(settings, "up")
            .AppendValue("-d")
            .AppendFlag("--build", settings.Build == ComposeBuildMode.Build)
            .AppendFlag("--no-build", settings.Build == ComposeBuildMode.NoBuild)
            .AppendValues(settings.Services));

    public ToolResult Ps(DockerComposePsSettings settings) =>
        Execute(settings, Command(settings, "ps")
            .AppendFlag("-q", settings.Quiet)
            .AppendFlag("-a", settings.All)
            .AppendValues(settings.Services), new ToolInvocation { CaptureOutput = true });

    public ToolResult Logs(DockerComposeLogsSettings settings) =>
        Execute(settings, Command(settings, "logs")
            .AppendValue("--no-color")
            .AppendOptionIfSet("--tail", settings.Tail?.ToString(CultureInfo.InvariantCulture))
            .AppendValues(settings.Services));

    public ToolResult Down(DockerComposeDownSettings settings) =>
        Execute(settings, Command(settings, "down")
            .AppendFlag("-v", settings.RemoveVolumes)
            .AppendFlag("--remove-orphans", settings.RemoveOrphans));

    /// <summary>State and health of every container of the project (stopped ones included), via <c>docker inspect</c>.</summary>
    public IReadOnlyList<ContainerStatus> ContainerStatuses(DockerComposeSettings settings)
    {
        var ps = new DockerComposePsSettings
        {
            Files = settings.Files,
            ProjectName = settings.ProjectName,
            Variant = settings.Variant,
            EnvironmentVariables = settings.EnvironmentVariables,
            WorkingDirectory = settings.WorkingDirectory,
            All = true,
        };
        var ids = Ps(ps).Lines;
        return ids.Count == 0
            ? []
            : ContainerStatusParser.Parse(new DockerRunner(Context).Inspect(ids, ContainerStatusParser.Format, new DockerSettings()).StandardOutput);
    }

    private ProcessArgumentBuilder Command(DockerComposeSettings settings, string command)
    {
        _variant = DetectVariant(settings) ?? throw new CakeException($"Missing tool 'docker compose': {DockerComposeSettings.Spec.InstallHint}");
        var arguments = new ProcessArgumentBuilder();
        if (_variant == ComposeVariant.Plugin)
        {
            arguments.Append("compose");
        }
        foreach (var file in settings.Files)
        {
            arguments.AppendPathOption("-f", file, Environment);
        }
        arguments.AppendOptionIfSet("-p", settings.ProjectName);
        arguments.Append(command);
        return arguments;
    }

    private FilePath? ExistingPath(FilePath? path) =>
        path is not null && Context.FileSystem.Exist(path.MakeAbsolute(Environment)) ? path.MakeAbsolute(Environment) : null;

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
