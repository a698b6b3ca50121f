namespace Pipeline.Definition.Stages;

/// <summary>When a stage's artifact is uploaded.</summary>
public enum UploadWhen
{
    OnSuccess,
    OnFailure,
    Always,
}

/// <summary>
/// A folder a stage's task writes and its CI job uploads. The host writes to <see cref="Path"/> too,
/// so the task and the upload step cannot disagree. Another stage downloads it by holding this object.
/// </summary>
public sealed record Artifact(string Name, string Path, UploadWhen When = UploadWhen.Always)
{
    public int RetentionDays { get; init; } = 7;
}
