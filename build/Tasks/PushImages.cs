using Build.Containers;
using Build.Frosting;
using Build.Settings;
using Build.Tools;
using Build.Tools.Docker;
using Cake.Common.Diagnostics;

namespace Build.Tasks;

[TaskName("Push-Images")]
public sealed class PushImages : FrostingTask<BuildContext>
{
    private string? _loggedInTo;

    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid("Push-Images", settings.PushProblems());
        ToolPreflight.Ensure(context, [DockerEngineRunner.EngineRequirement(ContainerSettings.EngineHint, context.DryRun), .. EcrLogin.Requirements(settings)]);
        LocalImages.EnsurePresent(context, settings, LocalImages.AllTags(settings));
        LogIn(context, settings);

        ImagePublisher.PushAndRecord(context, settings);
    }

    public override void Finally(BuildContext context)
    {
        // The token must not stay in the runner's docker config after the job.
        if (_loggedInTo is { } registry)
        {
            new DockerRunner(context.FileSystem, context.Environment, HostProcesses.Teardown(context), context.Tools, context.Log)
                .Logout(registry, new DockerSettings { ThrowOnNonZeroExit = false });
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
            Password = Environment.GetEnvironmentVariable(EnvVars.GitHubToken) ?? string.Empty,
        });
    }
}
