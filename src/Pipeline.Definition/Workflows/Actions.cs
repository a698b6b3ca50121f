namespace Pipeline.Definition.Workflows;

/// <summary>
/// Every action the generated workflow uses, pinned to the full commit SHA of a release tag.
/// To bump one: change version, SHA and source together here, regenerate, commit both.
/// </summary>
public static class Actions
{
    public static readonly ActionRef Checkout = new(
        "actions/checkout", "v4.2.2", "11bd71901bbe5b1630ceea73d27597364c9af683", "runner log 'Version 4.2.2, Source commit SHA' + Dependabot compare eef6144...11bd719");

    public static readonly ActionRef SetupDotnet = new(
        "actions/setup-dotnet", "v4.3.1", "67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "pinned '# v4.3.1' in 3 public workflows; runner logs resolve @v4 to it");

    public static readonly ActionRef SetupPython = new(
        "actions/setup-python", "v5.6.0", "a26af69be951a213d495a4c3e4e4022e16d87065", "runner logs 'Version 5.6.0, Source commit SHA'");

    public static readonly ActionRef SetupNode = new(
        "actions/setup-node", "v4.4.0", "49933ea5288caeca8642d1e84afbd3f7d6820020", "runner logs 'Version 4.4.0, Source commit SHA'");

    public static readonly ActionRef Cache = new(
        "actions/cache", "v4.2.3", "5a3ec84eff668545956fd18022155c47e93e2684", "runner log 'Version 4.2.3, Source commit SHA'");

    public static readonly ActionRef UploadArtifact = new(
        "actions/upload-artifact", "v4.6.2", "ea165f8d65b6e75b540449e92b4886f43607fa02", "Dependabot compare 4cec3d8...ea165f8 (4.6.1 to 4.6.2) + runner logs");

    public static readonly ActionRef DownloadArtifact = new(
        "actions/download-artifact", "v4.3.0", "d3f86a106a0bac45b974a628896c90dbdf5c8093", "Dependabot compare 95815c3...d3f86a1 (4.2.1 to 4.3.0)");

    public static readonly ActionRef UploadSarif = new(
        "github/codeql-action/upload-sarif", "v3.28.18", "ff0a06e83cb2de871e5a09832bc6a81e7276941f", "Dependabot compare 60168ef...ff0a06e (3.28.17 to 3.28.18)");

    // Newest release on 2026-12-01 (tagged 2026-07-22); runs on node24.
    public static readonly ActionRef ConfigureAwsCredentials = new(
        "aws-actions/configure-aws-credentials", "v6.2.3", "e6de054238d6b7531b4efff3b6587d9aade6a06c",
        "git rev-parse v6.2.3^{commit} and action.yml (runs.using: node24) in a copy of the action's repository, 2026-12-01");

    public static readonly ActionRef Codecov = new(
        "codecov/codecov-action", "v5.4.3", "18283e04ce6e62d37312384ff67231eb8fd56d24",
        "pinned '# v5.4.3' in 2 independent public workflows");

    // After the 2026 compromise of this action's tags, only this post-incident commit is trusted.
    public static readonly ActionRef SetupTrivy = new(
        "aquasecurity/setup-trivy", "v0.2.6", "3fb12ec12f41e471780db15c232d5dd185dcb514",
        "pinned '# v0.2.6' in 2 public workflows, one naming it the post-incident safe commit");

    public static IReadOnlyList<ActionRef> All { get; } =
        [Checkout, SetupDotnet, SetupPython, SetupNode, Cache, UploadArtifact, DownloadArtifact, UploadSarif, ConfigureAwsCredentials, Codecov, SetupTrivy];
}
