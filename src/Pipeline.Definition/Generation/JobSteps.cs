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
        yield return Checkout();
        foreach (var step in DotnetSteps(stage, settings))
        {
            yield return step;
        }

        foreach (var step in stage.Toolchains.SelectMany(t => ToolchainSteps.For(t, settings.AppRoot, cache: !stage.Releases)))
        {
            yield return step;
        }

        foreach (var artifact in stage.Downloads)
        {
            yield return Download(artifact);
        }

        if (stage.AwsRole is { } role)
        {
            yield return AssumeAwsRole(role);
        }

        yield return RunTask(stage);
        foreach (var artifact in stage.Uploads)
        {
            yield return Upload(artifact);
        }

        if (stage.CodeScanningReport is { } report)
        {
            yield return UploadSarif(report);
        }

        if (stage.Coverage is { } coverage)
        {
            yield return UploadCoverage(coverage);
        }
    }

    private static ActionStep Checkout() => new("Check out", Actions.Checkout)
    {
        With = Pairs(("persist-credentials", "false")),
    };

    private static IEnumerable<Step> DotnetSteps(Stage stage, PipelineSettings settings)
    {
        yield return new ActionStep("Set up .NET", Actions.SetupDotnet)
        {
            With = Pairs(("global-json-file", settings.DotnetVersionFile)),
        };
        if (!stage.Releases)
        {
            yield return new ActionStep("Cache NuGet packages", Actions.Cache)
            {
                With = Pairs(
                    ("path", "~/.nuget/packages"),
                    ("key", "nuget-${{ runner.os }}-${{ hashFiles('global.json', 'Directory.Packages.props', '**/*.csproj') }}"),
                    ("restore-keys", "nuget-${{ runner.os }}-")),
            };

            // build.sh runs a restored host whose inputs hash the same instead of building it again in every job.
            yield return new ActionStep("Cache the build host", Actions.Cache)
            {
                With = Pairs(
                    ("path", ".build/host"),
                    ("key", "build-host-${{ runner.os }}-${{ hashFiles('global.json', 'Directory.Build.props', 'Directory.Packages.props', 'build/**', 'src/**') }}")),
            };
        }
    }

    private static RunStep RunTask(Stage stage)
    {
        var arguments = string.Join(' ', new[] { $"--target={stage.Name}", "--exclusive" }.Concat(stage.CiArguments));
        return new RunStep($"Run {stage.Name}", $"./build.sh {arguments}")
        {
            Env = ImmutableSortedDictionary.CreateRange(
                stage.JobSecrets.Select(s => KeyValuePair.Create(s.EnvironmentVariable, $"${{{{ secrets.{s.SecretName} }}}}"))),
        };
    }

    // Short-lived credentials from GitHub's OIDC token (the job's id-token: write); the role's ARN is a variable, not a key.
    private static ActionStep AssumeAwsRole(AwsRole role) => new("Assume the AWS role", Actions.ConfigureAwsCredentials)
    {
        With = Pairs(("aws-region", role.Region), ("role-to-assume", role.RoleArnExpression)),
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
            ("if-no-files-found", artifact.When == UploadWhen.OnSuccess ? "error" : "ignore")),
    };

    private static ActionStep UploadSarif(Artifact report) => new("Upload SARIF to code scanning", Actions.UploadSarif)
    {
        If = $"always() && hashFiles('{report.Path}/*.sarif') != ''",
        With = Pairs(("sarif_file", report.Path)),
    };

    // Tokenless upload (public repository): a coverage service outage must not fail the pipeline.
    private static ActionStep UploadCoverage(CoverageReport coverage) => new($"Upload {coverage.Flag} coverage", Actions.Codecov)
    {
        With = Pairs(
            ("files", coverage.Path),
            ("flags", coverage.Flag),
            ("disable_search", "true"),
            ("fail_ci_if_error", "false")),
    };

    internal static ImmutableSortedDictionary<string, string> Pairs(params (string Key, string Value)[] pairs) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
}
