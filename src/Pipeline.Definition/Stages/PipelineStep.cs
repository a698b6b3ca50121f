namespace Pipeline.Definition.Stages;

/// <summary>The nine steps of the users' pipeline, in the order they run. Every stage belongs to one.</summary>
public enum PipelineStep
{
    Lint = 1,
    UnitTests,
    IntegrationTests,
    EndToEndTests,
    SecurityScans,
    ImageBuild,
    ImagePush,
    StagingDeploy,
    ProductionDeploy,
}
