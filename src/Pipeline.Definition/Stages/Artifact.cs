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
    /// <summary>
    /// The folder every artifact lies in: CI uploads from it, and a local run can put another folder in its place
    /// (the host's <c>--artifacts-root</c>), so runs side by side keep their files apart.
    /// </summary>
    public const string Root = ".artifacts";

    /// <summary>The artifact's folder inside <see cref="Root"/>.</summary>
    public string Folder => System.IO.Path.GetRelativePath(Root, Path);

    /// <summary>Whether <see cref="Path"/> lies inside <see cref="Root"/>, where the host can relocate it.</summary>
    public bool IsInsideRoot => Folder != "." && !Folder.StartsWith("..", StringComparison.Ordinal);

    public int RetentionDays { get; init; } = 7;

    /// <summary>
    /// Whether a job that should upload this artifact fails when it made no files (<c>if-no-files-found: error</c>):
    /// what later jobs cannot do without is uploaded on success only, and must then exist.
    /// </summary>
    public bool RequiredWhenUploaded => When == UploadWhen.OnSuccess;

    /// <summary>Whether the upload step runs after a job that <paramref name="succeeded"/> (or not): its <c>if:</c>.</summary>
    public bool UploadsAfter(bool succeeded) => When switch
    {
        UploadWhen.OnSuccess => succeeded,
        UploadWhen.OnFailure => !succeeded,
        _ => true,
    };
}
