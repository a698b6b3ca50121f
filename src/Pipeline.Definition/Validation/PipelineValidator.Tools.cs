using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Validation;

/// <summary>A job's toolchain covers its stage: every tool the stage runs is set up by the job, at the version it needs.</summary>
public static partial class PipelineValidator
{
    private static IEnumerable<ValidationError> ToolCoverage(PipelineDefinition pipeline)
    {
        foreach (var stage in pipeline.Stages)
        {
            var provided = stage.Toolchains.SelectMany(t => t.Provides).ToList();
            foreach (var use in stage.Runs)
            {
                if (Uncovered(use, provided) is { } problem)
                {
                    yield return new(Describe(stage), problem);
                }
            }
        }
    }

    private static string? Uncovered(ToolUse use, IReadOnlyList<ToolUse> provided)
    {
        var same = provided.Where(p => p.Tool == use.Tool).ToList();
        if (same.Any(p => use.Version is null || p.Version == use.Version))
        {
            return null;
        }
        if (same.Count > 0)
        {
            return $"it runs {use} but its job sets up {string.Join(", ", same)} [toolchain-coverage]; " +
                "set the same version in its Toolchains and its Runs.";
        }
        if (use.Version is null && ToolUse.RunnerTools.Contains(use.Tool))
        {
            return null;
        }
        return $"it runs {use} but its job sets up no {use.Tool}, so the runner's default decides the result " +
            $"[toolchain-coverage]; add a Toolchain that installs {use} (e.g. Toolchain.Node or Toolchain.Script).";
    }
}
