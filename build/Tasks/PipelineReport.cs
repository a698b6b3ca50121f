namespace Build.Tasks;

[TaskName(TargetNames.PipelineReport)]
public sealed class PipelineReport : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var pipeline = SovdPipeline.Definition;
        foreach (var trigger in CriticalPath.EventsOf(pipeline))
        {
            var cold = CriticalPath.For(pipeline, trigger, d => d.Cold);
            var warm = CriticalPath.For(pipeline, trigger, d => d.Warm);
            context.Information($"{trigger}: {cold.Running.Length} stages; critical path {Minutes(cold.Total)} cold, " +
                $"{Minutes(warm.Total)} warm (budget {Minutes(pipeline.Settings.Budget)}; one after another " +
                    $"{Minutes(cold.Sequential(d => d.Cold))})");
            foreach (var stage in cold.Running)
            {
                var marker = cold.Path.Contains(stage) ? "*" : " ";
                context.Information(
                    $"  {marker} {stage.Name,-20} {Minutes(stage.Duration.Cold),9} cold " +
                    $"{Minutes(stage.Duration.Warm),9} warm  {stage.Duration.Source}");
            }
        }

        context.Information("* = on the critical path");
        ToolchainComparison.Print(context);
    }

    private static string Minutes(TimeSpan time) => $"{time.TotalMinutes:0.#} min";
}
