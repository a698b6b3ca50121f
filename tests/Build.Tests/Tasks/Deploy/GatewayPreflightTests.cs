using System.Text.Json.Nodes;
using Build.Deploy;
using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// Gateway mode's preflight: the HTTPRoute CRD, the Gateway the chart's parentRefs name, and whether its listeners
/// admit the release's namespace (gateway-api v1.4: allowedRoutes.namespaces.from Same / All / Selector).
/// </summary>
[Trait("Tier", "process")]
public sealed class GatewayPreflightTests
{
    private const string Stage = "Deploy-Staging";

    [Fact]
    public async Task DeployStaging_NoGatewayApiCrds_StandIn_NamesTheInstallCommandBeforeHelm()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4).Missing("customresourcedefinition", Deployment.HttpRouteCrd);

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain(
            "The Gateway API is not installed (no CRD httproutes.gateway.networking.k8s.io), so the chart's HTTPRoute cannot be created: install its standard channel with " +
            "`kubectl apply -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml` and a Gateway controller");
        scenario.ToolCalls.Should().NotContain(call => call.StartsWith("helm upgrade", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeployStaging_GatewayMissing_StandIn_NamesItAndTheChartValues()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4).Missing("gateway", "sovd-gateway");

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain(
            "The Gateway staging/sovd-gateway (chart values traffic.gateway.name, traffic.gateway.namespace) does not exist: create it with a listener for the app's host");
        scenario.PreflightCalls.Should().Contain("kubectl get gateway sovd-gateway -o json --ignore-not-found -n staging");
    }

    [Fact]
    public async Task DeployStaging_SharedGatewayAdmittingOnlyItsOwnNamespace_StandIn_NamesTheListenerAndTheFix()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4);

        var result = await scenario.RunAsync(Stage, "--set=traffic.gateway.namespace=infra");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain(
            "The Gateway infra/sovd-gateway admits no HTTPRoute from the namespace staging (listener https: from Same): set the listener's allowedRoutes.namespaces.from to All, " +
            "or to Selector with a selector that staging's labels match (e.g. `kubectl label namespace staging <key>=<value>` for a matchLabels selector)");
    }

    [Fact]
    public async Task DeployStaging_SharedGatewayWithASelectorTheNamespaceMatches_StandIn_Deploys()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4)
            .Gateway("infra", "sovd-gateway", """[{"name": "https", "allowedRoutes": {"namespaces": {"from": "Selector", "selector": {"matchLabels": {"sovd/routes": "true"}}}}}]""")
            .NamespaceLabels("staging", """{"sovd/routes": "true"}""");

        var result = await scenario.RunAsync(Stage, "--set=traffic.gateway.namespace=infra");

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.PreflightCalls.Should().Contain("kubectl get namespace staging -o json --ignore-not-found");
    }

    [Fact]
    public async Task DeployStaging_IngressNginxMode_StandIn_AsksNothingAboutGateways()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4).Missing("customresourcedefinition", Deployment.HttpRouteCrd);
        var values = Path.Combine(scenario.Cluster.Directory, "no-tls.yaml");
        File.WriteAllText(values, "traffic:\n  provider: ingress-nginx\n  ingress:\n    tls:\n      secretName: \"\"\n");

        var result = await scenario.RunAsync(Stage, $"--values={values}");

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.PreflightCalls.Should().NotContain(call => call.Contains("gateway", StringComparison.Ordinal) && !call.StartsWith("kubectl auth", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"from": "All"}""", "infra", true)]
    [InlineData("""{"from": "Same"}""", "staging", true)]
    [InlineData("""{"from": "Same"}""", "infra", false)]
    [InlineData("""{"from": "None"}""", "staging", false)]
    [InlineData("""{"from": "Selector", "selector": {"matchExpressions": [{"key": "env", "operator": "In", "values": ["staging", "prod"]}]}}""", "infra", true)]
    [InlineData("""{"from": "Selector", "selector": {"matchExpressions": [{"key": "env", "operator": "DoesNotExist"}]}}""", "infra", false)]
    [InlineData("""{"from": "Selector", "selector": {"matchLabels": {"kubernetes.io/metadata.name": "staging"}}}""", "infra", true)]
    public void Problem_ListenerRule_AdmitsAsTheGatewayApiSays(string namespaces, string gatewayNamespace, bool admitted)
    {
        var gateway = JsonNode.Parse(
            "{\"metadata\": {\"name\": \"gw\", \"namespace\": \"" + gatewayNamespace + "\"}, " +
            "\"spec\": {\"listeners\": [{\"name\": \"https\", \"allowedRoutes\": {\"namespaces\": " + namespaces + "}}]}}")!;
        var labels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "staging", ["env"] = "staging" };

        GatewayAdmission.Problem(gateway, "staging", sectionName: null, labels).Should().Match(problem => (problem == null) == admitted);
    }

    [Fact]
    public void Problem_SectionNameOfAnotherListener_OnlyThatListenerCounts()
    {
        var gateway = JsonNode.Parse("""{"metadata": {"name": "gw", "namespace": "infra"}, "spec": {"listeners": [{"name": "open", "allowedRoutes": {"namespaces": {"from": "All"}}}, {"name": "https"}]}}""")!;

        GatewayAdmission.Problem(gateway, "staging", "https", new Dictionary<string, string>())
            .Should().StartWith("The Gateway infra/gw admits no HTTPRoute from the namespace staging (listener https: from Same)");
        GatewayAdmission.Problem(gateway, "staging", "missing", new Dictionary<string, string>())
            .Should().Be("The Gateway infra/gw has no listener named missing (chart value traffic.gateway.sectionName): add one for HTTPS on the app's host, or change traffic.gateway.sectionName.");
    }
}
