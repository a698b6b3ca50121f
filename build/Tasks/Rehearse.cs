namespace Build.Tasks;

/// <summary>
/// A local dress rehearsal of the release path: its dependencies (lint, unit tests, images, integration, E2E) come
/// from the definition; this task then pushes to the local registry and prints how long every stage took.
/// </summary>
[TaskName(TargetNames.Rehearse)]
public sealed class Rehearse : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid(SovdPipeline.Rehearse.Name, LocalRegistryProblems(context, settings));
        if (context.Argument(ArgumentNames.Isolated, false))
        {
            // Every stage in a clean checkout of its own, as GitHub runs the jobs (build/Rehearsal).
            IsolatedRehearsal.Run(context);
            return;
        }

        ToolPreflight.Ensure(context, DockerSettings.EngineRequirement);
        LocalImages.EnsurePresent(context, settings, allTags: true);

        var clock = Stopwatch.StartNew();
        ImagePublisher.PushAndRecord(context, settings);
        var push = new StageTime($"push to {settings.Registry.Host}", clock.Elapsed, "ok");
        var stages = StageTimings.Finished.Append(push).ToList();
        if (!StageTimings.IsActive)
        {
            context.Warning(
                "No stage times were recorded: the host needs .UseTaskLifetime<StageTimings>() in build/Program.cs.");
        }
        context.Information("Rehearsal finished:\n" + StageTimings.Table(stages));
    }

    // A rehearsal never publishes: the registry must be on this machine and answer. A dry run does not ask it.
    private static IEnumerable<string> LocalRegistryProblems(BuildContext context, ContainerSettings settings)
    {
        var host = settings.Registry.Host.Split(':')[0];
        if (host is not ("127.0.0.1" or "localhost"))
        {
            yield return $"{SovdPipeline.Rehearse.Name} pushes only to a local registry, " +
                $"not {settings.Registry.Host}: drop --{ArgumentNames.Registry} " +
                $"(default {ContainerSettings.LocalRegistry}); {SovdPipeline.PushImages.Name} publishes.";
        }
        else if (!context.DryRun && !Answers(settings.Registry.Host))
        {
            yield return $"No registry answers at http://{settings.Registry.Host}/v2/: {DockerSettings.EngineHint}.";
        }
    }

    private static bool Answers(string registry)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return http.GetAsync(new Uri($"http://{registry}/v2/")).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
