namespace Pipeline.Definition.Workflows;

/// <summary>
/// Every action the generated workflow uses, pinned to the full commit SHA of a release tag.
/// Renovate bumps repository, version and SHA here and in ci-cd.yml in one pull request (renovate.json); the
/// three strings of a pin stay on one line, in that order, because its regex manager reads them so.
/// On a bump, check the runtime in the new tag's action.yml (<c>runs.using</c>) and the date in <see cref="Checked"/>.
/// </summary>
public static class Actions
{
    /// <summary>How every pin below was confirmed: from the action's own repository, not from other workflows.</summary>
    public const string Checked =
        "git snapshot of the action's repository, 2026-12-01: `git rev-parse <tag>^{commit}` and runs.using of action.yml at that tag";

    public static readonly ActionRef Checkout = new(
        "actions/checkout", "v7.0.1", "3d3c42e5aac5ba805825da76410c181273ba90b1", ActionRuntime.Node24, Checked);

    public static readonly ActionRef SetupDotnet = new(
        "actions/setup-dotnet", "v6.0.0", "a98b56852c35b8e3190ac28c8c2271da59106c68", ActionRuntime.Node24, Checked);

    public static readonly ActionRef SetupPython = new(
        "actions/setup-python", "v7.0.0", "5fda3b95a4ea91299a34e894583c3862153e4b97", ActionRuntime.Node24, Checked);

    public static readonly ActionRef SetupNode = new(
        "actions/setup-node", "v7.0.0", "820762786026740c76f36085b0efc47a31fe5020", ActionRuntime.Node24, Checked);

    /// <summary>Restore and save in one (save in its post step): only for a cache the one job that uses it fills.</summary>
    public static readonly ActionRef Cache = new(
        "actions/cache", "v5.0.5", "27d5ce7f107fe9357f9df03efb73ab90386fccae", ActionRuntime.Node24, Checked);

    /// <summary>Restore only: a job that may not fill the cache never saves it.</summary>
    public static readonly ActionRef CacheRestore = new(
        "actions/cache/restore", "v5.0.5", "27d5ce7f107fe9357f9df03efb73ab90386fccae", ActionRuntime.Node24, Checked);

    /// <summary>Save only, after the step that filled the cache succeeded.</summary>
    public static readonly ActionRef CacheSave = new(
        "actions/cache/save", "v5.0.5", "27d5ce7f107fe9357f9df03efb73ab90386fccae", ActionRuntime.Node24, Checked);

    public static readonly ActionRef UploadArtifact = new(
        "actions/upload-artifact", "v7.0.0", "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", ActionRuntime.Node24, Checked);

    public static readonly ActionRef DownloadArtifact = new(
        "actions/download-artifact", "v8.0.1", "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", ActionRuntime.Node24, Checked);

    public static readonly ActionRef UploadSarif = new(
        "github/codeql-action/upload-sarif", "v4.36.2", "8aad20d150bbac5944a9f9d289da16a4b0d87c1e", ActionRuntime.Node24, Checked);

    // Newest release on 2026-12-01 (tagged 2026-07-22); runs on node24.
    public static readonly ActionRef ConfigureAwsCredentials = new(
        "aws-actions/configure-aws-credentials", "v6.2.3", "e6de054238d6b7531b4efff3b6587d9aade6a06c", ActionRuntime.Node24, Checked);

    // v0.3.0 fixed script injection in its own run steps; the composite's steps use actions/cache v5.0.1 and
    // actions/checkout v6.0.1, both node24 at their tags (same snapshot check).
    public static readonly ActionRef SetupTrivy = new(
        "aquasecurity/setup-trivy", "v0.3.1", "81e514348e19b6112ce2a7e3ecbafe19c1e1f567", ActionRuntime.Composite, Checked);

    // Tagged 2026-01-26, node24 (same snapshot check, 2026-12-07). Installs kind v0.31.0 (its default), checking the
    // binary against the release's kind-linux-amd64.sha256sum (kind.sh), and kubectl v1.35.0.
    public static readonly ActionRef SetupKind = new(
        "helm/kind-action", "v1.14.0", "ef37e7f390d99f746eb8b610417061a60e82a6cc", ActionRuntime.Node24, Checked);

    public static IReadOnlyList<ActionRef> All { get; } =
        [Checkout, SetupDotnet, SetupPython, SetupNode, Cache, CacheRestore, CacheSave, UploadArtifact, DownloadArtifact, UploadSarif, ConfigureAwsCredentials, SetupTrivy,
         SetupKind];
}
