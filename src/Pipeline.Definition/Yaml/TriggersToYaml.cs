using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Yaml;

/// <summary>The <c>on:</c> section.</summary>
public static class TriggersToYaml
{
    public static YamlMap Write(Triggers triggers) => YamlMap.Empty
        .Add("push", Event(triggers.Push))
        .Add("pull_request", Event(triggers.PullRequest))
        .Add("workflow_dispatch", triggers.WorkflowDispatch ? YamlMap.Empty with { KeepWhenEmpty = true } : null)
        .Add("schedule", triggers.Schedule.IsEmpty ? null : new YamlSequence([.. triggers.Schedule.Select(cron => (YamlTree)YamlMap.Empty.Add("cron", cron))]));

    private static YamlMap? Event(BranchFilter? filter) => filter is null
        ? null
        : (YamlMap.Empty with { KeepWhenEmpty = true }).Add("branches", YamlSequence.Of(filter.Branches, flow: true));
}
