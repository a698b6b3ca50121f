namespace Pipeline.Definition;

/// <summary>
/// The names of the pipeline's targets, written once: the definition's stages and targets are built from these, and
/// the host's <c>[TaskName]</c> attributes (which need constants) name their tasks with them.
/// </summary>
public static class TargetNames
{
    public const string CheckWorkflow = "Check-Workflow";
    public const string LintBackend = "Lint-Backend";
    public const string LintFrontend = "Lint-Frontend";
    public const string TestPipeline = "Test-Pipeline";
    public const string TestBackendUnit = "Test-Backend-Unit";
    public const string TestFrontendUnit = "Test-Frontend-Unit";
    public const string BuildImages = "Build-Images";
    public const string TestIntegration = "Test-Integration";
    public const string TestE2E = "Test-E2E";
    public const string SecurityBackend = "Security-Backend";
    public const string SecurityFrontend = "Security-Frontend";
    public const string SecurityImages = "Security-Images";
    public const string PushImages = "Push-Images";
    public const string DeployStaging = "Deploy-Staging";
    public const string DeployProduction = "Deploy-Production";
    public const string RepairProduction = "Repair-Production";
    public const string RehearseCluster = "Rehearse-Cluster";
    public const string RescanDeployed = "Rescan-Deployed";
    public const string GenerateWorkflow = "Generate-Workflow";
    public const string ListPins = "List-Pins";
    public const string PipelineReport = "Pipeline-Report";
    public const string Lint = "Lint";
    public const string Test = "Test";
    public const string Security = "Security";
    public const string Images = "Images";
    public const string Rehearse = "Rehearse";
    public const string CI = "CI";
    public const string Default = "Default";
}
