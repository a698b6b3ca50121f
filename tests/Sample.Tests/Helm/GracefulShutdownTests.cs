using Sample.Tests.Support;
using static Sample.Tests.Helm.ChartValues;

namespace Sample.Tests.Helm;

/// <summary>
/// Every container of both releases keeps serving through a preStop sleep while its endpoint is removed, and the grace
/// period (which counts from the start of preStop) covers that sleep plus the process's drain (chart README, "Graceful
/// shutdown").
/// </summary>
[Trait("Requires", "helm")]
public sealed class GracefulShutdownTests
{
    [Theory]
    [InlineData(StableRelease)]
    [InlineData(CanaryRelease)]
    public void Template_EveryContainer_SleepsInPreStopAndTheGracePeriodCoversSleepAndDrain(string release)
    {
        var sets = release == CanaryRelease ? Canary(50) : LiveCanary(50);
        var chart = Support.Helm.Render(release, Support.Helm.ProductionValues,
            [.. sets, "shutdown.preStopSleepSeconds=7", "shutdown.drainSeconds=25"]);

        chart.Deployments.Should().HaveCount(2);
        foreach (var deployment in chart.Deployments)
        {
            deployment.PodSpec.Scalar("terminationGracePeriodSeconds").Should().Be("32", deployment.Name);
            deployment.Containers.Select(container => string.Join(' ',
                    container.Sequence("lifecycle", "preStop", "exec", "command").Select(word => word.ToString())))
                .Should().Equal("sleep 7");
        }
    }

    [Fact]
    public void Template_Defaults_SleepTenSecondsAndAllowThirty()
    {
        var chart = Support.Helm.Render(StableRelease, null, ShaTags);

        chart.Deployments.Select(deployment => deployment.PodSpec.Scalar("terminationGracePeriodSeconds")).Should().Equal("30", "30");
        chart.Deployments.SelectMany(deployment => deployment.Containers)
            .Select(container => container.Sequence("lifecycle", "preStop", "exec", "command").Last().ToString())
            .Should().Equal("10", "10");
    }

    [Theory]
    [InlineData("shutdown.drainSeconds=0", "/shutdown/drainSeconds")]
    [InlineData("shutdown.preStopSleepSeconds=-1", "/shutdown/preStopSleepSeconds")]
    public void Template_ShutdownOutOfRange_FailsNamingTheValue(string set, string valuePath)
    {
        var result = Support.Helm.Template(StableRelease, null, [.. ShaTags, set]);

        result.Succeeded.Should().BeFalse();
        result.StdErr.Should().Contain(valuePath);
    }

    [Fact]
    public void FrontendImage_StopsWithSigquit_NginxsGracefulStop()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepoPaths.Root, "samples", "sovd-webapp", "frontend", "Dockerfile.prod"));

        dockerfile.Where(line => line.StartsWith("STOPSIGNAL", StringComparison.Ordinal)).Should().Equal("STOPSIGNAL SIGQUIT");
    }
}
