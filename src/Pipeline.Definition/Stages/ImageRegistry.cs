using System.Collections.Immutable;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Stages;

/// <summary>
/// Where Push-Images publishes: GitHub Container Registry with the run's token, or AWS ECR through an IAM role
/// assumed with GitHub's OIDC token.
/// </summary>
public abstract record ImageRegistry(string Host)
{
    /// <summary>ghcr.io; images are <c>ghcr.io/&lt;owner&gt;/&lt;name&gt;</c>, pushed with GITHUB_TOKEN and <c>packages: write</c>.</summary>
    public static ImageRegistry Ghcr { get; } = new GhcrRegistry();

    /// <summary>
    /// The private ECR registry of <paramref name="accountId"/> in <paramref name="region"/>; images are
    /// <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;name&gt;</c> (the repositories sovd-backend and sovd-frontend).
    /// </summary>
    public static ImageRegistry Ecr(string accountId, string region, string roleArnVariable) =>
        new EcrRegistry(accountId, new AwsRole(region, roleArnVariable));

    /// <summary>Whether image names carry the owner (GitHub user or organisation) below the host.</summary>
    public abstract bool NamesOwner { get; }

    /// <summary>The role the pushing job assumes, when the registry is on AWS.</summary>
    public abstract AwsRole? Role { get; }

    /// <summary>What the pushing job's token may do beyond reading the repository.</summary>
    public abstract Permissions PushPermissions { get; }

    public abstract ImmutableArray<SecretBinding> PushSecrets { get; }

    /// <summary>
    /// What a job that only reads the layer cache needs: never a write, since such a job may run unreviewed code.
    /// Its login uses <see cref="PushSecrets"/>.
    /// </summary>
    public abstract Permissions CacheReadPermissions { get; }
}

public sealed record GhcrRegistry() : ImageRegistry("ghcr.io")
{
    public override bool NamesOwner => true;

    public override AwsRole? Role => null;

    public override Permissions PushPermissions => Permissions.ReadContents.With(PermissionScope.Packages, PermissionAccess.Write);

    public override ImmutableArray<SecretBinding> PushSecrets => [SecretBinding.GitHubToken];

    // GHCR packages start private: reading the buildcache tag needs a login with packages: read.
    public override Permissions CacheReadPermissions =>
        Permissions.ReadContents.With(PermissionScope.Packages, PermissionAccess.Read);
}

public sealed record EcrRegistry(string AccountId, AwsRole AwsRole) : ImageRegistry($"{AccountId}.dkr.ecr.{AwsRole.Region}.amazonaws.com")
{
    public override bool NamesOwner => false;

    public override AwsRole? Role => AwsRole;

    // The OIDC token is all the job needs: the role's policy grants the ECR push.
    public override Permissions PushPermissions => Permissions.ReadContents.With(PermissionScope.IdToken, PermissionAccess.Write);

    public override ImmutableArray<SecretBinding> PushSecrets => [];

    // The same OIDC token: what the role lets a pull request's job do is the role's trust policy's business.
    public override Permissions CacheReadPermissions => PushPermissions;
}
