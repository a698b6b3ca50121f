using Build.Rehearsal;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;

namespace Build.Tests.Rehearsal.Support;

/// <summary>Test pipelines for the job runner: a few stages over a <see cref="FixtureRepository"/>.</summary>
public static class FixturePipeline
{
    public static readonly Artifact Made = new("made", "out/made", UploadWhen.OnSuccess);

    public static PipelineDefinition Of(params Stage[] stages) =>
        new("fixture", new Triggers { Push = BranchFilter.For("develop"), PullRequest = BranchFilter.For("develop") },
            new PipelineSettings(".", ".github/workflows/ci.yml", "fixture", TimeSpan.FromMinutes(15)))
        {
            Stages = [.. stages],
        };

    public static RehearsalOptions Options(FixtureRepository repository, PipelineDefinition pipeline, string folder) =>
        new(pipeline, repository.Root, RehearsalEvent.Parse("push:develop", pipeline), Path.Combine(folder, "run"), Path.Combine(folder, "scratch"))
        {
            InterruptGrace = TimeSpan.FromSeconds(2),
        };
}
