using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Trivy;

[CakeAliasCategory("Trivy")]
public static partial class TrivyAliases
{
    /// <summary>
    /// <c>trivy image --severity … --format sarif --output f &lt;image&gt;</c>; check
    /// <see cref="TrivyScanResult.Outcome"/>. stderr is captured (and echoed) so a database failure is reported as
    /// such, never as a pass.
    /// </summary>
    [CakeMethodAlias]
    public static TrivyScanResult TrivyImage(this ICakeContext context, TrivySettings settings)
    {
        var arguments = Command("image")
            .AppendOptionIfSet("--severity",
                string.Join(',', settings.Severities.Distinct().Select(severity => severity.ToWire())))
            .AppendOptionIfSet("--format", settings.Format?.ToWire())
            .AppendPathOption("--output", settings.OutputFile, context.Environment)
            .AppendFlag("--ignore-unfixed", settings.IgnoreUnfixed)
            .AppendFlag("--skip-db-update", settings.SkipDbUpdate)
            .AppendValue(Require.Value(settings.Image, "TrivySettings.Image", "ghcr.io/owner/app:1.2.3"));
        return Classify(
            TrivySettings.Spec.For(context).Run(settings, arguments,
            new ToolInvocation { CaptureError = true, EchoCaptured = true, ThrowOnNonZeroExit = false }));
    }

    /// <summary>Tells "scanned" from "could not scan": a failed run logs a FATAL line or exits non-zero.</summary>
    private static TrivyScanResult Classify(ToolResult result)
    {
        var fatal = result.StandardError.Where(line => line.Contains("FATAL", StringComparison.Ordinal)).ToList();
        if (result.ExitCode == 0 && fatal.Count == 0)
        {
            return new TrivyScanResult(result, TrivyOutcome.Passed, null);
        }
        // Progress lines mention the database too ("Downloading vulnerability DB..."): judge by the error lines only.
        var errors =
            result.StandardError.Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).ToList();
        var evidence = fatal.Count > 0 ? fatal : errors.Count > 0 ? errors : result.StandardError;
        var detail = evidence.LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "no error output";
        return evidence.Any(line => DatabaseProblem().IsMatch(line))
            ? new TrivyScanResult(result, TrivyOutcome.DatabaseUnreachable,
                $"vulnerability database unreachable: {detail}")
            : new TrivyScanResult(result, TrivyOutcome.Failed, $"trivy failed (exit code {result.ExitCode}): {detail}");
    }

    [GeneratedRegex(
        @"vulnerability db|db error|download\w*\s.*\bdb\b|\bdb\b.*download|oci artifact|dial tcp|no such host|" +
        @"i/o timeout|connection refused|tls handshake",
        RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseProblem();
}

public sealed record TrivyScanResult(ToolResult Result, TrivyOutcome Outcome, string? Message)
{
    public bool Passed => Outcome == TrivyOutcome.Passed;
}

public enum TrivyOutcome
{
    /// <summary>The scan completed: findings are judged from its report.</summary>
    Passed,

    /// <summary>trivy could not get its vulnerability database: nothing was checked, so this is never a pass.</summary>
    DatabaseUnreachable,

    /// <summary>trivy failed for another reason (image not found, bad flag…).</summary>
    Failed,
}
