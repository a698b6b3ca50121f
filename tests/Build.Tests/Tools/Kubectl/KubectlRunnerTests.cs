using Build.Tests.Tools.Support;
using Build.Tools.Kubectl;

namespace Build.Tests.Tools.Kubectl;

public sealed class KubectlRunnerTests
{
    [Fact]
    public void KubectlRolloutStatus_RendersResourceTimeoutAndWhere()
    {
        using var fixture = new ToolFixture();

        fixture.Context.KubectlRolloutStatus(new KubectlRolloutStatusSettings
        {
            Resource = KubeResource.Deployment("sovd-api"),
            Timeout = TimeSpan.FromMinutes(5),
            Namespace = "sovd",
            KubeContext = "prod",
        });

        fixture.Runner.Single.Arguments.Should().Be("rollout status deployment/sovd-api --timeout=5m0s -n sovd --context prod");
    }

    [Fact]
    public void KubectlGet_CapturesTheJson()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("get", new ProcessReply(Output: ["{\"items\":[]}"]));

        var result = fixture.Context.KubectlGet(new KubectlGetSettings { Kind = "pods", Selector = "app=sovd-api", Namespace = "sovd" });

        fixture.Runner.Single.Arguments.Should().Be("get pods -l app=sovd-api -o json -n sovd");
        result.Output.Should().Be("{\"items\":[]}");
    }

    [Fact]
    public void KubectlAnnotateAndScale_RenderTheirArguments()
    {
        using var fixture = new ToolFixture();
        var resource = KubeResource.Ingress("sovd-canary");

        fixture.Context.KubectlAnnotate(new KubectlAnnotateSettings
        {
            Resource = resource,
            Annotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/canary-weight"] = "10" },
        });
        fixture.Context.KubectlScale(new KubectlScaleSettings { Resource = KubeResource.Deployment("sovd-api"), Replicas = 3 });

        fixture.Runner.Calls.Select(call => call.Arguments).Should().Equal(
            "annotate ingress/sovd-canary nginx.ingress.kubernetes.io/canary-weight=10 --overwrite",
            "scale deployment/sovd-api --replicas=3");
    }

    [Fact]
    public void KubectlRolloutStatus_WithoutResource_ThrowsNamingTheSetting()
    {
        using var fixture = new ToolFixture();

        var act = () => fixture.Context.KubectlRolloutStatus(new KubectlRolloutStatusSettings());

        act.Should().Throw<ArgumentException>().WithMessage("KubectlRolloutStatusSettings.Resource is not set*");
    }
}
