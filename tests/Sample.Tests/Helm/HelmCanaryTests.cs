using Sample.Tests.Support;
using static Sample.Tests.Helm.ChartValues;

namespace Sample.Tests.Helm;

[Trait("Requires", "helm")]
public sealed class HelmCanaryTests
{
    private const string CanaryAnnotation = "nginx.ingress.kubernetes.io/canary";
    private const string WeightAnnotation = "nginx.ingress.kubernetes.io/canary-weight";

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(100)]
    public void Template_CanaryRelease_MarksIngressAsCanaryWithTheWeight(int weight)
    {
        var ingress = RenderCanary(weight).OfKind("Ingress").Should().ContainSingle().Subject;

        ingress.Annotations.Should().Contain(CanaryAnnotation, "true")
            .And.Contain(WeightAnnotation, weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Template_CanaryRelease_ServesTheStableHostAndPathsFromCanaryServices()
    {
        var stable = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, ShaTags);
        var canaryIngress = RenderCanary(10).OfKind("Ingress").Single();
        var stableRoutes = HelmTemplateTests.IngressRoutes(stable.OfKind("Ingress").Single());

        HelmTemplateTests.IngressRoutes(canaryIngress).Should().Equal(
            stableRoutes.Select(route => route.Replace("-> sovd-webapp-", "-> sovd-webapp-canary-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Template_CanaryRelease_RendersOnlyCanaryObjectsThatCannotClashWithStable()
    {
        var chart = RenderCanary(10);

        chart.Manifests.Select(m => $"{m.Kind}/{m.Name}").Should().BeEquivalentTo(
        [
            "Deployment/sovd-webapp-canary-backend", "Deployment/sovd-webapp-canary-frontend",
            "Service/sovd-webapp-canary-backend", "Service/sovd-webapp-canary-frontend",
            "Ingress/sovd-webapp-canary",
        ]);
        chart.Manifests.Should().OnlyContain(m => m.Labels["sovd.io/track"] == "canary");
        chart.Deployments.Should().OnlyContain(
            d => d.Scalar("spec", "selector", "matchLabels", "app.kubernetes.io/instance") == CanaryRelease);
    }

    [Fact]
    public void Template_CanaryRelease_RunsTheNewImagesAgainstTheCanaryBackend()
    {
        var chart = RenderCanary(50);
        var frontend = chart.Single("Deployment", "sovd-webapp-canary-frontend").Containers.Single();

        chart.Deployments.SelectMany(d => d.Containers).Should().OnlyContain(c => c.Scalar("image")!.EndsWith(Sha));
        frontend.Sequence("env").Single(e => e.Scalar("name") == "BACKEND_UPSTREAM").Scalar("value")
            .Should().Be("sovd-webapp-canary-backend:8000");
    }

    [Fact]
    public void Template_StableRelease_CarriesNoCanaryAnnotations()
    {
        var ingress = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, ShaTags).OfKind("Ingress").Single();

        ingress.Annotations.Keys.Should().NotContain(key => key.Contains("canary"));
    }

    private static RenderedChart RenderCanary(int weight) =>
        Support.Helm.Render(CanaryRelease, Support.Helm.ProductionValues, Canary(weight));
}
