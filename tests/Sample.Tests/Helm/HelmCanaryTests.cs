using System.Globalization;
using Sample.Tests.Support;
using YamlDotNet.RepresentationModel;
using static Sample.Tests.Helm.ChartValues;

namespace Sample.Tests.Helm;

/// <summary>
/// The canary pair: release sovd-webapp-canary runs the new images (canary.enabled, canary.weight sizes it);
/// the stable release owns the traffic objects and, with canary.live, sends the header and canary.weight % to it.
/// </summary>
[Trait("Requires", "helm")]
public sealed class HelmCanaryTests
{
    private const string CanaryAnnotation = "nginx.ingress.kubernetes.io/canary";
    private const string WeightAnnotation = "nginx.ingress.kubernetes.io/canary-weight";
    private const string HeaderAnnotation = "nginx.ingress.kubernetes.io/canary-by-header";
    private const string HeaderValueAnnotation = "nginx.ingress.kubernetes.io/canary-by-header-value";

    public static TheoryData<string> Providers => [Gateway, IngressNginx];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Template_CanaryRelease_RendersOnlyItsWorkloadsAndServices(string provider)
    {
        var chart = Support.Helm.Render(CanaryRelease, Support.Helm.ProductionValues, [.. Canary(10), $"traffic.provider={provider}"]);

        chart.Manifests.Select(m => $"{m.Kind}/{m.Name}").Should().BeEquivalentTo(
        [
            "Deployment/sovd-webapp-canary-backend", "Deployment/sovd-webapp-canary-frontend",
            "Service/sovd-webapp-canary-backend", "Service/sovd-webapp-canary-frontend",
        ]);
        chart.Manifests.Should().OnlyContain(m => m.Labels["sovd.io/track"] == "canary");
        chart.Deployments.Should().OnlyContain(
            d => d.Scalar("spec", "selector", "matchLabels", "app.kubernetes.io/instance") == CanaryRelease);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Template_RouteRelease_RendersStablesTrafficObjectsOnlyNamedAfterStable(string provider)
    {
        var live = Support.Helm.Render("sovd-webapp-route", Support.Helm.ProductionValues,
            ["traffic.routeFor=sovd-webapp", "canary.live=true", "canary.weight=10", $"traffic.provider={provider}"]);
        var stable = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, [.. LiveCanary(10, provider)]);

        live.Manifests.Should().NotBeEmpty().And.OnlyContain(m => m.Kind == "HTTPRoute" || m.Kind == "Ingress", "a route release renders no workload");
        // The same traffic objects stable would render: names, backends, weights; only the instance label differs.
        static string Traffic(RenderedChart chart) => string.Join("---\n", chart.Manifests.Where(m => m.Kind is "HTTPRoute" or "Ingress")
            .Select(m => m.Yaml().Replace("app.kubernetes.io/instance: sovd-webapp-route", "app.kubernetes.io/instance: sovd-webapp", StringComparison.Ordinal)));
        Traffic(live).Should().Be(Traffic(stable)).And.Contain("sovd-webapp-canary-backend");
    }

    [Fact]
    public void Template_RouteReleaseWithCanaryEnabled_FailsNamingBothValues()
    {
        var result = Support.Helm.Template("sovd-webapp-route", null, ["traffic.routeFor=sovd-webapp", "canary.enabled=true"]);

        result.Succeeded.Should().BeFalse(result.Describe());
        result.StdErr.Should().Contain("traffic.routeFor makes a route release, but this release has canary.enabled=true: a canary release renders no traffic objects");
    }

    [Theory]
    [InlineData(Support.Helm.ProductionValues, 0, 1)]
    [InlineData(Support.Helm.ProductionValues, 10, 1)]
    [InlineData(Support.Helm.ProductionValues, 50, 2)]
    [InlineData(Support.Helm.ProductionValues, 100, 3)]
    [InlineData(Support.Helm.StagingValues, 50, 1)]
    public void Template_CanaryRelease_GrowsReplicasWithItsWeight(string valuesFile, int weight, int replicas)
    {
        var chart = Support.Helm.Render(CanaryRelease, valuesFile, Canary(weight));

        chart.Deployments.Select(d => d.Scalar("spec", "replicas"))
            .Should().Equal(replicas.ToString(CultureInfo.InvariantCulture), replicas.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Template_CanaryReleaseWithReplicaCount_RunsThatManyPodsWhateverTheWeight()
    {
        var chart = Support.Helm.Render(CanaryRelease, Support.Helm.ProductionValues, [.. Canary(10), "canary.replicaCount=2"]);

        chart.Deployments.Select(d => d.Scalar("spec", "replicas")).Should().Equal("2", "2");
    }

    [Fact]
    public void Template_CanaryRelease_RunsTheNewImagesAgainstTheCanaryBackend()
    {
        var chart = Support.Helm.Render(CanaryRelease, Support.Helm.ProductionValues, Canary(50));
        var frontend = chart.Single("Deployment", "sovd-webapp-canary-frontend").Containers.Single();

        chart.Deployments.SelectMany(d => d.Containers).Should().OnlyContain(c => c.Scalar("image")!.EndsWith(Sha));
        EnvOf(frontend, "BACKEND_UPSTREAM").Should().Be("sovd-webapp-canary-backend:8000");
    }

    [Fact]
    public void Template_BothFrontends_FetchMissingAssetsFromEachOther()
    {
        var stable = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, ShaTags);
        var canary = Support.Helm.Render(CanaryRelease, Support.Helm.ProductionValues, Canary(10));

        EnvOf(stable.Single("Deployment", "sovd-webapp-frontend").Containers.Single(), "ASSET_PEER")
            .Should().Be("sovd-webapp-canary-frontend.sovd.svc.cluster.local:8080");
        EnvOf(canary.Single("Deployment", "sovd-webapp-canary-frontend").Containers.Single(), "ASSET_PEER")
            .Should().Be("sovd-webapp-frontend.sovd.svc.cluster.local:8080");
    }

    [Fact]
    public void Template_PeerServiceValue_OverridesTheDerivedPeer()
    {
        var chart = Support.Helm.Render(StableRelease, null,
            [.. ShaTags, "frontend.assetFallback.peerService=other-frontend", "clusterDomain=k8s.internal"]);

        EnvOf(chart.Single("Deployment", "sovd-webapp-frontend").Containers.Single(), "ASSET_PEER")
            .Should().Be("other-frontend.sovd.svc.k8s.internal:8080");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(100)]
    public void Template_GatewayWithLiveCanary_SplitsEveryPathByTheWeight(int weight)
    {
        var route = StableRoute(LiveCanary(weight));

        foreach (var (path, component) in new[] { ("/api/v1/vehicles", "backend"), ("/health/ready", "backend"), ("/", "frontend") })
        {
            route.BackendsFor(path).Select(b => $"{b.Service}={b.Weight}").Should().Equal(
                [$"sovd-webapp-{component}={100 - weight}", $"sovd-webapp-canary-{component}={weight}"], path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100)]
    public void Template_GatewayWithLiveCanary_SendsTheHeaderToTheCanaryOnly(int weight)
    {
        var route = StableRoute(LiveCanary(weight));
        var header = new Dictionary<string, string> { [CanaryHeader.ToLowerInvariant()] = "always" };

        HelmTemplateTests.HttpRouteTargets(route, header).Should().Equal(
            "/api/v1/vehicles -> sovd-webapp-canary-backend:8000",
            "/health/ready -> sovd-webapp-canary-backend:8000",
            "/ -> sovd-webapp-canary-frontend:8080",
            "/assets/index.js -> sovd-webapp-canary-frontend:8080",
            "/apix -> sovd-webapp-canary-frontend:8080");
        route.BackendsFor("/", new Dictionary<string, string> { [CanaryHeader] = "never" })
            .Should().HaveCount(2, "any other header value takes the weighted split");
    }

    [Fact]
    public void Template_GatewayAfterCleanup_RoutesEverythingToStableAndNamesNoCanary()
    {
        var route = StableRoute(ShaTags);

        route.Rules.Should().HaveCount(2);
        route.Manifest.Yaml().Should().NotContain("canary");
        HelmTemplateTests.HttpRouteTargets(route).Should().OnlyContain(target => !target.Contains("canary"));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(100)]
    public void Template_IngressNginxWithLiveCanary_AddsACanaryIngressWithWeightAndHeader(int weight)
    {
        var chart = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, LiveCanary(weight, IngressNginx));
        var stable = chart.Single("Ingress", "sovd-webapp");
        var canary = chart.Single("Ingress", "sovd-webapp-canary-split");

        stable.Annotations.Keys.Should().NotContain(key => key.Contains("canary"));
        canary.Annotations.Should().Contain(CanaryAnnotation, "true")
            .And.Contain(WeightAnnotation, weight.ToString(CultureInfo.InvariantCulture))
            .And.Contain(HeaderAnnotation, CanaryHeader)
            .And.Contain(HeaderValueAnnotation, "always");
        HelmTemplateTests.IngressRoutes(canary).Should().Equal(HelmTemplateTests.IngressRoutes(stable)
            .Select(route => route.Replace("-> sovd-webapp-", "-> sovd-webapp-canary-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Template_IngressNginxAfterCleanup_RendersOnlyTheStableIngress()
    {
        var chart = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, Provider(IngressNginx));

        chart.OfKind("Ingress").Select(i => i.Name).Should().Equal("sovd-webapp");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Template_CanaryStepOnStable_ChangesOnlyTrafficObjects(string provider)
    {
        // A weight step upgrades the stable release: its pods must not restart for it.
        var before = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, Provider(provider));
        var during = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, LiveCanary(50, provider));

        Workloads(during).Should().Equal(Workloads(before));
    }

    [Fact]
    public void Template_HeaderTurnedOff_KeepsTheWeightedSplitOnly()
    {
        var route = StableRoute([.. LiveCanary(10), "canary.header="]);

        route.Rules.Should().HaveCount(2);
        route.BackendsFor("/", new Dictionary<string, string> { [CanaryHeader] = "always" }).Should().HaveCount(2);
    }

    [Fact]
    public void Template_HttpRoute_UsesOnlyStandardChannelFields()
    {
        // The schemas accept experimental fields (sessionPersistence, …) and ignore unknown ones: list what is used.
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        CollectFieldPaths(StableRoute(LiveCanary(10)).Manifest.Root.Node("spec")!, "spec", paths);

        paths.Should().BeSubsetOf(
        [
            "spec.parentRefs.group", "spec.parentRefs.kind", "spec.parentRefs.name", "spec.parentRefs.namespace",
            "spec.parentRefs.sectionName", "spec.hostnames",
            "spec.rules.matches.path.type", "spec.rules.matches.path.value",
            "spec.rules.matches.headers.type", "spec.rules.matches.headers.name", "spec.rules.matches.headers.value",
            "spec.rules.backendRefs.name", "spec.rules.backendRefs.port", "spec.rules.backendRefs.weight",
        ]);
    }

    private static void CollectFieldPaths(YamlNode node, string path, ISet<string> paths)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    CollectFieldPaths(value, $"{path}.{key}", paths);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    CollectFieldPaths(item, path, paths);
                }

                break;
            default:
                paths.Add(path);
                break;
        }
    }

    private static GatewayRoute StableRoute(string[] sets) =>
        new(Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, sets).OfKind("HTTPRoute").Single());

    private static IEnumerable<string> Workloads(RenderedChart chart) =>
        chart.Manifests.Where(m => m.Kind is "Deployment" or "Service" or "PodDisruptionBudget")
            .Select(m => m.Yaml());

    private static string? EnvOf(YamlMappingNode container, string name) =>
        container.Sequence("env").SingleOrDefault(e => e.Scalar("name") == name)?.Scalar("value");
}
