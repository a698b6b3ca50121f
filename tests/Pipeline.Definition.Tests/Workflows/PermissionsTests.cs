using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Workflows;

public class PermissionsTests
{
    [Fact]
    public void None_Always_HasNoScopes()
    {
        Permissions.None.Scopes.Should().BeEmpty();
    }

    [Fact]
    public void ReadContents_Always_GrantsOnlyContentsRead()
    {
        Permissions.ReadContents.Scopes.Should().ContainSingle()
            .Which.Should().Be(KeyValuePair.Create(PermissionScope.Contents, PermissionAccess.Read));
    }

    [Fact]
    public void With_NewScope_ReturnsCopyAndLeavesOriginalUnchanged()
    {
        var widened = Permissions.ReadContents.With(PermissionScope.Packages, PermissionAccess.Write);

        widened.Scopes.Keys.Should().Equal(PermissionScope.Contents, PermissionScope.Packages);
        Permissions.ReadContents.Scopes.Keys.Should().Equal(PermissionScope.Contents);
    }

    [Fact]
    public void With_ScopeAlreadyPresent_ReplacesItsAccess()
    {
        var raised = Permissions.ReadContents.With(PermissionScope.Contents, PermissionAccess.Write);

        raised.Scopes.Should().ContainSingle().Which.Value.Should().Be(PermissionAccess.Write);
    }

    [Theory]
    [InlineData(PermissionAccess.Write, PermissionAccess.Write, true)]
    [InlineData(PermissionAccess.Write, PermissionAccess.Read, true)]
    [InlineData(PermissionAccess.Read, PermissionAccess.Read, true)]
    [InlineData(PermissionAccess.Read, PermissionAccess.Write, false)]
    [InlineData(PermissionAccess.None, PermissionAccess.Read, false)]
    public void Grants_GrantedAccess_ComparesAgainstAsked(PermissionAccess granted, PermissionAccess asked, bool expected)
    {
        var permissions = Permissions.None.With(PermissionScope.Packages, granted);

        permissions.Grants(PermissionScope.Packages, asked).Should().Be(expected);
    }

    [Fact]
    public void Grants_ScopeNotListed_ReturnsFalse()
    {
        Permissions.ReadContents.Grants(PermissionScope.Packages, PermissionAccess.Read).Should().BeFalse();
    }

    [Theory]
    [InlineData(PermissionScope.Actions, "actions")]
    [InlineData(PermissionScope.Checks, "checks")]
    [InlineData(PermissionScope.Contents, "contents")]
    [InlineData(PermissionScope.Deployments, "deployments")]
    [InlineData(PermissionScope.IdToken, "id-token")]
    [InlineData(PermissionScope.Issues, "issues")]
    [InlineData(PermissionScope.Packages, "packages")]
    [InlineData(PermissionScope.PullRequests, "pull-requests")]
    [InlineData(PermissionScope.SecurityEvents, "security-events")]
    [InlineData(PermissionScope.Statuses, "statuses")]
    public void WireName_EveryScope_IsGitHubsName(PermissionScope scope, string expected)
    {
        Permissions.WireName(scope).Should().Be(expected);
    }

    [Fact]
    public void WireName_EveryScope_IsCoveredByTheTheory()
    {
        // Guards the theory above: a new scope must get its wire name checked too.
        Enum.GetValues<PermissionScope>().Should().HaveCount(10);
    }
}
