using Pipeline.Definition.Stages;
using Pipeline.Definition.Validation;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Support;

/// <summary>Small stages and pipelines for tests that need a graph, not the real pipeline.</summary>
internal static class Fixtures
{
    public static readonly PipelineSettings Settings =
        new(".", ".github/workflows/ci.yml", "tests/Definition.cs", TimeSpan.FromMinutes(10));

    public static readonly Triggers Triggers = new() { Push = BranchFilter.For("main") };

    /// <summary>A stage that takes one minute, so only the problem a test builds is reported.</summary>
    public static Stage NewStage(string name, params Stage[] needs) =>
        new(name, $"{name} for tests", PipelineStep.Lint) { Needs = [.. needs], Duration = ExpectedDuration.Minutes(1, 1, "test") };

    public static PipelineDefinition PipelineOf(params Stage[] stages) =>
        new("Test", Triggers, Settings) { Stages = [.. stages] };

    public static IEnumerable<string> Texts(this IEnumerable<ValidationError> errors) => errors.Select(e => e.ToString());
}
