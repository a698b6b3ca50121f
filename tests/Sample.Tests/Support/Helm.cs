using System.Collections.Concurrent;

namespace Sample.Tests.Support;

/// <summary>Runs the real helm against the sample chart; identical renders are done once per test run.</summary>
public static class Helm
{
    public const string StagingValues = "values-staging.yaml";
    public const string ProductionValues = "values-production.yaml";

    private static readonly Lazy<string> Binary = new(HelmLocator.Find);
    private static readonly ConcurrentDictionary<string, Lazy<ProcessResult>> Renders = new();

    public static ProcessResult Lint(string? valuesFile, params string[] sets) =>
        Run(["lint", "--strict", .. ValuesArguments(valuesFile), .. sets.SelectMany(set => new[] { "--set", set }), RepoPaths.Chart]);

    /// <summary>`helm template`; <paramref name="sets"/> are name=value pairs, each passed with --set.</summary>
    public static ProcessResult Template(string release, string? valuesFile, params string[] sets)
    {
        var arguments = new List<string> { "template", release, RepoPaths.Chart, "--namespace", "sovd" };
        arguments.AddRange(ValuesArguments(valuesFile));
        arguments.AddRange(sets.SelectMany(set => new[] { "--set", set }));
        var key = string.Join('\u001f', arguments);
        return Renders.GetOrAdd(key, _ => new Lazy<ProcessResult>(() => Run(arguments))).Value;
    }

    /// <summary>Renders and parses, failing with helm's own output when rendering fails.</summary>
    public static RenderedChart Render(string release, string? valuesFile, params string[] sets)
    {
        var result = Template(release, valuesFile, sets);
        result.Succeeded.Should().BeTrue(result.Describe());
        return RenderedChart.Parse(result.StdOut);
    }

    private static IEnumerable<string> ValuesArguments(string? valuesFile) =>
        valuesFile is null ? [] : ["--values", Path.Combine(RepoPaths.Chart, valuesFile)];

    private static ProcessResult Run(IEnumerable<string> arguments) =>
        ProcessRunner.Run(Binary.Value, arguments, RepoPaths.Root);
}
