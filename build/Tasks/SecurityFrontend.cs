using Build.Security;
using Build.Tasks.Code;
using Build.Tools.Npm;

namespace Build.Tasks;

/// <summary>
/// npm audit's critical advisories fail the stage unless the triage file accepts them. The audit needs the registry's
/// audit service; when it does not answer (a mirror's 405) nothing was audited, which fails the stage instead of passing it.
/// </summary>
[TaskName("Security-Frontend")]
public sealed class SecurityFrontend : FrostingTask<BuildContext>
{
    private const string ReportFile = "npm-audit.json";
    private const NpmAuditLevel FailLevel = NpmAuditLevel.Critical;

    public override void Run(BuildContext context)
    {
        var settings = CodeSettings.From(context);
        var frontend = settings.RequireFrontend();
        if (!File.Exists(frontend.CombineWithFilePath("package-lock.json").FullPath))
        {
            throw new CakeException($"No package-lock.json in {frontend.FullPath}: npm audit checks the locked versions. Run 'npm install' there and commit the lock file.");
        }
        var reports = context.ArtifactDirectory(SovdPipeline.FrontendSecurityReports);
        ToolPreflight.Ensure(context, NpmRunner.Spec.Requirement(), NodeRuntime.Requirement(SovdPipeline.NodeVersion));
        var triage = Triage.Load(context);

        ReportFolder.Reset(context, reports);
        var audit = context.NpmAudit(new NpmAuditSettings { WorkingDirectory = frontend, AuditLevel = FailLevel });
        if (context.DryRun)
        {
            context.Information("{0}", $"[dry-run] would fail on {FailLevel.ToWire()} advisories not triaged in {triage.Path}");
            return;
        }
        var report = reports.CombineWithFilePath(ReportFile).FullPath;
        File.WriteAllText(report, audit.Json);
        Judge(context, audit, report, triage);
    }

    private static void Judge(BuildContext context, NpmAuditResult audit, string report, TriageFile triage)
    {
        var counts = audit.Vulnerabilities.Count == 0
            ? "no counts"
            : string.Join(", ", audit.Vulnerabilities.Where(pair => pair.Key != "total").Select(pair => $"{pair.Value} {pair.Key}"));
        switch (audit.Outcome)
        {
            case NpmAuditOutcome.Passed:
                context.Information("{0}", $"npm audit: nothing at or above {FailLevel.ToWire()} ({counts}; report: {report})");
                return;
            case NpmAuditOutcome.VulnerabilitiesFound:
                var verdict = TriageVerdict.Of(ScannerFindings.NpmAudit, ScannerFindings.From(NpmAuditAdvisory.AtOrAbove(audit.Json, FailLevel)), triage);
                TriageSummary.Report(context, "Security-Frontend", [verdict]);
                if (verdict.New.Count == 0 && verdict.Triaged.Count == 0)
                {
                    var packages = NpmAuditPackages.AtOrAbove(audit.Json, FailLevel);
                    throw new CakeException($"Security-Frontend failed: npm audit found {FailLevel.ToWire()} vulnerabilities " +
                        $"in {string.Join(", ", packages.DefaultIfEmpty("(no package named)"))} but named no advisory ({counts}; report: {report}).");
                }
                if (verdict.Failure is { } failure)
                {
                    throw new CakeException($"Security-Frontend failed: {failure} (npm audit fix updates within the allowed ranges; {counts}; report: {report})");
                }
                context.Information("{0}", $"npm audit: every {FailLevel.ToWire()} advisory is triaged ({counts}; report: {report})");
                return;
            case NpmAuditOutcome.AuditUnavailable:
                throw new CakeException($"Security-Frontend failed: the npm audit service is unreachable ({audit.Message}). " +
                    "Nothing was audited, so this is not a pass; run it where the registry answers audit requests (registry.npmjs.org).");
            default:
                throw new CakeException($"Security-Frontend failed: {audit.Message} (npm's output is above; report: {report}).");
        }
    }
}
