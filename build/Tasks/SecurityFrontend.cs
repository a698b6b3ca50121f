namespace Build.Tasks;

/// <summary>
/// npm audit's critical advisories of the shipped dependencies (<c>--omit=dev</c>: the image ships only the bundle
/// built from them) fail the stage unless the triage file accepts them; advisories only in dev dependencies (vite,
/// eslint, vitest…) are reported (log warning, job summary, npm-audit-dev.json) and never block a release. The audit
/// needs the registry's audit service; when it does not answer (a mirror's 405) nothing was audited, which fails the
/// stage instead of passing it.
/// </summary>
[TaskName(TargetNames.SecurityFrontend)]
public sealed class SecurityFrontend : FrostingTask<BuildContext>
{
    private const NpmAuditLevel FailLevel = NpmAuditLevel.Critical;

    public override void Run(BuildContext context)
    {
        var frontend = context.RequireFrontend();
        if (!context.FileSystem.Exist(frontend.CombineWithFilePath("package-lock.json")))
        {
            throw new CakeException(
                $"No package-lock.json in {frontend.FullPath}: npm audit checks the locked versions. Run 'npm " +
                $"install' there and commit the lock file.");
        }
        var reports = context.ArtifactDirectory(SovdPipeline.FrontendSecurityReports);
        ToolPreflight.Ensure(context, NodeModules.Requirements);
        var triage = TriageFile.Load(context);

        ReportFolder.Reset(context, reports);
        var audit = context.NpmAudit(FailLevel, new NpmSettings { WorkingDirectory = frontend }, omitDev: true);
        var report = reports.CombineWithFilePath("npm-audit.json");
        if (context.DryRun || audit.Outcome is NpmAuditOutcome.Passed or NpmAuditOutcome.VulnerabilitiesFound)
        {
            DevAdvisories.Report(context, frontend, audit, reports.CombineWithFilePath("npm-audit-dev.json"),
                FailLevel);
        }
        var counts = audit.Vulnerabilities.Count == 0
            ? "no counts"
            : string.Join(", ",
                audit.Vulnerabilities.Where(pair => pair.Key != "total").Select(pair => $"{pair.Value} {pair.Key}"));
        var details = $"{counts}; report: {report.FullPath}";
        ScanVerdicts.Judge(context, SovdPipeline.SecurityFrontend, triage, $"{FailLevel.ToWire()} advisories",
            failures =>
        {
            ReportFolder.Write(context, report, audit.Json);
            return [Verdict(context, failures, audit, triage, details)];
        }, hint: $"npm audit fix updates within the allowed ranges; {details}");
    }

    private static TriageVerdict? Verdict(BuildContext context, StageFailures failures, NpmAuditResult audit,
        TriageFile triage, string details)
    {
        switch (audit.Outcome)
        {
            case NpmAuditOutcome.Passed:
                context.Information("{0}", $"npm audit: nothing at or above {FailLevel.ToWire()} ({details})");
                return null;
            case NpmAuditOutcome.VulnerabilitiesFound:
                var verdict =
                    TriageVerdict.Of(ScannerFindings.NpmAudit,
                    ScannerFindings.From(NpmAuditAdvisory.AtOrAbove(audit.Json, FailLevel)), triage);
                if (verdict.New.Count == 0 && verdict.Triaged.Count == 0)
                {
                    var packages = NpmAuditPackages.AtOrAbove(audit.Json, FailLevel);
                    failures.Add($"npm audit found {FailLevel.ToWire()} vulnerabilities " +
                        $"in {string.Join(", ", packages.DefaultIfEmpty("(no package named)"))} but named no " +
                            $"advisory ({details}).");
                }
                else if (verdict.Failure is null)
                {
                    context.Information("{0}",
                        $"npm audit: every {FailLevel.ToWire()} advisory is triaged ({details})");
                }
                return verdict;
            case NpmAuditOutcome.AuditUnavailable:
                failures.Add($"the npm audit service is unreachable ({audit.Message}). " +
                    "Nothing was audited, so this is not a pass; run it where the registry answers audit requests " +
                        "(registry.npmjs.org).");
                return null;
            default:
                failures.Add($"{audit.Message} (npm's output is above; {details}).");
                return null;
        }
    }
}
