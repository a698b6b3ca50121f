namespace Build.Tools.Helm;

/// <summary>One entry of <c>helm history -o json</c>.</summary>
public sealed record HelmRevision(int Revision, HelmReleaseStatus Status, string Chart, string AppVersion, string Description, string Updated);
