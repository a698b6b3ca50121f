namespace Build.Containers;

/// <summary>The app's compose stack as Test-Integration and Test-E2E start it (<see cref="ComposeStack"/>).</summary>
public sealed record ComposeStackSettings(
    // Host ports of the stack: 0 picks a free port per run, so parallel stacks do not collide.
    int BackendPort,
    int FrontendPort,
    // Covers up plus the wait for healthy services.
    TimeSpan Timeout,
    // Unset, each run gets a unique compose project.
    string? Project,
    FilePath ComposeFile)
{
    public static ComposeStackSettings From(BuildContext context) => new(
        BackendPort: context.Argument(ArgumentNames.BackendPort, 0),
        FrontendPort: context.Argument(ArgumentNames.FrontendPort, 0),
        Timeout: TimeSpan.FromSeconds(context.Argument(ArgumentNames.StackTimeout, 180)),
        Project: context.ArgumentOrNull(ArgumentNames.ComposeProject),
        ComposeFile: context.AppRoot.CombineWithFilePath("docker-compose.yml"));
}
