using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Npm;

[CakeAliasCategory("Npm")]
public static class NpmAliases
{
    /// <summary>
    /// <c>npm ci --no-audit --no-fund --prefer-offline</c>: a clean install exactly as the lock file says (auditing is
    /// its own stage).
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult NpmCi(this ICakeContext context, NpmSettings settings) =>
        NpmSettings.Spec.For(context).Run(settings, Command("ci", "--no-audit", "--no-fund", "--prefer-offline"));

    [CakeMethodAlias]
    public static ToolResult NpmRun(this ICakeContext context, NpmRunSettings settings)
    {
        var arguments = Command("run").AppendValue(Require.Value(settings.Script, "NpmRunSettings.Script", "build"));
        if (settings.Arguments.Count > 0)
        {
            arguments.Append("--");
            arguments.AppendValues(settings.Arguments);
        }
        return NpmSettings.Spec.For(context).Run(settings, arguments);
    }

    /// <summary>
    /// <c>npm audit --audit-level=&lt;level&gt; --json</c>. Never throws: read <see cref="NpmAuditResult.Outcome"/>; a
    /// registry error body is <see cref="NpmAuditOutcome.AuditUnavailable"/>.
    /// </summary>
    [CakeMethodAlias]
    public static NpmAuditResult NpmAudit(this ICakeContext context, NpmAuditLevel level, NpmSettings settings,
        bool omitDev = false)
    {
        // --omit=dev: only the dependencies the shipped bundle is built from (npm's docs of `npm audit`, "omit").
        var arguments =
            Command("audit").AppendOption("--audit-level", level.ToWire(), "=").AppendFlag("--omit=dev",
            omitDev).Append("--json");
        return Judge(
            NpmSettings.Spec.For(context).Run(settings, arguments,
            new ToolInvocation { CaptureOutput = true, ThrowOnNonZeroExit = false }));
    }

    /// <summary>
    /// <c>npx --no-install &lt;command&gt; [args]</c>, e.g. <c>playwright test</c>: a missing package (a typo) must
    /// fail, not download code.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult Npx(this ICakeContext context, NpxSettings settings) =>
        NpxSettings.Spec.For(context).Run(settings, Command("--no-install")
        .AppendValue(Require.Value(settings.Command, "NpxSettings.Command", "playwright"))
        .AppendValues(settings.Arguments));

    /// <summary>
    /// A registry that cannot audit still prints JSON (npm 7+), with an <c>error</c> object (npm mirrors answer 405):
    /// that must count as a failure, not as "no vulnerabilities".
    /// </summary>
    private static NpmAuditResult Judge(ToolResult result)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(result.Output);
        }
        catch (JsonException)
        {
            return new NpmAuditResult(result, NpmAuditOutcome.Failed, new Dictionary<string, int>(),
                $"npm audit printed no JSON report (exit code {result.ExitCode})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                var text = NonEmpty(root.Text("message")) ?? NonEmpty(error.Text("summary"))
                    ?? NonEmpty(error.Text("detail"))
                    ?? "the registry returned an error without details";
                return new NpmAuditResult(result, NpmAuditOutcome.AuditUnavailable, new Dictionary<string, int>(),
                    $"npm audit could not run: {text}");
            }
            var counts = root.TryGetProperty("metadata", out var metadata)
                ? metadata.Entries("vulnerabilities").Where(
                    entry => entry.Value.ValueKind == JsonValueKind.Number).ToDictionary(entry => entry.Name,
                    entry => entry.Value.GetInt32(), StringComparer.Ordinal)
                : new Dictionary<string, int>(StringComparer.Ordinal);
            return result.ExitCode == 0
                ? new NpmAuditResult(result, NpmAuditOutcome.Passed, counts, null)
                : new NpmAuditResult(result, NpmAuditOutcome.VulnerabilitiesFound, counts,
                    $"npm audit found vulnerabilities: {Summary(counts)}");
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Summary(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "no counts in the report"
            : string.Join(", ",
            counts.Where(pair => pair.Key != "total" && pair.Value > 0).Select(pair => $"{pair.Value} {pair.Key}"));
}
