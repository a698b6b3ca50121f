using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.DeployStagingTests;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The canary analysis inside a whole Deploy-Production run: helm and kubectl are stand-ins (no cluster here), the
/// smoke tests run against the fake web app, and the analysis asks Debian's real Prometheus, which scrapes two real
/// backends labelled as the deploy's canary commit and stable.
/// </summary>
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
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Route, "deployed", 4);

        var result = await scenario.RunAsync(Stage, "--confirm=Deploy-Production", "--probe-requests=10", $"--prometheus-url={prometheus.BaseAddress}");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Production failed at 'canary 10 %: canary analysis: bake and Prometheus queries': The canary analysis at 10 % failed: 5xx share ")
            .And.Contain("Rolled back: the route sends every request to sovd-webapp again; sovd-webapp-canary uninstalled.");
        // Stable was never touched: the route goes back to it, then the canary goes, exactly as after a failed smoke test.
        scenario.RolloutCalls.Should().StartWith([.. CanaryStart, .. CanaryStep(10)]).And.EndWith(RouteBackAndRemoveCanary)
            .And.NotContain(call => call.StartsWith("helm rollback", StringComparison.Ordinal));
        var record = scenario.ReadRecord(Folder);
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
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Route, "deployed", 4).ForwardTo(prometheus.BaseAddress);

        var result = await scenario.RunAsync(Stage, "--confirm=Deploy-Production", "--probe-requests=10", "--prometheus-service=monitoring/prometheus-operated:9090");

        result.ExitCode.Should().Be(0, result.ToString());
        var forward = "kubectl port-forward service/prometheus-operated :9090 --address 127.0.0.1 -n monitoring";
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. CanaryStep(10), forward, .. CanaryStep(50), forward, .. CanaryStep(100), forward, .. Promotion,
        ]);
        var analyses = scenario.ReadRecord(Folder).GetProperty("analyses").EnumerateArray().ToList();
        analyses.Select(a => a.GetProperty("weight").GetInt32()).Should().Equal(10, 50, 100);
        analyses.Should().AllSatisfy(a => a.GetProperty("outcome").GetString().Should().StartWith("passed after "));
        // At 100 % stable still gets this test's load (no real route here), so the baseline checks ran at every step.
        result.Output.Should().Contain("canary 100 %: check 3 over ");
    }

    [Fact]
    public async Task DeployProduction_PortForwardNotGranted_StandIn_PreflightNamesTheRulesAndTheManifestBeforeAnyHelmCall()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).Deny("create", "pods/portforward").Deny("list", "pods");

        var result = await scenario.RunAsync(Stage, "--confirm=Deploy-Production", "--prometheus-service=monitoring/prometheus-operated:9090");

        result.ExitCode.Should().NotBe(0);
        scenario.ToolCalls.Should().NotContain(call => call.StartsWith("helm upgrade", StringComparison.Ordinal));
        result.Output.Should().Contain("The current identity may not list pods in monitoring (for the port-forward picks a pod of that Service), " +
            "create pods/portforward in monitoring (for the port-forward's stream to Prometheus), which " +
            "--prometheus-service=monitoring/prometheus-operated:9090 needs: apply docs/rbac/ci-prometheus-port-forward.yaml there " +
            "(`kubectl apply -n monitoring -f docs/rbac/ci-prometheus-port-forward.yaml`).");
    }

    [Fact]
    public async Task DeployProduction_AmazonManagedPrometheusUrl_StandIn_RefusedWithTheSigV4ReasonBeforeAnyHelmCall()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, "--confirm=Deploy-Production",
            "--prometheus-url=https://aps-workspaces.eu-central-1.amazonaws.com/workspaces/ws-1234/");

        result.ExitCode.Should().NotBe(0);
        scenario.ToolCalls.Should().BeEmpty();
        result.Output.Should().Contain("points at Amazon Managed Service for Prometheus (aps-workspaces.eu-central-1.amazonaws.com), " +
            "whose queries must be signed with AWS SigV4, which the deploy does not do");
    }

    [Fact]
    public async Task DeployProduction_DryRunWithPrometheus_StandIn_PrintsEachStepsBakeRulesAndQueries()
    {
        using var scenario = new DeployScenario();

        var result = await scenario.RunAsync(Stage, "--dryrun", "--prometheus-url=http://127.0.0.1:9090");

        result.ExitCode.Should().Be(0, result.ToString());
        foreach (var weight in new[] { 10, 50, 100 })
        {
            result.Output.Should().Contain($"canary {weight} %: [dry-run] would ask http://127.0.0.1:9090/ every 10 s (bake 30 s, limit 180 s, " +
                "at least 20 canary requests; 5xx <= 2 % and <= stable + 1 points; p95 <= 1000 ms and <= max(stable x 1.5, stable + 100 ms))");
        }
        result.Output.Should().Contain(
            $"  sum(increase(sovd_http_requests_total{{track=\"canary\",commit=\"{DeployScenario.Sha}\",route=~\"/api/.+\",namespace=\"production\",status_class=\"5xx\"}}[30s]))")
            .And.Contain("histogram_quantile(0.95, sum by (le) (rate(sovd_http_request_duration_seconds_bucket{track=\"stable\"");
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
