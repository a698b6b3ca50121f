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
    [InlineData("ingress.host=Not A Host", "ingress.host")]
    public void Template_WithOutOfRangeValue_FailsNamingTheValue(string badSet, string valueName)
    {
        var result = Support.Helm.Template(CanaryRelease, null, [.. ShaTags, "canary.enabled=true", "canary.weight=10", badSet]);

        result.Succeeded.Should().BeFalse(result.Describe());
        // Helm 3 names the value (canary.weight); Helm 4's schema validator names its JSON pointer (at '/canary/weight').
        result.StdErr.Should().ContainAny(valueName, $"at '/{valueName.Replace('.', '/')}'");
    }

    [Fact]
    public void Template_WeightOnStableRelease_FailsExplainingThatCanaryIsDisabled()
    {
        var result = Support.Helm.Template(StableRelease, null, [.. ShaTags, "canary.weight=10"]);

        result.Succeeded.Should().BeFalse(result.Describe());
        result.StdErr.Should().Contain("canary.weight is 10 but canary.enabled is false");
    }

    [Fact]
    public void Template_CanaryWithoutIngress_FailsExplainingWhy()
    {
        var result = Support.Helm.Template(CanaryRelease, null, [.. Canary(10), "ingress.enabled=false"]);

        result.Succeeded.Should().BeFalse(result.Describe());
        result.StdErr.Should().Contain("canary.enabled=true needs ingress.enabled=true");
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
    public void Template_ZeroWeightCanary_RendersWithNoWeightedTraffic()
    {
        var result = Support.Helm.Template(CanaryRelease, null, Canary(0));

        result.Succeeded.Should().BeTrue(result.Describe());
        result.StdOut.Should().Contain("nginx.ingress.kubernetes.io/canary-weight: \"0\"");
    }
}
