namespace Build.Tasks;

[TaskName(TargetNames.PushImages)]
public sealed class PushImages : FrostingTask<BuildContext>
{
    private string? _loggedInTo;

    /// <summary>
    /// In GitHub Actions <c>latest</c> follows only the pushes production deploys from (Deploy-Production's branch, main),
    /// so an image from develop never becomes <c>latest</c>. Locally (the local registry) every push moves it.
    /// Build-Images still tags <c>latest</c> locally: that tag is the layer cache's name and never leaves the runner.
    /// </summary>
    private static bool PushesLatest(BuildContext context) =>
        context.Argument(ArgumentNames.PushLatest, !context.IsGitHubActions || CiTrigger.SkipReason(context, SovdPipeline.DeployProduction) is null);

    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid(SovdPipeline.PushImages.Name, settings.PushProblems(context));
        ToolPreflight.Ensure(context, [DockerSettings.EngineRequirement, .. EcrLogin.Requirements(settings)]);
        LocalImages.EnsurePresent(context, settings, allTags: true);
        LogIn(context, settings);

        var pushLatest = PushesLatest(context);
        if (!pushLatest)
        {
            context.Information($"Not moving the latest tags: they follow {SovdPipeline.DeployProduction.When.Summary} only (--{ArgumentNames.PushLatest}=true overrides)");
        }
        ImagePublisher.PushAndRecord(context, settings, pushLatest);
    }

    public override void Finally(BuildContext context)
    {
        // The token must not stay in the runner's docker config after the job.
        if (_loggedInTo is { } registry)
        {
            context.DockerLogout(registry, new DockerSettings { ThrowOnNonZeroExit = false, Teardown = true });
            _loggedInTo = null;
        }
    }

    private void LogIn(BuildContext context, ContainerSettings settings)
    {
        if (!settings.LogIn)
        {
            context.Information($"Using the existing docker login for {settings.Registry}, if any (a local registry needs none)");
            return;
        }
        if (settings.Ecr is { } ecr)
        {
            EcrLogin.LogIn(context, ecr);
            _loggedInTo = settings.Registry;
            return;
        }
        _loggedInTo = settings.Registry;
        context.DockerLogin(new DockerLoginSettings
        {
            Registry = settings.Registry,
            Username = settings.RegistryUser,
            Password = context.Environment.GetEnvironmentVariable(EnvVars.GitHubToken) ?? string.Empty,
        });
    }
}
