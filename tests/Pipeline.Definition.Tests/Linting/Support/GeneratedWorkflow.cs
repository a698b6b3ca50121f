using Pipeline.Definition.Generation;

namespace Pipeline.Definition.Tests.Linting.Support;

/// <summary>The real ci-cd.yml, rendered in memory from SovdPipeline.Definition (not the committed copy).</summary>
internal static class GeneratedWorkflow
{
    private static readonly Lazy<string> Content = new(() =>
    {
        var path = SovdPipeline.Definition.Settings.WorkflowFile;
        return PipelineFiles.Render(SovdPipeline.Definition).Single(f => f.Path == path).Content;
    });

    public static string Text => Content.Value;

    /// <summary>The workflow in a temporary file named like the real one, so findings point at ci-cd.yml.</summary>
    public static TempFile WriteToTemp() => new(Path.GetFileName(SovdPipeline.Definition.Settings.WorkflowFile), Text);
}

/// <summary>A file in its own temporary folder, for linters that only read paths; disposing removes the folder.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("workflow-lint-");

    public TempFile(string name, string content)
    {
        Path = System.IO.Path.Combine(_folder.FullName, name);
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => _folder.Delete(recursive: true);
}
