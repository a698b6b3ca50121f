namespace Build.Tasks;

[TaskName(TargetNames.PushImages)]
public sealed class PushImages : FrostingTask<BuildContext>
{
    private readonly RegistryLogin _login = new();

    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid(SovdPipeline.PushImages.Name, settings.PushProblems(context));
        _login.TakeToken(context);
        // An ECR registry needs the AWS CLI for its login password.
        ToolPreflight.Ensure(context, settings.Registry.Ecr is null
            ? [DockerSettings.EngineRequirement]
            : [DockerSettings.EngineRequirement, AwsSettings.Spec.Requirement()]);
        LocalImages.EnsurePresent(context, settings, allTags: true);
        _login.LogIn(context, settings);

        // In GitHub Actions latest follows only the pushes production deploys from (Deploy-Production's branch, main),
        // so an image from develop never becomes latest. Locally (the local registry) every push moves it.
        // Build-Images still tags latest in the engine; that tag never leaves the runner (the layer cache is the
        // buildcache tag).
        var pushLatest = context.Argument(ArgumentNames.PushLatest,
            !context.IsGitHubActions || CiTrigger.SkipReason(context, SovdPipeline.DeployProduction) is null);
        if (!pushLatest)
        {
            context.Information(
                $"Not moving the latest tags: they follow {SovdPipeline.DeployProduction.When.Summary} only " +
                $"(--{ArgumentNames.PushLatest}=true overrides)");
        }
        ImagePublisher.PushAndRecord(context, settings, pushLatest);
        if (settings.LayerCache)
        {
            // The only writer of the layer cache: this job runs for pushes to the protected branches only.
            foreach (var image in settings.Images)
            {
                LayerCache.Save(context, image);
            }
        }
    }

    public override void Finally(BuildContext context) => _login.LogOut(context);
}
