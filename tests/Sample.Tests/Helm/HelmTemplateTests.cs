using System.Text.RegularExpressions;
using Sample.Tests.Support;
using YamlDotNet.RepresentationModel;
using static Sample.Tests.Helm.ChartValues;

namespace Sample.Tests.Helm;

[Trait("Requires", "helm")]
public sealed class HelmTemplateTests
{
    public static TheoryData<string> Environments => [Support.Helm.StagingValues, Support.Helm.ProductionValues];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Template_WithShaTags_PointsEveryContainerAtTheShaImage(string valuesFile)
    {
        var images = Render(valuesFile).Deployments
            .SelectMany(d => d.Containers)
            .Select(c => c.Scalar("image"))
            .ToList();

        images.Should().BeEquivalentTo(
            [$"ghcr.io/sovd-org/sovd-backend:{Sha}", $"ghcr.io/sovd-org/sovd-frontend:{Sha}"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Template_EachComponent_ProbesItsHealthEndpoints(string valuesFile)
    {
        var chart = Render(valuesFile);

        ProbePaths(chart.Single("Deployment", "sovd-webapp-backend"))
            .Should().Equal("/health/live", "/health/ready");
        ProbePaths(chart.Single("Deployment", "sovd-webapp-frontend"))
            .Should().Equal("/healthz", "/healthz");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Template_EveryPod_RunsAsNonRootWithoutServiceAccountToken(string valuesFile)
    {
        foreach (var deployment in Render(valuesFile).Deployments)
        {
            var pod = deployment.PodSpec;
            pod.Scalar("automountServiceAccountToken").Should().Be("false", deployment.Name);
            pod.Scalar("securityContext", "runAsNonRoot").Should().Be("true", deployment.Name);
            UidOf(pod).Should().BeGreaterThan(0, deployment.Name);
            foreach (var container in deployment.Containers)
            {
                container.Scalar("securityContext", "runAsNonRoot").Should().Be("true", deployment.Name);
                UidOf(container).Should().BeGreaterThan(0, deployment.Name);
                container.Scalar("securityContext", "allowPrivilegeEscalation").Should().Be("false", deployment.Name);
                container.Scalar("securityContext", "readOnlyRootFilesystem").Should().Be("true", deployment.Name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Template_EveryContainer_SetsCpuAndMemoryRequestsAndLimits(string valuesFile)
    {
        var containers = Render(valuesFile).Deployments.SelectMany(d => d.Containers).ToList();

        containers.Should().HaveCount(2);
        foreach (var container in containers)
        {
            foreach (var section in new[] { "requests", "limits" })
            {
                container.Scalar("resources", section, "cpu").Should().NotBeNullOrEmpty(container.Scalar("name"));
                container.Scalar("resources", section, "memory").Should().NotBeNullOrEmpty(container.Scalar("name"));
            }
        }
    }

    [Fact]
    public void Template_Frontend_ProxiesToTheBackendService()
    {
        var chart = Render(Support.Helm.StagingValues);
        var frontend = chart.Single("Deployment", "sovd-webapp-frontend").Containers.Single();
        var service = chart.Single("Service", "sovd-webapp-backend");

        EnvValue(frontend, "BACKEND_UPSTREAM").Should().Be($"{service.Name}:{service.Root.Sequence("spec", "ports")[0].Scalar("port")}");
    }

    [Theory]
    [InlineData(Support.Helm.StagingValues, "sovd-staging.example.com")]
    [InlineData(Support.Helm.ProductionValues, "sovd.example.com")]
    public void Template_ByDefault_RoutesThroughGatewayApiHttpRoute(string valuesFile, string host)
    {
        var chart = Render(valuesFile);
        var route = chart.OfKind("HTTPRoute").Should().ContainSingle().Subject;

        chart.OfKind("Ingress").Should().BeEmpty();
        route.Root.Sequence("spec", "hostnames").Select(h => h.Scalar()).Should().Equal(host);
        var parent = route.Root.Sequence("spec", "parentRefs").Should().ContainSingle().Subject;
        parent.Scalar("kind").Should().Be("Gateway");
        parent.Scalar("name").Should().Be("sovd-gateway");
        HttpRouteTargets(new GatewayRoute(route)).Should().Equal(
            "/api/v1/vehicles -> sovd-webapp-backend:8000",
            "/health/ready -> sovd-webapp-backend:8000",
            "/ -> sovd-webapp-frontend:8080",
            "/assets/index.js -> sovd-webapp-frontend:8080",
            "/apix -> sovd-webapp-frontend:8080");
    }

    [Fact]
    public void Template_GatewayInAnotherNamespace_NamesItsNamespaceAndListener()
    {
        var chart = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues,
            [.. ShaTags, "traffic.gateway.name=shared", "traffic.gateway.namespace=gateways", "traffic.gateway.sectionName=https"]);
        var parent = chart.OfKind("HTTPRoute").Single().Root.Sequence("spec", "parentRefs").Single();

        parent.Scalar("name").Should().Be("shared");
        parent.Scalar("namespace").Should().Be("gateways");
        parent.Scalar("sectionName").Should().Be("https");
    }

    [Theory]
    [InlineData(Support.Helm.StagingValues, "sovd-staging.example.com", "sovd-staging-tls")]
    [InlineData(Support.Helm.ProductionValues, "sovd.example.com", "sovd-production-tls")]
    public void Template_IngressNginxProvider_RoutesApiAndHealthToBackendAndRestToFrontend(string valuesFile, string host, string tlsSecret)
    {
        var chart = Support.Helm.Render(StableRelease, valuesFile, Provider(IngressNginx));
        var ingress = chart.OfKind("Ingress").Should().ContainSingle().Subject;

        chart.OfKind("HTTPRoute").Should().BeEmpty();
        ingress.Scalar("spec", "ingressClassName").Should().Be("nginx");
        ingress.Root.Sequence("spec", "tls").Single().Scalar("secretName").Should().Be(tlsSecret);
        IngressRoutes(ingress).Should().Equal(
            $"{host}/api -> sovd-webapp-backend",
            $"{host}/health -> sovd-webapp-backend",
            $"{host}/ -> sovd-webapp-frontend");
    }

    [Fact]
    public void Template_TrafficDisabled_RendersNoTrafficObjects()
    {
        var chart = Support.Helm.Render(StableRelease, null, [.. ShaTags, "traffic.enabled=false"]);

        // The workloads still render (an empty render would pass the first assertion alone).
        chart.Manifests.Select(m => m.Kind).Should().NotContain(["HTTPRoute", "Ingress"])
            .And.Contain(["Deployment", "Service"]);
        chart.Deployments.Should().HaveCount(2, "the backend and the frontend run without a route");
    }

    [Fact]
    public void Template_WithImagePullSecret_GivesItToEveryPodOfBothReleases()
    {
        const string secret = "global.imagePullSecrets[0].name=ghcr-pull";
        var stable = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, [.. ShaTags, secret]);
        var canary = Support.Helm.Render(CanaryRelease, Support.Helm.ProductionValues, [.. Canary(10), secret]);

        foreach (var deployment in stable.Deployments.Concat(canary.Deployments))
        {
            deployment.PodSpec.Sequence("imagePullSecrets").Select(s => s.Scalar("name"))
                .Should().Equal(["ghcr-pull"], deployment.Name);
        }
    }

    [Fact]
    public void Template_Production_RunsThreeReplicasGuardedByDisruptionBudgets()
    {
        var chart = Render(Support.Helm.ProductionValues);

        chart.Deployments.Select(d => d.Scalar("spec", "replicas")).Should().Equal("3", "3");
        chart.OfKind("PodDisruptionBudget").Select(p => p.Name)
            .Should().BeEquivalentTo(["sovd-webapp-backend", "sovd-webapp-frontend"]);
    }

    [Fact]
    public void Template_Staging_RunsOneReplicaWithoutDisruptionBudget()
    {
        var chart = Render(Support.Helm.StagingValues);

        chart.Deployments.Select(d => d.Scalar("spec", "replicas")).Should().Equal("1", "1");
        chart.OfKind("PodDisruptionBudget").Should().BeEmpty();
    }

    [Fact]
    public void Template_WithDigest_PinsTheDigestInsteadOfTheTag()
    {
        var chart = Support.Helm.Render(
            StableRelease, Support.Helm.ProductionValues, [.. ShaTags, $"backend.image.digest={Digest}"]);

        ImageOf(chart, "sovd-webapp-backend").Should().Be($"ghcr.io/sovd-org/sovd-backend@{Digest}");
        ImageOf(chart, "sovd-webapp-frontend").Should().Be($"ghcr.io/sovd-org/sovd-frontend:{Sha}");
    }

    [Fact]
    public void Template_WithRegistryAndOwner_BuildsImageReferenceFromThem()
    {
        var chart = Support.Helm.Render(
            StableRelease, null, [.. ShaTags, "global.imageRegistry=registry.local:5000", "global.imageOwner=acme"]);

        ImageOf(chart, "sovd-webapp-backend").Should().Be($"registry.local:5000/acme/sovd-backend:{Sha}");
    }

    [Fact]
    public void Template_NewChartVersion_LeavesEveryPodTemplateUnchanged()
    {
        // A canary step re-renders the stable release with the new commit's chart: a version bump alone must not restart pods.
        var copy = Directory.CreateTempSubdirectory("chart-version-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(RepoPaths.Chart, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(RepoPaths.Chart, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var chartFile = Path.Combine(copy, "Chart.yaml");
            File.WriteAllText(chartFile, Regex.Replace(File.ReadAllText(chartFile), "(?m)^(version|appVersion): .*$", "$1: 9.9.9"));
            var bumped = ProcessRunner.Run(HelmLocator.Find(),
                ["template", StableRelease, copy, "--namespace", "sovd", "--values", Path.Combine(copy, Support.Helm.ProductionValues),
                    .. ShaTags.SelectMany(set => new[] { "--set", set })], copy);
            bumped.Succeeded.Should().BeTrue(bumped.Describe());

            PodTemplates(RenderedChart.Parse(bumped.StdOut)).Should().Equal(PodTemplates(Render(Support.Helm.ProductionValues)));
            bumped.StdOut.Should().Contain("helm.sh/chart: sovd-webapp-9.9.9", "the objects themselves still name the chart");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static IEnumerable<string> PodTemplates(RenderedChart chart) =>
        chart.Deployments.Select(d => new Manifest(d.Kind, d.Name, d.Root.Mapping("spec", "template")!).Yaml());

    private static RenderedChart Render(string valuesFile) => Support.Helm.Render(StableRelease, valuesFile, ShaTags);

    private static string? ImageOf(RenderedChart chart, string deployment) =>
        chart.Single("Deployment", deployment).Containers.Single().Scalar("image");

    private static IEnumerable<string?> ProbePaths(Manifest deployment)
    {
        var container = deployment.Containers.Single();
        return [container.Scalar("livenessProbe", "httpGet", "path"), container.Scalar("readinessProbe", "httpGet", "path")];
    }

    private static long UidOf(YamlNode node) =>
        long.TryParse(node.Scalar("securityContext", "runAsUser"), out var uid) ? uid : 0;

    private static string? EnvValue(YamlMappingNode container, string name) =>
        container.Sequence("env").FirstOrDefault(e => e.Scalar("name") == name)?.Scalar("value");

    /// <summary>Where sample paths go, as "path -> service:port" (single-backend rules only).</summary>
    internal static IEnumerable<string> HttpRouteTargets(GatewayRoute route, IReadOnlyDictionary<string, string>? headers = null) =>
        from path in new[] { "/api/v1/vehicles", "/health/ready", "/", "/assets/index.js", "/apix" }
        let backend = route.BackendsFor(path, headers).Should().ContainSingle().Subject
        select $"{path} -> {backend.Service}:{backend.Port}";

    internal static IEnumerable<string> IngressRoutes(Manifest ingress) =>
        from rule in ingress.Root.Sequence("spec", "rules")
        from path in rule.Sequence("http", "paths")
        select $"{rule.Scalar("host")}{path.Scalar("path")} -> {path.Scalar("backend", "service", "name")}";
}
