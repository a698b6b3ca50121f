namespace Build.Tasks;

[TaskName(TargetNames.PushImages)]
public sealed class PushImages : FrostingTask<BuildContext>
{
    private string? _loggedInTo;

    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid(SovdPipeline.PushImages.Name, settings.PushProblems(context));
        // An ECR registry needs the AWS CLI for its login password.
        ToolPreflight.Ensure(context, settings.Ecr is null ? [DockerSettings.EngineRequirement] : [DockerSettings.EngineRequirement, AwsSettings.Spec.Requirement()]);
        LocalImages.EnsurePresent(context, settings, allTags: true);
        LogIn(context, settings);

        // In GitHub Actions latest follows only the pushes production deploys from (Deploy-Production's branch, main), so an
        // image from develop never becomes latest. Locally (the local registry) every push moves it. Build-Images still tags
        // latest locally: that tag is the layer cache's name and never leaves the runner.
        var pushLatest = context.Argument(ArgumentNames.PushLatest, !context.IsGitHubActions || CiTrigger.SkipReason(context, SovdPipeline.DeployProduction) is null);
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
