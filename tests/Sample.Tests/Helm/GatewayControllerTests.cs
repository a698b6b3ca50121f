using Sample.Tests.Support;
using static Sample.Tests.Helm.ChartValues;

namespace Sample.Tests.Helm;

/// <summary>
/// traffic.gateway.controller renders what each Gateway API implementation needs besides the HTTPRoute (chart README,
/// "Gateway controllers"): ip-target TargetGroupConfigurations for the AWS Load Balancer Controller, one match per rule
/// for VPC Lattice, nothing for Envoy Gateway, Istio and generic. Rendered by the real helm, checked by the schemas.
/// </summary>
[Trait("Requires", "helm")]
public sealed class GatewayControllerTests
{
    private static string[] Controller(string controller, params string[] sets) => [.. sets, $"traffic.gateway.controller={controller}"];

    [Theory]
    [InlineData(StableRelease, "sovd-webapp")]
    [InlineData(CanaryRelease, "sovd-webapp-canary")]
    public void Template_AwsAlb_GivesEveryServiceOfTheReleaseIpTargetsAndAHealthCheckAnswering200(string release, string prefix)
    {
        var sets = release == CanaryRelease ? Canary(10) : LiveCanary(10);
        var chart = Support.Helm.Render(release, Support.Helm.ProductionValues, Controller("aws-alb", sets));

        var configurations = chart.OfKind("TargetGroupConfiguration").ToList();

        configurations.Select(tgc => tgc.Scalar("spec", "targetReference", "name"))
            .Should().BeEquivalentTo(chart.OfKind("Service").Select(service => service.Name));
        configurations.Select(tgc => $"{tgc.Name}: {tgc.Scalar("spec", "defaultConfiguration", "targetType")} " +
                                     $"{tgc.Scalar("spec", "defaultConfiguration", "healthCheckConfig", "healthCheckPath")} " +
                                     $"{tgc.Scalar("spec", "defaultConfiguration", "healthCheckConfig", "matcher", "httpCode")}")
            .Should().BeEquivalentTo($"{prefix}-backend: ip /health/ready 200", $"{prefix}-frontend: ip /healthz 200");
        configurations.Should().OnlyContain(tgc => tgc.Scalar("apiVersion") == "gateway.k8s.aws/v1");
    }

    [Theory]
    [InlineData(StableRelease, "sovd-webapp")]
    [InlineData(CanaryRelease, "sovd-webapp-canary")]
    public void Template_VpcLattice_GivesEveryServiceOfTheReleaseAHealthCheckAnswering200(string release, string prefix)
    {
        var sets = release == CanaryRelease ? Canary(10) : LiveCanary(10);
        var chart = Support.Helm.Render(release, Support.Helm.ProductionValues, Controller("vpc-lattice", sets));

        var policies = chart.OfKind("TargetGroupPolicy").ToList();

        policies.Select(policy => $"{policy.Scalar("spec", "targetRef", "kind")}/{policy.Scalar("spec", "targetRef", "name")}")
            .Should().BeEquivalentTo(chart.OfKind("Service").Select(service => $"Service/{service.Name}"));
        policies.Select(policy => $"{policy.Name}: {policy.Scalar("spec", "healthCheck", "path")} {policy.Scalar("spec", "healthCheck", "statusMatch")}")
            .Should().BeEquivalentTo($"{prefix}-backend: /health/ready 200", $"{prefix}-frontend: /healthz 200");
        chart.OfKind("TargetGroupConfiguration").Should().BeEmpty();
    }

    [Theory]
    [InlineData("generic")]
    [InlineData("envoy")]
    [InlineData("istio")]
    public void Template_OtherControllers_RenderNoControllerObjects(string controller)
    {
        var chart = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, Controller(controller, LiveCanary(50)));

        chart.Manifests.Select(manifest => manifest.Kind).Distinct()
            .Should().BeEquivalentTo("Deployment", "Service", "HTTPRoute", "PodDisruptionBudget");
    }

    [Fact]
    public void Template_AwsAlbInIngressMode_RendersNoTargetGroupConfiguration()
    {
        var chart = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, Controller("aws-alb", Provider(IngressNginx)));

        chart.OfKind("TargetGroupConfiguration").Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100)]
    public void Template_VpcLattice_HasOneMatchPerRuleAndRoutesEveryRequestAsTheDefault(int weight)
    {
        var lattice = new GatewayRoute(Support.Helm.Render(StableRelease, Support.Helm.ProductionValues,
            Controller("vpc-lattice", LiveCanary(weight))).OfKind("HTTPRoute").Single());
        var generic = new GatewayRoute(Support.Helm.Render(StableRelease, Support.Helm.ProductionValues,
            LiveCanary(weight)).OfKind("HTTPRoute").Single());

        lattice.Rules.Should().OnlyContain(rule => rule.Sequence("matches").Count == 1);
        lattice.Rules.Should().HaveCount(6, "three paths, each with and without the canary header");
        foreach (var path in new[] { "/api/v1/vehicles", "/health/ready", "/", "/assets/index.js", "/apix" })
        {
            foreach (var headers in new[] { null, new Dictionary<string, string> { [CanaryHeader] = "always" } })
            {
                lattice.BackendsFor(path, headers).Should().BeEquivalentTo(generic.BackendsFor(path, headers), $"{path} {headers?.Count}");
            }
        }
    }

    [Fact]
    public void Template_VpcLattice_PutsHeaderRulesAndLongerPrefixesFirstBecauseLatticeOrdersByIndex()
    {
        var route = new GatewayRoute(Support.Helm.Render(StableRelease, Support.Helm.ProductionValues,
            Controller("vpc-lattice", LiveCanary(10))).OfKind("HTTPRoute").Single());

        route.Rules.Select(rule => rule.Sequence("matches").Single())
            .Select(match => $"{match.Scalar("path", "value")}{(match.Sequence("headers").Count > 0 ? " +header" : "")}")
            .Should().Equal("/api +header", "/health +header", "/ +header", "/api", "/health", "/");
    }

    [Theory]
    [InlineData("aws-alb")]
    [InlineData("vpc-lattice")]
    [InlineData("envoy")]
    [InlineData("istio")]
    public void Lint_EachController_PassesStrictLintWithProductionValues(string controller)
    {
        var result = Support.Helm.Lint(Support.Helm.ProductionValues, $"traffic.gateway.controller={controller}");

        result.Succeeded.Should().BeTrue(result.Describe());
        result.StdOut.Should().Contain("1 chart(s) linted, 0 chart(s) failed");
    }

    [Fact]
    public void Template_UnknownController_FailsNamingTheValueAndTheChoices()
    {
        var result = Support.Helm.Template(StableRelease, null, Controller("nginx-gateway", ShaTags));

        result.Succeeded.Should().BeFalse();
        result.StdErr.Should().Contain("traffic/gateway/controller")
            .And.Contain("'generic', 'aws-alb', 'envoy', 'istio', 'vpc-lattice'");
    }

    [Theory]
    [Trait("Requires", "node")]
    [InlineData("aws-alb")]
    [InlineData("vpc-lattice")]
    public void Validate_ControllerRenderingsAtEachWeight_PassTheSchemasIncludingTheCrd(string controller)
    {
        foreach (var weight in new[] { 0, 10, 50, 100 })
        {
            foreach (var (release, sets) in new[] { (StableRelease, LiveCanary(weight)), (CanaryRelease, Canary(weight)) })
            {
                var rendered = Support.Helm.Template(release, Support.Helm.ProductionValues, Controller(controller, sets));
                rendered.Succeeded.Should().BeTrue(rendered.Describe());

                var result = K8sSchemas.Validate(rendered.StdOut);

                result.Succeeded.Should().BeTrue(result.Describe());
                result.StdErr.Should().Contain("0 finding(s)");
            }
        }
    }

    [Fact]
    [Trait("Requires", "node")]
    public void Validate_TargetGroupConfigurationBreakingItsCrd_IsRejectedNamingTheField()
    {
        var tgc = Support.Helm.Render(StableRelease, null, Controller("aws-alb", ShaTags)).OfKind("TargetGroupConfiguration").First().Yaml();
        var broken = tgc.Replace("targetType: ip", "targetType: pod", StringComparison.Ordinal)
            .Replace("healthCheckPath:", "healthCheckPat:", StringComparison.Ordinal);

        var result = K8sSchemas.Validate(broken);

        result.ExitCode.Should().Be(1, result.Describe());
        result.StdOut.Should().Contain("TargetGroupConfiguration/sovd-webapp-backend: data/spec/defaultConfiguration/targetType must be equal to one of the allowed values")
            .And.Contain("data/spec/defaultConfiguration/healthCheckConfig must NOT have additional properties (healthCheckPat)");
    }
}
