using System.Collections.Immutable;

namespace Pipeline.Definition.Workflows;

/// <summary>Scopes of the GITHUB_TOKEN, with their wire names.</summary>
public enum PermissionScope
{
    Actions,
    Checks,
    Contents,
    Deployments,
    IdToken,
    Issues,
    Packages,
    PullRequests,
    SecurityEvents,
    Statuses,
}

/// <summary>What a scope of the token may do.</summary>
public enum PermissionAccess
{
    None,
    Read,
    Write,
}

/// <summary>The token permissions of a workflow or job. <see cref="None"/> renders as <c>{}</c>: the token can do nothing.</summary>
public sealed record Permissions(ImmutableSortedDictionary<PermissionScope, PermissionAccess> Scopes)
{
    public static Permissions None { get; } = new(ImmutableSortedDictionary<PermissionScope, PermissionAccess>.Empty);

    public static Permissions ReadContents { get; } = None.With(PermissionScope.Contents, PermissionAccess.Read);

    public Permissions With(PermissionScope scope, PermissionAccess access) => new(Scopes.SetItem(scope, access));

    public bool Grants(PermissionScope scope, PermissionAccess access) =>
        Scopes.TryGetValue(scope, out var granted) && granted >= access;

    public static string WireName(PermissionScope scope) => scope switch
    {
        PermissionScope.IdToken => "id-token",
        PermissionScope.PullRequests => "pull-requests",
        PermissionScope.SecurityEvents => "security-events",
        _ => scope.ToString().ToLowerInvariant(),
    };
}
