using System.Collections.Immutable;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Stages;

/// <summary>
/// One stage of the pipeline: one task of the build host and one job of the workflow.
/// <see cref="Needs"/> holds the stages themselves, never their names.
/// </summary>
public sealed record Stage(string Name, string Description, PipelineStep Step) : PipelineTarget(Name, Description)
{
    public ImmutableArray<Stage> Needs { get; init; } = [];

    public RunCondition When { get; init; } = RunCondition.Always;

    public DeploymentEnvironment? Environment { get; init; }

    public ImmutableArray<Toolchain> Toolchains { get; init; } = [];

    /// <summary>
    /// The tools the stage's commands and tests run; validation fails when the job's <see cref="Toolchains"/> do not
    /// set up a versioned one, so a runner's default Node or Python never decides a result.
    /// </summary>
    public ImmutableArray<ToolUse> Runs { get; init; } = [];

    public ImmutableArray<Artifact> Uploads { get; init; } = [];

    public ImmutableArray<Artifact> Downloads { get; init; } = [];

    public Permissions Permissions { get; init; } = Permissions.ReadContents;

    public ImmutableArray<SecretBinding> Secrets { get; init; } = [];

    /// <summary>How a deploy stage reaches its cluster: a kubeconfig secret, or EKS through an OIDC-assumed role.</summary>
    public ClusterAccess? Cluster { get; init; }

    /// <summary>The registry a publishing stage pushes the images to.</summary>
    public ImageRegistry? PushesTo { get; init; }

    /// <summary>
    /// The registry whose layer cache (the images' <c>buildcache</c> tags) the stage reads, and only reads: the job
    /// gets the registry's <see cref="ImageRegistry.CacheReadPermissions"/>. The stage that pushes the images
    /// (<see cref="PushesTo"/>) is the one that writes the cache (<see cref="WritesLayerCache"/>).
    /// </summary>
    public ImageRegistry? ReadsCacheFrom { get; init; }

    /// <summary>
    /// Whether the job pushes the layer cache: only the stage that publishes the images, so the cache a release build
    /// reads holds only what a pushed, reviewed commit built, never what a pull request's code put there.
    /// </summary>
    public bool WritesLayerCache => PushesTo is not null;

    // A registry the job logs in to: where it pushes the images or reads their layer cache.
    private ImageRegistry? LogsInTo => PushesTo ?? ReadsCacheFrom;

    /// <summary>The AWS role the job assumes with GitHub's OIDC token before the task runs, if its cluster or registry is on AWS.</summary>
    public AwsRole? AwsRole => Cluster?.Role ?? LogsInTo?.Role;

    /// <summary>
    /// The job's token permissions: <see cref="Permissions"/> plus what its registry needs to push images
    /// (<c>packages: write</c> for GHCR) or only to read the layer cache (<c>packages: read</c>), and
    /// <c>id-token: write</c> when it assumes an AWS role — on no other job.
    /// </summary>
    public Permissions JobPermissions
    {
        get
        {
            var registry = PushesTo?.PushPermissions ?? ReadsCacheFrom?.CacheReadPermissions;
            var permissions = registry?.Scopes
                .Aggregate(Permissions, (all, scope) => all.With(scope.Key, scope.Value)) ?? Permissions;
            return AwsRole is null ? permissions : permissions.With(PermissionScope.IdToken, PermissionAccess.Write);
        }
    }

    /// <summary>The secrets the job hands to the task: those of its cluster access and registry, then its own.</summary>
    public ImmutableArray<SecretBinding> JobSecrets =>
        [.. Cluster?.Secrets ?? [], .. LogsInTo?.PushSecrets ?? [], .. Secrets];

    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Arguments the CI job adds to <c>./build.sh</c>, e.g. the confirmation a production deploy needs.</summary>
    public ImmutableArray<string> CiArguments { get; init; } = [];

    public int TimeoutMinutes { get; init; } = 15;

    /// <summary>The bounds a deploy stage waits under; validation checks their worst case against <see cref="TimeoutMinutes"/>.</summary>
    public DeployTimeouts? DeployTimeouts { get; init; }

    /// <summary>
    /// Run by the job's <c>if: cancelled()</c> step with the same environment and credentials: GitHub still runs such
    /// steps after cancelling a job (and ends them after 5 minutes), so an interrupted deploy is repaired at once.
    /// </summary>
    public LocalTarget? RepairOnCancel { get; init; }

    /// <summary>A report the job uploads to GitHub code scanning (SARIF) after the task, also when it fails.</summary>
    public Artifact? CodeScanningReport { get; init; }

    /// <summary>A coverage report the job uploads to the coverage service when the task passed.</summary>
    public CoverageReport? Coverage { get; init; }

    /// <summary>The NuGet packages the stage's job restores: the build host's, or the whole solution's (Test-Pipeline).</summary>
    public NuGetRestore Restores { get; init; } = NuGetRestore.Host;

    /// <summary>
    /// The one job that saves the build-host and host-NuGet caches when it had to fill them; every other job only
    /// restores them, so parallel jobs never race to save the same key.
    /// </summary>
    public bool SavesHostCache { get; init; }

    /// <summary>The stage makes what is released (images): it restores no caches, like the jobs that publish.</summary>
    public bool IsReleasePath { get; init; }

    /// <summary>Deploys queue behind each other: a cancelled <c>helm upgrade</c> leaves the release stuck.</summary>
    public bool Deploys => Environment is not null;

    /// <summary>
    /// Publishing or deploying jobs, and those holding a registry login, restore no caches, so a poisoned cache cannot
    /// reach a release.
    /// </summary>
    public bool Releases => IsReleasePath || Deploys || LogsInTo is not null
        || Permissions.Grants(PermissionScope.Packages, PermissionAccess.Write);

    public ExpectedDuration Duration { get; init; } = ExpectedDuration.Unknown;

    public string JobId => Name.ToLowerInvariant();

    public override ImmutableArray<PipelineTarget> Dependencies => [.. Needs];
}
