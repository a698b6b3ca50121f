using Pipeline.Definition.Stages;

namespace Build.Settings;

/// <summary>
/// Says once, before the first task, which Python, ruff and browser this run uses (one line each), and only for the
/// tools its stages need: a run of Check-Workflow looks for none of them. Register with
/// <c>new CakeHost().UseLifetime&lt;ToolChoiceReport&gt;()</c>.
/// </summary>
public sealed class ToolChoiceReport : FrostingLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info)
    {
        foreach (var choice in Needed(context, info.TasksToExecute.Select(task => task.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)))
        {
            if (choice.Found)
            {
                context.Information("{0}", choice.Line);
            }
            else
            {
                // Not fatal here: the stage that needs the tool fails in its preflight, before any side effect.
                context.Warning("{0}", choice.Line);
            }
        }
    }

    public override void Teardown(BuildContext context, ITeardownContext info)
    {
    }

    private static IEnumerable<ToolChoice> Needed(BuildContext context, HashSet<string> tasks)
    {
        var stages = context.Pipeline.Stages.Where(stage => tasks.Contains(stage.Name)).ToList();
        if (stages.Any(stage => stage.Toolchains.Any(toolchain => toolchain is PythonToolchain)))
        {
            yield return context.HostTools.Python;
        }
        if (stages.Any(stage => stage == SovdPipeline.LintBackend))
        {
            yield return context.HostTools.Ruff;
        }
        if (stages.Any(stage => stage.Toolchains.Any(toolchain => toolchain is PlaywrightToolchain)))
        {
            yield return context.HostTools.Browser;
        }
    }
}
