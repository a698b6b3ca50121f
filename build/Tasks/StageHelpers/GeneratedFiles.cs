namespace Build.Tasks.StageHelpers;

/// <summary>
/// What Generate-Workflow writes and Check-Workflow compares: the definition's files, plus the deploy identity's RBAC
/// manifest, which needs the build host (it runs the real <c>helm template</c>).
/// </summary>
internal static class GeneratedFiles
{
    public static IEnumerable<GeneratedFile> Render(BuildContext context) =>
        [.. PipelineFiles.Render(SovdPipeline.Definition), RbacManifestFile.Generate(context, SovdPipeline.Definition)];
}
