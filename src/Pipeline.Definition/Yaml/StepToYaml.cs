using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Yaml;

/// <summary>One step; <c>uses:</c> carries the pinned SHA with the release tag as a comment.</summary>
public static class StepToYaml
{
    public static YamlMap Write(Step step)
    {
        var map = YamlMap.Empty.Add("name", step.Name).Add("id", step.Id).Add("if", step.If)
            .Add("continue-on-error", step.ContinueOnError ? YamlScalar.Plain("true") : null);
        map = step switch
        {
            ActionStep action => map
                .Add("uses", new YamlScalar(action.Uses.Reference, ScalarKind.Text, action.Uses.Version))
                .Add("with", action.With),
            RunStep run => map
                .Add("working-directory", run.WorkingDirectory)
                .Add("shell", run.Shell)
                .Add("run", run.Run),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "unknown step kind"),
        };
        return map.Add("env", step.Env);
    }
}
