using Pipeline.Definition.Stages;

namespace Build.Rehearsal;

/// <summary>
/// The artifacts of one rehearsal, one folder per artifact: what a job uploads from its declared path (with the
/// workflow's <c>if:</c> and <c>if-no-files-found</c> rules) and what a later job downloads into the same path.
/// Nothing else crosses between checkouts.
/// </summary>
public sealed class ArtifactStore(string root)
{
    public string Root => root;

    public string PathOf(Artifact artifact) => Path.Combine(root, artifact.Name);

    /// <summary>
    /// Uploads <paramref name="artifact"/> from <paramref name="checkout"/> after a job that <paramref name="succeeded"/>;
    /// returns an error when the artifact is required and no files were found (the job then fails, as on GitHub).
    /// </summary>
    public UploadOutcome Upload(Artifact artifact, string checkout, bool succeeded)
    {
        if (!artifact.UploadsAfter(succeeded))
        {
            return new UploadOutcome(artifact, Uploaded: false, Error: null);
        }

        var source = Path.Combine(checkout, artifact.Path);
        if (!Directory.Exists(source) || !Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Any())
        {
            var error = artifact.RequiredWhenUploaded
                ? $"No files were found with the provided path: {artifact.Path}. No artifacts will be uploaded (artifact '{artifact.Name}', if-no-files-found: error)."
                : null;
            return new UploadOutcome(artifact, Uploaded: false, error);
        }

        var target = PathOf(artifact);
        Checkouts.DeleteFolder(target);
        CopyTree(source, target);
        return new UploadOutcome(artifact, Uploaded: true, Error: null);
    }

    /// <summary>
    /// Places <paramref name="artifact"/> where the job's download step puts it; returns an error when no job uploaded it
    /// (download-artifact fails the job then).
    /// </summary>
    public string? Download(Artifact artifact, string checkout)
    {
        var source = PathOf(artifact);
        if (!Directory.Exists(source))
        {
            return $"Unable to download artifact '{artifact.Name}': no job of this run uploaded it.";
        }

        CopyTree(source, Path.Combine(checkout, artifact.Path));
        return null;
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }
}

/// <summary>What one upload step did: uploaded, nothing to upload, or an error that fails the job.</summary>
public sealed record UploadOutcome(Artifact Artifact, bool Uploaded, string? Error);
