using Build.Tests.Tools.Support;
using Build.Tools.Kubectl;

namespace Build.Tests.Tools.Kubectl;

public sealed class KubectlRunnerTests
{
    [Fact]
    public void KubectlRolloutStatus_RendersResourceTimeoutAndWhere()
    {
        using var fixture = new ToolFixture();

        fixture.Context.KubectlRolloutStatus("sovd-api", TimeSpan.FromMinutes(5), new KubectlSettings { Target = new("sovd", "prod") });

        fixture.Runner.Single.Arguments.Should().Be("rollout status deployment/sovd-api --timeout=5m0s -n sovd --context prod");
    }

    [Fact]
    public void KubectlGet_CapturesTheJson()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("get", new ProcessReply(Output: ["{\"items\":[]}"]));

        var result = fixture.Context.KubectlGet("pods", "app=sovd-api", KubectlOutputFormat.Json, new KubectlSettings { Target = new("sovd") });

        fixture.Runner.Single.Arguments.Should().Be("get pods -l app=sovd-api -o json -n sovd");
        result.Output.Should().Be("{\"items\":[]}");
    }

    [Fact]
    public void KubectlDiagnostics_RenderNamespaceSelectorAndTail()
    {
        using var fixture = new ToolFixture();
        var settings = new KubectlSettings { Target = new("sovd", "prod") };

        fixture.Context.KubectlDescribe("pods", "app=sovd-api", settings);
        fixture.Context.KubectlLogs("sovd-api-1", 50, settings);
        fixture.Context.KubectlCreateNamespace("sovd", settings);

        fixture.Runner.Calls.Select(call => call.Arguments).Should().Equal(
            "describe pods -l app=sovd-api -n sovd --context prod",
            "logs sovd-api-1 --all-containers --tail=50 -n sovd --context prod",
            "create namespace sovd --context prod");
    }

    [Fact]
    public void KubectlRolloutStatus_WithoutDeployment_ThrowsNamingTheSetting()
    {
        using var fixture = new ToolFixture();

        var act = () => fixture.Context.KubectlRolloutStatus("", TimeSpan.FromMinutes(5), new KubectlSettings());

        act.Should().Throw<ArgumentException>().WithMessage("deployment is empty*");
    }
}
