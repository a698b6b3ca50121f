using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Yaml;

/// <summary>One job, keys in the order people read them: what, when, where, with which rights, then the steps.</summary>
public static class JobToYaml
{
    public static YamlMap Write(Job job) => YamlMap.Empty
        .Add("name", job.Name)
        .Add("needs", YamlSequence.Of(job.Needs.Select(n => n.Id), flow: job.Needs.Length <= 3))
        .Add("if", job.If)
        .Add("runs-on", job.RunsOn.Label)
        .Add("environment", Environment(job.Environment))
        .Add("permissions", PermissionsToYaml.Write(job.Permissions))
        .Add("concurrency", Concurrency(job.Concurrency))
        .Add("timeout-minutes", job.TimeoutMinutes)
        .Add("env", job.Env)
        .Add("outputs", job.Outputs)
        .Add("services", Services(job))
        .Add("steps", new YamlSequence([.. job.Steps.Select(StepToYaml.Write)]));

    public static YamlMap? Concurrency(Concurrency? concurrency) => concurrency is null
        ? null
        : YamlMap.Empty
            .Add("group", concurrency.Group)
            .Add("cancel-in-progress", concurrency.CancelInProgress is "true" or "false"
                ? YamlScalar.Plain(concurrency.CancelInProgress)
                : YamlScalar.Text(concurrency.CancelInProgress));

    private static YamlMap? Environment(DeploymentEnvironment? environment) => environment is null
        ? null
        : YamlMap.Empty.Add("name", environment.Name).Add("url", environment.Url);

    private static YamlMap Services(Job job) => job.Services.Aggregate(YamlMap.Empty, (map, service) => map.Add(
        service.Name,
        YamlMap.Empty
            .Add("image", service.Image)
            .Add("ports", YamlSequence.Of(service.Ports))
            .Add("env", service.Env)
            .Add("options", service.Options)));
}
