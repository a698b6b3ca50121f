using System.Globalization;
using System.Text;
using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Generation;

/// <summary>
/// docs/pipeline.md: the stage graph as a Mermaid flowchart grouped by the nine pipeline steps, with each stage's
/// condition and approval, and the critical path of each event against the budget.
/// </summary>
public static class MermaidDiagram
{
    public const string File = "docs/pipeline.md";

    public static string Render(PipelineDefinition pipeline)
    {
        var text = new StringBuilder()
            .Append("<!-- Generated from ").Append(pipeline.Settings.DefinitionFile).Append(" by ")
            .Append(WorkflowGenerator.RegenerateCommand).Append(". Do not edit by hand. -->\n")
            .Append("# The pipeline\n\n")
            .Append("One job per stage; an arrow means \"needs\". Every job runs `./build.sh --target=<Stage> --exclusive`.\n\n")
            .Append("```mermaid\nflowchart LR\n");
        foreach (var group in pipeline.Stages.GroupBy(s => s.Step).OrderBy(g => g.Key))
        {
            text.Append($"  subgraph step{(int)group.Key}[\"{(int)group.Key}. {Title(group.Key)}\"]\n");
            foreach (var stage in group)
            {
                text.Append("    ").Append(Node(stage)).Append('\n');
            }

            text.Append("  end\n");
        }

        foreach (var stage in pipeline.Stages)
        {
            foreach (var need in stage.Needs)
            {
                text.Append($"  {Id(need)} --> {Id(stage)}\n");
            }
        }

        text.Append("```\n\n");
        AppendCriticalPaths(text, pipeline);
        return text.ToString();
    }

    private static string Node(Stage stage)
    {
        var label = new List<string> { stage.Name };
        if (stage.When.Expression is not null)
        {
            label.Add(stage.When.Summary);
        }

        if (stage.Environment is { } environment)
        {
            label.Add($"environment: {environment.Name}");
        }

        // Deploys get a different shape so the gated part of the graph stands out.
        var (open, close) = stage.Deploys ? ("{{", "}}") : ("[", "]");
        return $"{Id(stage)}{open}\"{string.Join("<br/>", label)}\"{close}";
    }

    private static void AppendCriticalPaths(StringBuilder text, PipelineDefinition pipeline)
    {
        text.Append("## Critical path\n\n")
            .Append("Expected durations are stated per stage in the definition (cold / warm cache). ")
            .Append("The budget is ").Append(Minutes(pipeline.Settings.Budget)).Append("; the generator fails when a cold critical path exceeds it.\n\n")
            .Append("| event | stages | critical path | cold | warm | all stages one after another (cold) |\n")
            .Append("|---|---|---|---|---|---|\n");
        foreach (var trigger in CriticalPath.EventsOf(pipeline))
        {
            var cold = CriticalPath.For(pipeline, trigger, d => d.Cold);
            var warm = CriticalPath.For(pipeline, trigger, d => d.Warm);
            text.Append($"| {trigger} | {cold.Running.Length} | {string.Join(" → ", cold.Path.Select(s => s.Name))} | ")
                .Append($"{Minutes(cold.Total)} | {Minutes(warm.Total)} | {Minutes(cold.Sequential(d => d.Cold))} |\n");
        }

        text.Append('\n');
    }

    private static string Minutes(TimeSpan time) => time.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";

    private static string Id(Stage stage) => stage.JobId.Replace('-', '_');

    private static string Title(PipelineStep step) => step switch
    {
        PipelineStep.Lint => "Lint and drift check",
        PipelineStep.UnitTests => "Unit tests",
        PipelineStep.IntegrationTests => "Integration tests",
        PipelineStep.EndToEndTests => "E2E tests",
        PipelineStep.SecurityScans => "Security scans",
        PipelineStep.ImageBuild => "Build images",
        PipelineStep.ImagePush => "Push images",
        PipelineStep.StagingDeploy => "Deploy staging",
        PipelineStep.ProductionDeploy => "Deploy production (approval)",
        _ => step.ToString(),
    };
}
