using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Validation;

/// <summary>Who may write to the image registry: never a job that runs a pull request's code.</summary>
public static partial class PipelineValidator
{
    /// <remarks>
    /// A pull request from a branch of the same repository runs with the permissions its jobs declare; only pull
    /// requests from public forks are capped at read (docs.github.com/en/actions/reference/github_token-reference,
    /// "Permissions for the GITHUB_TOKEN", read 2026-12-07). So <c>packages: write</c> on such a job hands unreviewed
    /// code a token that can push any image of the owner, or a poisoned layer cache the next release build imports.
    /// </remarks>
    private static IEnumerable<ValidationError> RegistryWrites(PipelineDefinition pipeline)
    {
        var pullRequests = CriticalPath.EventsOf(pipeline).Where(trigger => !trigger.IsPush && !trigger.IsSchedule)
            .ToList();
        foreach (var stage in pipeline.Stages.Where(stage => pullRequests.Any(stage.When.Matches)))
        {
            if (stage.PushesTo is not null
                || stage.JobPermissions.Grants(PermissionScope.Packages, PermissionAccess.Write))
            {
                yield return new(Describe(stage), "it runs on pull requests and can write to the image registry " +
                    "[pr-write-token]: a same-repository pull request gets the job's token. Run it on push " +
                    "(RunCondition.OnPush), or only read the layer cache (ReadsCacheFrom, packages: read).");
            }
        }

        foreach (var stage in pipeline.Stages.Where(stage => stage.ReadsCacheFrom is not null))
        {
            if (!pipeline.Stages.Any(writer => writer.WritesLayerCache && writer.PushesTo == stage.ReadsCacheFrom))
            {
                yield return new(Describe(stage), $"it reads the layer cache in {stage.ReadsCacheFrom!.Host}, " +
                    "which no stage writes: give the stage that pushes the images (PushesTo) that registry.");
            }
        }
    }
}
