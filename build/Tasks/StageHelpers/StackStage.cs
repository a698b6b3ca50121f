namespace Build.Tasks.StageHelpers;

/// <summary>
/// A stage that tests against the compose stack of the built images; the stack comes down after it, whatever happened.
/// </summary>
public abstract class StackStage : FrostingTask<BuildContext>
{
    private ComposeStack? _stack;

    public override void Finally(BuildContext context)
    {
        _stack?.Stop();
        _stack = null;
    }

    // CI runs the v2 plugin; v1 has no `up --wait` and names containers differently, so a local pass on v1 proves
    // another code path. Refused with the reason instead of taken silently (issue #23).
    private static readonly ToolRequirement ComposeV2 = new(
        "docker compose (v2)",
        "CI runs Compose v2 (docker compose); this machine has only docker-compose v1: run " +
            "scripts/install-docker-plugins.sh " +
        $"(Debian trixie's plugin into {DockerPlugins.ConfigFolder}/cli-plugins, which the host uses when " +
            $"DOCKER_CONFIG is unset) or install Docker's compose plugin",
        context => context.DockerComposeVariant() is not ComposeVariant.Standalone);

    /// <summary>
    /// Checks the engine and Compose v2, which every stack needs, then the stage's own <paramref name="tools"/>.
    /// </summary>
    protected static void EnsureTools(BuildContext context, params ToolRequirement[] tools) =>
        ToolPreflight.Ensure(context,
            [DockerSettings.EngineRequirement, DockerComposeSettings.Spec.Requirement(), ComposeV2, .. tools]);

    /// <summary>
    /// Starts <paramref name="stack"/> once the images are in the engine and <paramref name="reports"/> is empty.
    /// </summary>
    protected void Start(BuildContext context, ContainerSettings settings, ComposeStack stack, DirectoryPath reports)
    {
        LocalImages.EnsurePresent(context, settings);
        ReportFolder.Reset(context, reports);
        _stack = stack;
        stack.Start(settings.Stack.Timeout);
    }
}
