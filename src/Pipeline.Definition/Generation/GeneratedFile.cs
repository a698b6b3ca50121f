namespace Pipeline.Definition.Generation;

/// <summary>A file the generator writes, with its path relative to the repository root.</summary>
public sealed record GeneratedFile(string Path, string Content);
