namespace Build.Tasks;

/// <summary>
/// pip-audit reports known vulnerabilities without a severity (only ids and fixed versions), so any vulnerability not
/// in the triage file fails the stage; Bandit fails it on untriaged high-severity findings. A pip-audit that could not
/// finish (its vulnerability service unreachable) audited nothing and fails the stage too.
/// </summary>
[TaskName(TargetNames.SecurityBackend)]
public sealed class SecurityBackend : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var backend = context.RequireBackend();
        var reports = context.ArtifactDirectory(SovdPipeline.BackendSecurityReports);
        var pipAudit = new PipAuditSettings
        {
            PythonPath = context.HostTools.PythonPath,
            WorkingDirectory = backend,
            RequirementFiles = [backend.CombineWithFilePath("requirements.txt")],
            OutputFile = reports.CombineWithFilePath("pip-audit.json"),
        };
        var banditJson = Bandit(context, backend, reports.CombineWithFilePath("bandit.json"));
        ToolPreflight.Ensure(
            context,
            PipAuditSettings.Spec.Requirement(pipAudit) with { InstallHint = context.PythonInstallHint("pip_audit") },
            BanditSettings.Spec.Requirement(banditJson) with { InstallHint = context.PythonInstallHint("bandit") });
        var triage = TriageFile.Load(context);

        ReportFolder.Reset(context, reports);
        context.Information("{0}", "--- pip-audit ---");
        var audit = context.PipAudit(pipAudit);
        context.Information("{0}", "--- bandit ---");
        // Bandit writes one format per run: the screen report for people, then the JSON the stage judges.
        context.Bandit(Bandit(context, backend, null));
        var scan = context.Bandit(banditJson);
        ScanVerdicts.Judge(context, SovdPipeline.SecurityBackend, triage,
            "pip-audit vulnerabilities and high-severity Bandit findings", failures =>
        [
            PipAuditVerdict(context, failures, audit, pipAudit.OutputFile!, triage),
            BanditVerdict(context, failures, scan, banditJson.OutputFile!, triage),
        ]);
    }

    private static BanditSettings Bandit(BuildContext context, DirectoryPath backend, FilePath? output) => new()
    {
        PythonPath = context.HostTools.PythonPath,
        WorkingDirectory = backend,
        Paths = ["app"],
        OutputFile = output,
    };

    private static TriageVerdict? PipAuditVerdict(BuildContext context, StageFailures failures, ToolResult result,
        FilePath report, TriageFile triage)
    {
        if (!context.FileSystem.Exist(report))
        {
            failures.Add($"pip-audit exited with code {result.ExitCode} without a report: the audit did not complete " +
                "(typically its vulnerability service is unreachable; pip-audit's error is above). Nothing was " +
                    "audited, so this is not a pass.");
            return null;
        }
        var audit = PipAuditJsonReport.Read(report.FullPath);
        context.Information("{0}",
            $"pip-audit: {audit.Dependencies} dependencies, {audit.Vulnerabilities.Count} known vulnerabilities, " +
            $"{audit.Skipped.Count} skipped (report: {report.FullPath})");
        foreach (var skipped in audit.Skipped)
        {
            context.Warning("{0}", $"pip-audit skipped {skipped}");
        }
        if (audit.Vulnerabilities.Count == 0 && !result.Succeeded)
        {
            failures.Add(
                $"pip-audit exited with code {result.ExitCode} but reported no vulnerability: the audit did not " +
                $"complete (its error is above)");
        }
        return TriageVerdict.Of(ScannerFindings.PipAudit, ScannerFindings.From(audit), triage);
    }

    private static TriageVerdict? BanditVerdict(BuildContext context, StageFailures failures, ToolResult result,
        FilePath report, TriageFile triage)
    {
        if (!context.FileSystem.Exist(report))
        {
            failures.Add($"bandit exited with code {result.ExitCode} without a report (its error is above)");
            return null;
        }
        var scan = BanditJsonReport.Read(report.FullPath);
        var high = scan.HighSeverity;
        context.Information("{0}",
            $"Bandit: {scan.Issues.Count} findings, {high.Count} of high severity (report: {report.FullPath})");
        if (scan.Errors.Count > 0)
        {
            failures.Add($"Bandit could not scan {scan.Errors.Count} file(s): {string.Join("; ", scan.Errors)}");
        }
        return TriageVerdict.Of(ScannerFindings.Bandit, ScannerFindings.From(high), triage);
    }
}
