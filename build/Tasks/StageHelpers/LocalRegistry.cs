namespace Build.Tasks.StageHelpers;

/// <summary>A rehearsal never publishes: the registry must be on this machine and answer. A dry run does not ask it.</summary>
internal static class LocalRegistry
{
    public static IEnumerable<string> Problems(BuildContext context, ContainerSettings settings)
    {
        var host = settings.Registry.Split(':')[0];
        if (host is not ("127.0.0.1" or "localhost"))
        {
            yield return $"{SovdPipeline.Rehearse.Name} pushes only to a local registry, not {settings.Registry}: " +
                $"drop --{ArgumentNames.Registry} (default {ContainerSettings.LocalRegistry}); {SovdPipeline.PushImages.Name} publishes.";
        }
        else if (!context.DryRun && !Answers(settings.Registry))
        {
            yield return $"No registry answers at http://{settings.Registry}/v2/: {ContainerSettings.EngineHint}.";
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
