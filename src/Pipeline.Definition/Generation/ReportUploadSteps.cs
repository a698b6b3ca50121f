using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;
using static Pipeline.Definition.Generation.JobSteps;

namespace Pipeline.Definition.Generation;

/// <summary>
/// Uploads of reports to services outside the pipeline (code scanning, Codecov). They never block a release: a failed
/// upload marks its step failed (continue-on-error) and leaves a warning on the run, and the report stays in the
/// stage's artifact.
/// </summary>
public static class ReportUploadSteps
{
    public const string SarifStepId = "sarif";
    public const string CodecovAudience = "https://codecov.io";

    /// <summary>
    /// Needs <c>security-events: write</c>, and <c>actions: read</c> on private repositories; fails when code
    /// scanning is off for the repository, which must not stop the images from shipping.
    /// </summary>
    public static IEnumerable<Step> Sarif(Artifact report)
    {
        yield return new ActionStep("Upload SARIF to code scanning", Actions.UploadSarif)
        {
            Id = SarifStepId,
            If = $"always() && hashFiles('{report.Path}/*.sarif') != ''",
            ContinueOnError = true,
            With = Pairs(("sarif_file", report.Path)),
        };
        yield return new RunStep(
            "Warn when code scanning refused the SARIF",
            $"echo \"::warning title=SARIF not uploaded::is code scanning enabled? The findings are in the {report.Name} artifact.\"")
        {
            If = $"always() && steps.{SarifStepId}.outcome == 'failure'",
        };
    }

    /// <summary>
    /// Codecov with the job's OIDC token (<c>id-token: write</c> on this job only), so no upload token is stored.
    /// Pull requests from forks get no OIDC token: the step says so and skips.
    /// </summary>
    public static RunStep Coverage(CoverageReport coverage) => new($"Upload {coverage.Flag} coverage",
        $$"""
        report={{coverage.Path}}
        if [ -z "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ]; then
          echo "::warning title=Coverage not uploaded::no OIDC token (a pull request from a fork); see the {{coverage.Reports.Name}} artifact."
          exit 0
        fi
        token="$(curl -fsS -H "Authorization: bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}" \
          "${ACTIONS_ID_TOKEN_REQUEST_URL}&audience={{CodecovAudience}}" | jq -r .value)"
        echo "::add-mask::${token}"
        export CODECOV_TOKEN="${token}"
        if ! pipx run --spec {{CoverageUploader.Package}}=={{CoverageUploader.Version}} codecovcli --auto-load-params-from GithubActions \
          upload-process --disable-search --fail-on-error --file "${report}" --flag {{coverage.Flag}}; then
          echo "::warning title=Coverage not uploaded::Codecov refused the {{coverage.Flag}} report; see the {{coverage.Reports.Name}} artifact."
          exit 1
        fi

        """)
    {
        ContinueOnError = true,
    };
}
