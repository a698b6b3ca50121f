using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.DeployStagingTests;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The canary analysis inside a whole Deploy-Production run: helm and kubectl are stand-ins (no cluster here), the
/// smoke tests run against the fake web app, and the analysis asks Debian's real Prometheus, which scrapes two real
/// backends labelled as the deploy's canary commit and stable.
/// </summary>
[Collection(DeployCollection.Name)]
[Trait("Tier", "process")]
[Trait("Requires", "prometheus")]
[Trait("Requires", "python")]
public sealed class DeployProductionAnalysisTests
{
    private const string Stage = "Deploy-Production";
    private const string Folder = "deploy-production";

    [Fact]
    public async Task DeployProduction_CanaryFailingOneRequestInTen_RealPrometheusAndStandIn_RollsBackAtTenPercentWithEveryQueryRecorded()
    {
        using var stable = MetricsBackend.Start("stable", "1111111aaaaaaa", Faults.None);
        using var canary = MetricsBackend.Start("canary", DeployScenario.Sha, new Faults(ErrorEvery: 10));
        using var prometheus = PrometheusServer.Start(stable, canary);
        using var load = new TrafficLoad(stable, canary);
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, "--confirm=Deploy-Production", "--probe-requests=10", $"--prometheus-url={prometheus.BaseAddress}");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Production failed at 'canary 10 %: canary analysis: bake and Prometheus queries': The canary analysis at 10 % failed: 5xx share ")
            .And.Contain("Rolled back: sovd-webapp rolled back to revision 7; sovd-webapp-canary uninstalled.");
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. CanaryStep(10),
            .. Diagnostics("production"), Rollback(Stable, 7, "production"), Status(Canary, "production"), Uninstall(Canary, "production"),
        ]);
        var record = ReadRecord(Folder);
        record.GetProperty("outcome").GetString().Should().Be("rolled back");
        var analysis = record.GetProperty("analyses").EnumerateArray().Should().ContainSingle().Subject;
        analysis.GetProperty("weight").GetInt32().Should().Be(10);
        var check = analysis.GetProperty("checks").EnumerateArray().Last();
        check.GetProperty("verdict").GetString().Should().Be("Fail");
        check.GetProperty("canary").GetProperty("errors").GetProperty("query").GetString().Should().Be(
            $"sum(increase(sovd_http_requests_total{{track=\"canary\",commit=\"{DeployScenario.Sha}\",route=~\"/api/.+\",namespace=\"production\",status_class=\"5xx\"}}[{check.GetProperty("window").GetString()}]))");
        check.GetProperty("thresholds").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Equal(
            "canary requests", "5xx share", "5xx share over stable", "p95 latency", "p95 against stable");
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployProduction_HealthyCanaryThroughPortForward_RealPrometheusAndStandIn_PassesEachStepsAnalysisAndPromotes()
    {
        using var stable = MetricsBackend.Start("stable", "1111111aaaaaaa", Faults.None);
        using var canary = MetricsBackend.Start("canary", DeployScenario.Sha, Faults.None);
        using var prometheus = PrometheusServer.Start(stable, canary);
        using var load = new TrafficLoad(stable, canary);
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).ForwardTo(prometheus.BaseAddress);

        var result = await scenario.RunAsync(Stage, "--confirm=Deploy-Production", "--probe-requests=10", "--prometheus-service=monitoring/prometheus-operated:9090");

        result.ExitCode.Should().Be(0, result.ToString());
        var forward = "kubectl port-forward service/prometheus-operated :9090 --address 127.0.0.1 -n monitoring";
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. CanaryStep(10), forward, .. CanaryStep(50), forward, .. CanaryStep(100), forward, .. Promotion,
        ]);
        var analyses = ReadRecord(Folder).GetProperty("analyses").EnumerateArray().ToList();
        analyses.Select(a => a.GetProperty("weight").GetInt32()).Should().Equal(10, 50, 100);
        analyses.Should().AllSatisfy(a => a.GetProperty("outcome").GetString().Should().StartWith("passed after "));
        // At 100 % stable still gets this test's load (no real route here), so the baseline checks ran at every step.
        result.Output.Should().Contain("canary 100 %: check 3 over ");
    }

    [Fact]
    public async Task DeployProduction_PrometheusUrlWithCredentials_StandIn_RefusesBeforeAnyHelmCallWithoutEchoingThem()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, "--confirm=Deploy-Production", "--prometheus-url=https://ops:s3cretpw@prom.example.com", "--prometheus-selector=namespace=prod");

        result.ExitCode.Should().NotBe(0);
        scenario.ToolCalls.Should().BeEmpty();
        result.Output.Should().Contain("--prometheus-url (or PROMETHEUS_URL) 'https://***@prom.example.com' is not an http(s) URL without credentials: give Prometheus' base URL, e.g. http://127.0.0.1:9090, and a token in PROMETHEUS_TOKEN.")
            .And.Contain("--prometheus-selector='namespace=prod' is not a list of label matchers such as namespace=\"production\",cluster=~\"eu-.*\"")
            .And.NotContain("s3cretpw");
    }
}
