using Sample.Tests.Support;
using static Sample.Tests.Helm.ChartValues;

namespace Sample.Tests.Helm;

/// <summary>
/// Every document `helm template` prints, in both traffic modes and at every rollout weight, passes Kubernetes' and
/// Gateway API's schemas (tools/k8s-schemas).
/// </summary>
[Trait("Requires", "helm")]
[Trait("Requires", "node")]
public sealed class RenderedSchemaTests
{
    public static TheoryData<string, string, int> Steps()
    {
        var steps = new TheoryData<string, string, int>();
        foreach (var provider in new[] { Gateway, IngressNginx })
        {
            foreach (var weight in new[] { 0, 10, 50, 100 })
            {
                steps.Add(provider, StableRelease, weight);
                steps.Add(provider, CanaryRelease, weight);
            }
        }

        return steps;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Validate_ProductionReleaseAtEachWeight_PassesTheSchemas(string provider, string release, int weight)
    {
        var sets = release == CanaryRelease ? Canary(weight) : LiveCanary(weight, provider);
        var rendered = Support.Helm.Template(release, Support.Helm.ProductionValues, [.. sets, $"traffic.provider={provider}"]);
        rendered.Succeeded.Should().BeTrue(rendered.Describe());

        var result = K8sSchemas.Validate(rendered.StdOut);

        result.Succeeded.Should().BeTrue(result.Describe());
        result.StdErr.Should().Contain("0 finding(s)");
    }

    [Theory]
    [InlineData(Gateway, "HTTPRoute")]
    [InlineData(IngressNginx, "Ingress")]
    public void Validate_StagingAndDefaults_PassTheSchemasWithTheirTrafficObject(string provider, string trafficKind)
    {
        foreach (var valuesFile in new[] { null, Support.Helm.StagingValues })
        {
            var rendered = Support.Helm.Template(StableRelease, valuesFile, Provider(provider));
            rendered.Succeeded.Should().BeTrue(rendered.Describe());

            var result = K8sSchemas.Validate(rendered.StdOut);

            result.Succeeded.Should().BeTrue(result.Describe());
            result.StdErr.Should().Contain(trafficKind).And.Contain("Deployment").And.Contain("Service");
        }
    }

    [Fact]
    public void Validate_ManifestBreakingTheSchemas_IsRejectedNamingEachField()
    {
        var rendered = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, LiveCanary(10)).OfKind("HTTPRoute").Single().Yaml();
        var broken = rendered.Replace("weight: 90", "weight: 9000000", StringComparison.Ordinal)
            + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bad}\nspec: {replicas: two}\n"
            + "---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n";

        var result = K8sSchemas.Validate(broken);

        result.ExitCode.Should().Be(1, result.Describe());
        result.StdOut.Should().Contain("HTTPRoute/sovd-webapp: data/spec/rules/2/backendRefs/0/weight must be <= 1000000")
            .And.Contain("Deployment/bad: data/spec/replicas must be integer")
            .And.Contain("Widget/w: no schema for example.com/v1 Widget");
    }

    [Fact]
    public void Validate_EmptyInput_IsAUsageErrorNotAPass()
    {
        var result = K8sSchemas.Validate("# nothing rendered\n");

        result.ExitCode.Should().Be(2, result.Describe());
        result.StdErr.Should().Contain("holds no Kubernetes objects");
    }
}
