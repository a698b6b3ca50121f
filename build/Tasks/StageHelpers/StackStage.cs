namespace Build.Tasks.StageHelpers;

/// <summary>A stage that tests against the compose stack of the built images; the stack comes down after it, whatever happened.</summary>
public abstract class StackStage : FrostingTask<BuildContext>
{
    private ComposeStack? _stack;

    public override void Finally(BuildContext context)
    {
        _stack?.Stop();
        _stack = null;
    }

    /// <summary>Checks the engine and compose, which every stack needs, then the stage's own <paramref name="tools"/>.</summary>
    protected static void EnsureTools(BuildContext context, params ToolRequirement[] tools) =>
        ToolPreflight.Ensure(context, [DockerSettings.EngineRequirement, DockerComposeSettings.Spec.Requirement(), .. tools]);

    /// <summary>Starts <paramref name="stack"/> once the images are in the engine and <paramref name="reports"/> is empty.</summary>
    protected void Start(BuildContext context, ContainerSettings settings, ComposeStack stack, DirectoryPath reports)
    {
        LocalImages.EnsurePresent(context, settings);
        ReportFolder.Reset(context, reports);
        _stack = stack;
        stack.Start(settings.StackTimeout);
    }
}
