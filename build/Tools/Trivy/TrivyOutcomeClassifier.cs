using System.Text.RegularExpressions;

namespace Build.Tools.Trivy;

/// <summary>
/// Tells "found vulnerabilities" from "could not scan": trivy exits 1 for both when <c>--exit-code 1</c> is set,
/// but a failed run logs a FATAL line.
/// </summary>
public static partial class TrivyOutcomeClassifier
{
    public static TrivyScanResult Classify(ToolResult result, int? vulnerabilityExitCode)
    {
        var fatal = result.StandardError.Where(line => line.Contains("FATAL", StringComparison.Ordinal)).ToList();
        if (result.ExitCode == 0 && fatal.Count == 0)
        {
            return new TrivyScanResult(result, TrivyOutcome.Passed, null);
        }
        if (fatal.Count == 0 && vulnerabilityExitCode is { } expected && result.ExitCode == expected)
        {
            return new TrivyScanResult(result, TrivyOutcome.VulnerabilitiesFound, "trivy found vulnerabilities at or above the requested severity");
        }
        // Progress lines mention the database too ("Downloading vulnerability DB..."): judge by the error lines only.
        var errors = result.StandardError.Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).ToList();
        var evidence = fatal.Count > 0 ? fatal : errors.Count > 0 ? errors : result.StandardError;
        var detail = evidence.LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "no error output";
        return evidence.Any(line => DatabaseProblem().IsMatch(line))
            ? new TrivyScanResult(result, TrivyOutcome.DatabaseUnreachable, $"vulnerability database unreachable: {detail}")
            : new TrivyScanResult(result, TrivyOutcome.Failed, $"trivy failed (exit code {result.ExitCode}): {detail}");
    }

    [GeneratedRegex(@"vulnerability db|db error|download\w*\s.*\bdb\b|\bdb\b.*download|oci artifact|dial tcp|no such host|i/o timeout|connection refused|tls handshake", RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseProblem();
}
