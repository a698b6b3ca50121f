using static Sample.Tests.Helm.ChartValues;

namespace Sample.Tests.Helm;

[Trait("Requires", "helm")]
public sealed class HelmValidationTests
{
    [Theory]
    [InlineData("canary.weight=150", "canary.weight")]
    [InlineData("canary.weight=-1", "canary.weight")]
    [InlineData("backend.image.tag=", "backend.image.tag")]
    [InlineData("frontend.image.tag=", "frontend.image.tag")]
    [InlineData("backend.image.digest=sha256:abc", "backend.image.digest")]
    [InlineData("frontend.replicaCount=0", "frontend.replicaCount")]
    [InlineData("traffic.host=Not A Host", "traffic.host")]
    [InlineData("traffic.provider=traefik", "traffic.provider")]
    [InlineData("traffic.gateway.name=", "traffic.gateway.name")]
    [InlineData("canary.header=X Canary", "canary.header")]
    [InlineData("global.imagePullSecrets[0].secretName=ghcr-pull", "global.imagePullSecrets.0")]
    public void Template_WithOutOfRangeValue_FailsNamingTheValue(string badSet, string valueName)
    {
        var result = Support.Helm.Template(CanaryRelease, null, [.. Canary(10), badSet]);

        result.Succeeded.Should().BeFalse(result.Describe());
        // Helm 3 names the value as a.b.c, Helm 4 as the JSON pointer /a/b/c.
        result.StdErr.Should().ContainAny(valueName, "/" + valueName.Replace('.', '/'));
    }

    [Fact]
    public void Template_WeightOnStableReleaseWithoutLiveCanary_FailsNamingBothValues()
    {
        var result = Support.Helm.Template(StableRelease, null, [.. ShaTags, "canary.weight=10"]);

        result.Succeeded.Should().BeFalse(result.Describe());
        result.StdErr.Should().Contain("canary.weight is 10 on the stable release but canary.live is false");
    }

    [Fact]
    public void Template_LiveOnTheCanaryRelease_FailsExplainingWhereItBelongs()
    {
        var result = Support.Helm.Template(CanaryRelease, null, [.. Canary(10), "canary.live=true"]);

        result.Succeeded.Should().BeFalse(result.Describe());
        result.StdErr.Should().Contain("set canary.live only on the stable release");
    }

    [Fact]
    public void Template_LiveCanaryWithoutTraffic_FailsExplainingWhy()
    {
        var result = Support.Helm.Template(StableRelease, null, [.. LiveCanary(10), "traffic.enabled=false"]);

        result.Succeeded.Should().BeFalse(result.Describe());
        result.StdErr.Should().Contain("canary.live=true needs traffic.enabled=true");
    }

    [Fact]
    public void Template_CanaryReleaseNotNamedAfterItsStable_AsksForPeerRelease()
    {
        var odd = Support.Helm.Template("sovd-webapp-next", null, Canary(10));
        var named = Support.Helm.Template("sovd-webapp-next", null, [.. Canary(10), "canary.peerRelease=sovd-webapp"]);

        odd.Succeeded.Should().BeFalse(odd.Describe());
        odd.StdErr.Should().Contain("set canary.peerRelease to the stable release's name");
        named.Succeeded.Should().BeTrue(named.Describe());
        named.StdOut.Should().Contain("sovd-webapp-frontend.sovd.svc.cluster.local:8080");
    }

    [Fact]
    public void Template_DisruptionBudgetAsLargeAsReplicas_FailsNamingBothValues()
    {
        var result = Support.Helm.Template(
            StableRelease, Support.Helm.ProductionValues, [.. ShaTags, "frontend.replicaCount=2"]);

        result.Succeeded.Should().BeFalse(result.Describe());
        result.StdErr.Should().Contain("podDisruptionBudget.minAvailable (2) must be below frontend.replicaCount (2)");
    }

    [Fact]
    public void Template_ZeroWeightLiveCanary_RoutesOnlyTheHeaderToIt()
    {
        var result = Support.Helm.Template(StableRelease, null, LiveCanary(0, IngressNginx));

        result.Succeeded.Should().BeTrue(result.Describe());
        result.StdOut.Should().Contain("nginx.ingress.kubernetes.io/canary-weight: \"0\"")
            .And.Contain("nginx.ingress.kubernetes.io/canary-by-header: \"X-Canary\"");
    }
}
