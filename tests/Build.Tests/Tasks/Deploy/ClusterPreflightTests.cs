using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.DeployStagingTests;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>The cluster preflight: what it asks kubectl, what it reports missing, and what it creates when allowed.</summary>
[Trait("Tier", "process")]
public sealed class ClusterPreflightTests
{
    private const string Stage = "Deploy-Staging";

    [Fact]
    public async Task DeployStaging_HealthyCluster_StandIn_PrintsContextAndServerThenAsksNamespaceSecretsAndEveryPermission()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4);

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Cluster: context kind-sovd, API server https://127.0.0.1:6443, namespace staging.");
        var calls = scenario.PreflightCalls;
        calls.Take(4).Should().Equal(
            KubectlVersion,
            "kubectl config current-context",
            "kubectl config view --minify -o jsonpath={.clusters[0].cluster.server}",
            "kubectl get namespace staging -o name --ignore-not-found");
        calls.Should().Contain("kubectl auth can-i create deployments.apps -n staging")
            .And.Contain("kubectl auth can-i get pods/log -n staging")
            .And.Contain("kubectl auth can-i get namespaces")
            .And.Contain("kubectl auth can-i patch httproutes.gateway.networking.k8s.io -n staging")
            .And.Contain("kubectl get secret ghcr-pull -o name --ignore-not-found -n staging")
            .And.NotContain(call => call.Contains("sovd-staging-tls"), "gateway mode (the default): the Gateway's listener holds the certificate");
        var all = scenario.Cluster.Calls.ToList();
        all.LastIndexOf(calls[^1]).Should().BeLessThan(all.IndexOf(Status(Stable, "staging")), "the preflight runs before helm");
    }

    [Fact]
    public async Task DeployStaging_NewIngressNginxClusterMissingEverything_StandIn_NamesEachPieceWithItsFixAndChangesNothing()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Missing("namespace", "staging").Missing("secret", "ghcr-pull").Missing("secret", "sovd-staging-tls")
            .Deny("create", "deployments.apps").Deny("list", "events");

        var result = await scenario.RunAsync(Stage, "--set=traffic.provider=ingress-nginx");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("The cluster preflight of staging (context kind-sovd) found 4 problem(s); nothing was changed:")
            .And.Contain("The namespace staging does not exist: create it with `kubectl create namespace staging`, or pass --create-namespace.")
            .And.Contain("The current identity may not list events (for diagnostics: events of the namespace (kubectl get events, describe pods)), " +
                         "create deployments.apps (for helm upgrade, rollback and uninstall of the chart's objects)")
            .And.Contain("): apply docs/rbac/ci-deployer.yaml")
            .And.Contain("The image pull secret ghcr-pull (chart value global.imagePullSecrets[0].name) does not exist in staging: create it with `kubectl create secret docker-registry ghcr-pull --docker-server=ghcr.io --docker-username=<user> --docker-password=\"$(cat <token file>)\" -n staging`")
            .And.Contain("The TLS secret sovd-staging-tls (chart value traffic.ingress.tls.secretName, traffic.provider=ingress-nginx) does not exist in staging")
            .And.Contain("`kubectl create secret tls sovd-staging-tls --cert=<certificate file> --key=<key file> -n staging`");
        scenario.ToolCalls.Should().OnlyContain(call => DeployScenario.IsPreflightRead(call), "nothing is created and helm never runs");
        scenario.ReadRecord("deploy-staging").GetProperty("outcome").GetString().Should().Be("refused");
    }

    [Fact]
    public async Task DeployStaging_CreateNamespaceAndPullSecretAllowed_StandIn_CreatesBothFromAFileWithoutPrintingTheToken()
    {
        using var scenario = new DeployScenario();
        const string registryToken = "ghp-registry-token-4e1d";
        // The manifest leaves `create namespaces` to those who pass --create-namespace (its header says so).
        scenario.Cluster.Missing("namespace", "staging").Missing("secret", "ghcr-pull").Grant("create", "namespaces");
        scenario.Environment["REGISTRY_PULL_TOKEN"] = registryToken;
        var tls = Path.Combine(scenario.Cluster.Directory, "no-tls.yaml");
        File.WriteAllText(tls, "traffic:\n  provider: ingress-nginx\n  ingress:\n    tls:\n      secretName: \"\"\n");

        var result = await scenario.RunAsync(Stage, "--create-namespace", "--create-pull-secret", $"--values={tls}");

        result.ExitCode.Should().Be(0, result.ToString());
        var creates = scenario.ToolCalls.Where(call => call.StartsWith("kubectl create ", StringComparison.Ordinal)).ToList();
        creates.Should().HaveCount(2);
        creates[0].Should().Be("kubectl create namespace staging");
        creates[1].Should().StartWith("kubectl create secret generic ghcr-pull --type=kubernetes.io/dockerconfigjson --from-file=.dockerconfigjson=/")
            .And.EndWith(" -n staging");
        scenario.PreflightCalls.Should().Contain("kubectl auth can-i create namespaces");
        result.Output.Should().NotContain(registryToken);
        scenario.Cluster.Calls.Should().NotContain(call => call.Contains(registryToken));
    }

    [Fact]
    public async Task DeployStaging_CreateNamespaceNotGranted_StandIn_CanIAnswersNoWithAReasonAndThePreflightNamesIt()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Missing("namespace", "staging").DenyReason("no RBAC policy matched");

        var result = await scenario.RunAsync(Stage, "--create-namespace", "--image-pull-secret=");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("found 1 problem(s); nothing was changed:")
            .And.Contain("The current identity may not create namespaces (cluster-wide, for --create-namespace): apply docs/rbac/ci-deployer.yaml")
            .And.NotContain("could not ask the API server");
        scenario.ToolCalls.Should().NotContain(call => call.StartsWith("kubectl create ", StringComparison.Ordinal) || call.StartsWith("helm ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeployStaging_UnreachableCluster_StandIn_StopsAtTheFirstQuestionNamingTheServer()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Unreachable();

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain(
            "The cluster preflight could not ask the API server at https://127.0.0.1:6443: The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?")
            .And.Contain("Check the kubeconfig (KUBE_CONFIG_DATA in CI, else the current context)");
        scenario.ToolCalls.Should().NotContain(call => call.StartsWith("helm ", StringComparison.Ordinal));
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployStaging_PublicImages_StandIn_ChecksNoPullSecretAndSetsNone()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4);

        var result = await scenario.RunAsync(Stage, "--image-pull-secret=");

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.PreflightCalls.Should().NotContain(call => call.Contains("ghcr-pull"));
        scenario.Cluster.HelmArguments.Single(arguments => arguments[0] == "upgrade").Should().NotContain(argument => argument.Contains("imagePullSecrets"));
    }
}
