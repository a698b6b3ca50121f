using System.Text.Encodings.Web;
using System.Text.Json.Serialization;

namespace Build.Deploy;

/// <summary>
/// What a deploy did: release, revisions, images, each step with its timing, and the outcome.
/// Written to the stage's artifact folder as deployment.json, also when the deploy failed.
/// </summary>
public sealed class DeploymentRecord(BuildContext context, DeploySettings settings, DeployImages images)
{
    private const string FileName = "deployment.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The record is read by people: keep quotes and apostrophes in messages as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<DeployStep> _steps = [];

    public string? CanaryRelease { get; set; }

    public int? RevisionBefore { get; set; }

    public int? Revision { get; set; }

    /// <summary>succeeded, rolled back, refused, failed, or failed and not rolled back.</summary>
    public string Outcome { get; set; } = "not started";

    public string? Error { get; set; }

    /// <summary>The canary analysis of each weight step: every check's queries, values and thresholds.</summary>
    public List<StepAnalysis> Analyses { get; } = [];

    public string? FailedStep => _steps.LastOrDefault(step => step.Outcome == "failed")?.Name;

    public void Step(string name, Action action) => Step<object?>(name, () =>
    {
        action();
        return null;
    });

    public T Step<T>(string name, Func<T> action)
    {
        context.Information($"== {name}");
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        void Add(string outcome, string? detail) =>
            _steps.Add(new DeployStep(name, started, Math.Round(clock.Elapsed.TotalSeconds, 3), outcome, detail));
        try
        {
            var result = action();
            Add("succeeded", null);
            return result;
        }
        catch (Exception error)
        {
            Add("failed", error.Message.Split('\n')[0]);
            throw;
        }
    }

    /// <summary>Writes deployment.json; a dry run writes nothing.</summary>
    public void Write()
    {
        if (context.DryRun)
        {
            context.Information(
                $"[dry-run] would write the deployment record to {settings.RecordDirectory.FullPath}/{FileName}");
            return;
        }
        var document = new
        {
            Stage = settings.Stage.Name,
            Environment = settings.Stage.Environment?.Name,
            settings.Release.Namespace,
            settings.Release.Name,
            CanaryRelease,
            RevisionBefore,
            Revision,
            Images = new { Backend = images.Backend.ToString(), Frontend = images.Frontend.ToString() },
            Steps = _steps,
            Analyses = Analyses.Count > 0 ? Analyses : null,
            Outcome,
            Error,
        };
        Directory.CreateDirectory(settings.RecordDirectory.FullPath);
        var path = Path.Combine(settings.RecordDirectory.FullPath, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json) + "\n");
        context.Information($"Deployment record: {path}");
        AppendStepSummary();
    }

    /// <summary>In GitHub Actions, the outcome and the steps as a table on the job's summary page.</summary>
    private void AppendStepSummary()
    {
        var github = context.GitHubActions();
        if (github.Environment.Runtime.StepSummary is null)
        {
            return;
        }
        var lines = new List<string>
        {
            $"### {settings.Stage.Name}: {Outcome}",
            "",
            $"Release `{settings.Release.Name}` in `{settings.Release.Namespace}`, " +
            $"revision {RevisionBefore?.ToString() ?? "none"} → {Revision?.ToString() ?? "unchanged"}; " +
            $"images `{images.Backend}`, `{images.Frontend}`",
            "",
            "| step | seconds | outcome |",
            "| --- | ---: | --- |",
        };
        lines.AddRange(_steps.Select(step =>
            $"| {step.Name} | {step.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} | {step.Outcome} |"));
        lines.AddRange(CanaryAnalysisSummary.Lines(Analyses));
        github.Commands.SetStepSummary(string.Join('\n', lines) + "\n");
    }

    private sealed record DeployStep(
        string Name, DateTimeOffset Started, double Seconds, string Outcome, string? Detail);
}
