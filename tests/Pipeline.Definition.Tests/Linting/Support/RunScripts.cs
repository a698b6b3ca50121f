using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Definition.Tests.Linting.Support;

/// <summary>One <c>run:</c> script of a workflow, with the shell GitHub would run it in.</summary>
/// <param name="Line">The line of the <c>run:</c> key in the workflow file, so a finding can be found there.</param>
internal sealed record RunScript(string Job, string Step, int Line, string Shell, string Script)
{
    /// <summary>shellcheck's dialect for the shell, or null for shells shellcheck does not read (pwsh, python, cmd).</summary>
    public string? Dialect => Shell.Split(' ')[0] switch
    {
        "bash" => "bash",
        "sh" => "sh",
        _ => null,
    };

    public override string ToString() => $"jobs.{Job} step '{Step}' (line {Line}, shell {Shell})";
}

/// <summary>Reads every <c>run:</c> script out of a workflow, the way the runner would see it after expression evaluation.</summary>
internal static partial class RunScripts
{
    /// <summary>What a step without <c>shell:</c> gets on a Linux runner (bash -e; shellcheck reads it the same).</summary>
    public const string DefaultShell = "bash";

    /// <summary>Stands in for each <c>${{ … }}</c>: the runner substitutes text before the shell sees the script.</summary>
    public const string Placeholder = "GITHUB_EXPRESSION";

    public static IReadOnlyList<RunScript> Extract(string workflowYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(workflowYaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var workflowShell = DefaultsShell(root) ?? DefaultShell;
        return [.. Child<YamlMappingNode>(root, "jobs")?.Children.SelectMany(job =>
            ScriptsOf(job.Key.ToString(), (YamlMappingNode)job.Value, workflowShell)) ?? []];
    }

    public static string ReplaceExpressions(string script) => Expression().Replace(script, Placeholder);

    private static IEnumerable<RunScript> ScriptsOf(string jobId, YamlMappingNode job, string workflowShell)
    {
        var jobShell = DefaultsShell(job) ?? workflowShell;
        var steps = Child<YamlSequenceNode>(job, "steps")?.Children.OfType<YamlMappingNode>() ?? [];
        foreach (var (step, index) in steps.Select((s, i) => (s, i + 1)))
        {
            if (Child<YamlScalarNode>(step, "run") is not { Value: { } run } runNode)
            {
                continue;
            }

            var name = Child<YamlScalarNode>(step, "name")?.Value ?? $"#{index}";
            var shell = Child<YamlScalarNode>(step, "shell")?.Value ?? jobShell;
            yield return new RunScript(jobId, name, (int)runNode.Start.Line, shell, ReplaceExpressions(run));
        }
    }

    private static string? DefaultsShell(YamlMappingNode node) =>
        Child<YamlScalarNode>(Child<YamlMappingNode>(Child<YamlMappingNode>(node, "defaults"), "run"), "shell")?.Value;

    private static T? Child<T>(YamlMappingNode? map, string key) where T : YamlNode =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as T : null;

    [GeneratedRegex(@"\$\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();
}
