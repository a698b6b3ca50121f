using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;
using static Pipeline.Definition.Generation.JobSteps;

namespace Pipeline.Definition.Generation;

/// <summary>
/// The build-host and NuGet caches of a non-releasing job, split into restore and save so that a cache is saved only
/// by the job that filled it: the host caches by the one stage marked <see cref="Stage.SavesHostCache"/>, the solution's
/// packages by the stage that restores the solution. Host-only and solution packages have their own keys.
/// </summary>
public static class DotnetCacheSteps
{
    public const string DotnetStepId = "dotnet";
    public const string HostCacheId = "host-cache";
    public const string NuGetCacheId = "nuget-cache";

    // *.props: Directory.Build.props and Directory.Packages.props at the root (short enough for yamllint's line length).
    private const string HostInputs = "'global.json', '*.props', 'build/**', 'src/**'";
    private const string HostMissed = $"steps.{HostCacheId}.outputs.cache-hit != 'true'";
    private const string NuGetMissed = $"steps.{NuGetCacheId}.outputs.cache-hit != 'true'";

    public static IEnumerable<Step> Restore(Stage stage)
    {
        // The host is built by the SDK setup-dotnet resolved from global.json; a new SDK (roll-forward) is a new host.
        yield return new ActionStep("Restore the build host", Actions.CacheRestore)
        {
            Id = HostCacheId,
            With = Pairs(
                ("path", ".build/host"),
                ("key", $"build-host-${{{{ runner.os }}}}-${{{{ steps.{DotnetStepId}.outputs.dotnet-version }}}}-${{{{ hashFiles({HostInputs}) }}}}")),
        };

        var (prefix, projects) = NuGetKey(stage.Restores);
        yield return new ActionStep("Restore NuGet packages", Actions.CacheRestore)
        {
            Id = NuGetCacheId,
            // A restored host needs no packages; the solution's tests always do.
            If = stage.Restores == NuGetRestore.Host ? HostMissed : null,
            With = Pairs(
                ("path", "~/.nuget/packages"),
                ("key", $"{prefix}-${{{{ runner.os }}}}-${{{{ hashFiles('global.json', '*.props', {projects}) }}}}"),
                ("restore-keys", $"{prefix}-${{{{ runner.os }}}}-")),
        };
    }

    /// <summary>Runs after the stage's task succeeded, under the key the restore step computed before the task.</summary>
    public static IEnumerable<Step> Save(Stage stage)
    {
        if (stage.Restores == NuGetRestore.Solution)
        {
            yield return SaveStep("Save NuGet packages", "~/.nuget/packages", NuGetCacheId, NuGetMissed);
        }

        if (stage.SavesHostCache)
        {
            if (stage.Restores == NuGetRestore.Host)
            {
                yield return SaveStep("Save NuGet packages", "~/.nuget/packages", NuGetCacheId, $"{HostMissed} && {NuGetMissed}");
            }

            yield return SaveStep("Save the build host", ".build/host", HostCacheId, HostMissed);
        }
    }

    private static (string Prefix, string Projects) NuGetKey(NuGetRestore restores) => restores switch
    {
        // Every restore input, the imported props too: build/CakeReferences.props holds the Cake.Tool download.
        NuGetRestore.Host => ("nuget-host", "'build/**/*.csproj', 'build/**/*.props', 'src/**/*.csproj'"),
        NuGetRestore.Solution => ("nuget-solution", "'**/*.csproj', '**/*.props'"),
        _ => throw new ArgumentOutOfRangeException(nameof(restores), restores, "unknown NuGet restore"),
    };

    private static ActionStep SaveStep(string name, string path, string restoreId, string condition) => new(name, Actions.CacheSave)
    {
        If = condition,
        With = Pairs(("path", path), ("key", $"${{{{ steps.{restoreId}.outputs.cache-primary-key }}}}")),
    };
}
