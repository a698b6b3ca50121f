using System.Collections.Immutable;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Generation;

/// <summary>
/// The steps of a stage's job: check out, set up .NET and the stage's toolchains, fetch what earlier jobs made,
/// run the stage's task through build.sh, then hand on what it made.
/// </summary>
public static class JobSteps
{
    public static IEnumerable<Step> For(Stage stage, PipelineSettings settings)
    {
        yield return Checkout(stage);
        yield return new ActionStep("Set up .NET", Actions.SetupDotnet)
        {
            Id = DotnetCacheSteps.DotnetStepId,
            With = Pairs(("global-json-file", settings.DotnetVersionFile)),
        };

        // Releasing jobs restore no caches at all (cache poisoning) and so never save one either.
        var caches = !stage.Releases;
        foreach (var step in caches ? DotnetCacheSteps.Restore(stage) : [])
        {
            yield return step;
        }

        foreach (var step in stage.Toolchains.SelectMany(t => ToolchainSteps.For(t, settings.AppRoot, cache: caches)))
        {
            yield return step;
        }

        foreach (var artifact in stage.Downloads)
        {
            yield return Download(artifact);
        }

        if (stage.AwsRole is { } role)
        {
            yield return AssumeAwsRole(role, stage);
        }

        yield return RunTask(stage);
        if (stage.RepairOnCancel is { } repair)
        {
            yield return RepairTask(stage, repair);
        }
        foreach (var step in caches ? DotnetCacheSteps.Save(stage) : [])
        {
            yield return step;
        }

        foreach (var artifact in stage.Uploads)
        {
            yield return Upload(artifact);
        }

        foreach (var step in stage.CodeScanningReport is { } report ? ReportUploadSteps.Sarif(report) : [])
        {
            yield return step;
        }

        if (stage.Coverage is { } coverage)
        {
            yield return ReportUploadSteps.Coverage(coverage);
        }
    }

    // A deploy's order guard, and a push's move of latest, ask git whether the running commit is an ancestor of their
    // own: they need the whole history, not actions/checkout's default single commit (fetch-depth 1; 0 fetches all
    // history and tags).
    private static ActionStep Checkout(Stage stage) => new("Check out", Actions.Checkout)
    {
        With = stage.DeployTimeouts is null && stage.PushesTo is null
            ? Pairs(("persist-credentials", "false"))
            : Pairs(("fetch-depth", "0"), ("persist-credentials", "false")),
    };

    private static RunStep RunTask(Stage stage)
    {
        var arguments = string.Join(' ', new[] { $"--target={stage.Name}", "--exclusive" }.Concat(stage.CiArguments));
        return new RunStep($"Run {stage.Name}", $"./build.sh {arguments}")
        {
            Env = ImmutableSortedDictionary.CreateRange(
                Secrets(stage).Select(s => KeyValuePair.Create(s.EnvironmentVariable, $"${{{{ secrets.{s.SecretName} }}}}"))),
        };
    }

    // GitHub runs `if: cancelled()` steps after cancelling the job (for at most 5 minutes), with the job's credentials.
    private static RunStep RepairTask(Stage stage, LocalTarget repair) =>
        new($"Repair {stage.Name} after cancellation", $"./build.sh --target={repair.Name} --exclusive")
        {
            If = "cancelled()",
            Env = RunTask(stage).Env,
        };

    // A deploy that checks its environment's reviewers reads them with the run's token.
    private static IEnumerable<SecretBinding> Secrets(Stage stage) =>
        stage.Environment is { RequiresReviewers: true } && !stage.Secrets.Any(s => s.IsRunToken)
            ? stage.JobSecrets.Append(SecretBinding.GitHubToken)
            : stage.JobSecrets;

    // Short-lived credentials from GitHub's OIDC token (the job's id-token: write); the role's ARN is a variable, not a key.
    // The session lasts the job's whole time budget: the action's default is one hour (AwsRole.SessionSeconds).
    private static ActionStep AssumeAwsRole(AwsRole role, Stage stage) => new("Assume the AWS role", Actions.ConfigureAwsCredentials)
    {
        With = Pairs(
            ("aws-region", role.Region),
            ("role-to-assume", role.RoleArnExpression),
            ("role-duration-seconds", AwsRole.SessionSeconds(stage.TimeoutMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture))),
    };

    private static ActionStep Download(Artifact artifact) => new($"Download {artifact.Name}", Actions.DownloadArtifact)
    {
        With = Pairs(("name", artifact.Name), ("path", artifact.Path)),
    };

    private static ActionStep Upload(Artifact artifact) => new($"Upload {artifact.Name}", Actions.UploadArtifact)
    {
        If = artifact.When switch
        {
            UploadWhen.Always => "always()",
            UploadWhen.OnFailure => "failure()",
            _ => null,
        },
        With = Pairs(
            ("name", artifact.Name),
            ("path", artifact.Path),
            ("retention-days", artifact.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("if-no-files-found", artifact.RequiredWhenUploaded ? "error" : "ignore")),
    };

    internal static ImmutableSortedDictionary<string, string> Pairs(params (string Key, string Value)[] pairs) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
}
