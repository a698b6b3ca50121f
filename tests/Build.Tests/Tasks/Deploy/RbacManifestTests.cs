using System.Diagnostics;
using Build.Deploy;
using Build.Tests.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// docs/rbac/ci-deployer.yaml is derived from what the real <c>helm template</c> renders: every rendered kind gets the
/// verbs helm 4's watcher and upgrades use, and a chart with a new kind makes Check-Workflow fail until it is regenerated.
/// </summary>
public sealed partial class RbacManifestTests : IDisposable
{
    private static readonly string Manifest = Path.Combine(RepoPaths.Root, ClusterPermission.RbacManifest);
    private readonly DirectoryInfo _copy = Directory.CreateTempSubdirectory("rbac-chart-");

    [Fact]
    [Trait("Requires", "helm")]
    public async Task CiDeployerManifest_EveryKindOfEveryRender_MayBeListedWatchedAndChanged()
    {
        var granted = Granted();
        var rendered = new HashSet<string>();
        foreach (var render in ChartRender.All(SovdPipeline.Definition, ChartDirectory))
        {
            rendered.UnionWith(ResourcesIn(await TemplateAsync(render)));
        }

        rendered.Should().Contain(["deployments.apps", "services", "httproutes.gateway.networking.k8s.io", "ingresses.networking.k8s.io"],
            "the renders cover both traffic modes");
        rendered.Should().Contain(["targetgroupconfigurations.gateway.k8s.aws", "targetgrouppolicies.application-networking.k8s.aws"],
            "the renders cover every Gateway controller the chart supports");
        var missing = rendered.SelectMany(resource => new[] { "get", "list", "watch", "create", "patch", "delete" }.Select(verb => $"{verb} {resource}"))
            .Where(permission => !granted.Contains(permission)).ToList();
        missing.Should().BeEmpty("helm 4's --wait lists and watches every kind of the release, and a Forbidden there is fatal");
    }

    [Fact]
    public void ChartRenderAll_ProductionAndStaging_CoverEveryModeControllerReleaseAndWeight()
    {
        var renders = ChartRender.All(SovdPipeline.Definition, ChartDirectory).Select(render => render.ToString()).ToList();

        // Per environment 6 traffic modes (ingress-nginx; gateway with 5 controllers) times stable as installed, as
        // promoted and with the optional ServiceMonitor, the route release unweighted: 4; production adds the route and
        // canary releases at 10, 50, 100 %.
        renders.Should().HaveCount((6 * 4) + (6 * (4 + (2 * 3)))).And.OnlyHaveUniqueItems();
        const string Gateway = "--set traffic.provider=gateway --set traffic.gateway.controller";
        renders.Should().Contain("helm template sovd-webapp -f values-staging.yaml --set traffic.provider=ingress-nginx")
            .And.Contain($"helm template sovd-webapp -f values-production.yaml {Gateway}=aws-alb --set traffic.enabled=false")
            .And.Contain("helm template sovd-webapp -f values-staging.yaml --set traffic.provider=ingress-nginx " +
                         "--set metrics.serviceMonitor.enabled=true")
            .And.Contain($"helm template sovd-webapp-route -f values-production.yaml {Gateway}=vpc-lattice --set traffic.routeFor=sovd-webapp " +
                         "--set canary.live=true --set canary.weight=50 --set canary.header=X-Canary")
            .And.Contain($"helm template sovd-webapp-canary -f values-production.yaml {Gateway}=istio --set canary.enabled=true --set canary.weight=100");
    }

    [Fact]
    [Trait("Requires", "helm")]
    public async Task ChartTemplates_EveryKindTheyDeclare_IsRenderedBySomeDeployRender()
    {
        var rendered = new HashSet<string>();
        foreach (var render in ChartRender.All(SovdPipeline.Definition, ChartDirectory))
        {
            rendered.UnionWith(ResourcesIn(await TemplateAsync(render)));
        }
        var declared = Directory.GetFiles(Path.Combine(DeployChart, "templates"), "*.yaml")
            .SelectMany(file => KindLine().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value)).ToHashSet();

        declared.Should().HaveCountGreaterThan(5);
        rendered.Select(resource => resource.Split('.')[0]).Should().BeEquivalentTo(declared.Select(kind => KubeResource.Of("v1", kind).Resource),
            "every kind a template declares must be rendered by a deploy render, so the generated RBAC grants its verbs");
    }

    [Fact]
    public void ClusterPermissionFor_TheCommittedManifest_AsksExactlyItsGrantsAndToolUses()
    {
        var asked = ClusterPermission.For(new Cake.Core.IO.DirectoryPath(RepoPaths.Root), createNamespace: false);

        asked.Should().BeEquivalentTo(RbacManifestFile.Parse(File.ReadAllText(Manifest)));
        asked.Should().Contain(ClusterPermission.ToolUses.SelectMany(use => use.Verbs.Select(verb => new ClusterPermission(verb, use.Resource, use.Namespaced))));
        asked.Should().Contain(new ClusterPermission("delete", "configmaps")).And.Contain(new ClusterPermission("watch", "services"));
    }

    [Fact]
    public void Render_ThenParse_GivesBackEveryPermissionInItsScope()
    {
        var permissions = ClusterPermission.Derive([new KubeResource("apps", "deployments"), new KubeResource("", "configmaps")]);

        var parsed = RbacManifestFile.Parse(RbacManifestFile.Render(permissions, renderCount: 1));

        parsed.Should().BeEquivalentTo(permissions);
        parsed.Should().Contain(new ClusterPermission("watch", "configmaps"))
            .And.Contain(new ClusterPermission("get", "gateways.gateway.networking.k8s.io", Namespaced: false));
    }

    [Theory]
    [InlineData("apps/v1", "Deployment", "deployments.apps")]
    [InlineData("v1", "Service", "services")]
    [InlineData("networking.k8s.io/v1", "Ingress", "ingresses.networking.k8s.io")]
    [InlineData("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies.networking.k8s.io")]
    [InlineData("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets.policy")]
    [InlineData("gateway.networking.k8s.io/v1", "HTTPRoute", "httproutes.gateway.networking.k8s.io")]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers.autoscaling")]
    public void KubeResourceOf_AKind_IsNamedAsRbacAndCanINameIt(string apiVersion, string kind, string expected) =>
        KubeResource.Of(apiVersion, kind).CanIName.Should().Be(expected);

    [Fact]
    [Trait("Requires", "helm")]
    public async Task CheckWorkflow_ChartCopyWithANewKind_FailsNamingTheManifestAndTheKindsVerbs()
    {
        var chart = Path.Combine(_copy.FullName, "infrastructure", "helm", "sovd-webapp");
        CopyDirectory(DeployChart, chart);
        File.WriteAllText(Path.Combine(chart, "templates", "settings-configmap.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-settings\ndata:\n  mode: test\n");

        var result = await HostRun.RunAsync(["--target=Check-Workflow", $"--app-root={_copy.FullName}"]);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("resources: [configmaps]").And.Contain("verbs: [get, list, watch, create, patch, delete]")
            .And.Contain("docs/rbac/ci-deployer.yaml differ(s) from the pipeline definition");
    }

    public void Dispose() => _copy.Delete(recursive: true);

    private static string DeployChart => Path.Combine(RepoPaths.App, "infrastructure", "helm", "sovd-webapp");

    private static Cake.Core.IO.DirectoryPath ChartDirectory => new(DeployChart);

    // A template's top-level kind (indented "kind:" lines are references, e.g. a parentRef's or targetRef's).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^kind: (\w+)\s*$")]
    private static partial System.Text.RegularExpressions.Regex KindLine();

    private static HashSet<string> Granted() =>
        RbacManifestFile.Parse(File.ReadAllText(Manifest)).Where(p => p.Namespaced).Select(p => p.ToString()).ToHashSet();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>resource.group of every object in rendered manifests, the way kubectl auth can-i names it.</summary>
    private static IEnumerable<string> ResourcesIn(string manifests)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(manifests));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .Select(document => KubeResource.Of(document["apiVersion"].ToString(), document["kind"].ToString()).CanIName);
    }

    private static async Task<string> TemplateAsync(ChartRender render)
    {
        var info = new ProcessStartInfo(Path.Combine(RepoPaths.Root, ".tools", "bin", "helm"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DeployChart,
        };
        string[] arguments = ["template", render.Release, ".", "-f", $"values-{render.Environment}.yaml", .. render.Values.SelectMany(pair => new[] { "--set", $"{pair.Key}={pair.Value}" })];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, error);
        return output;
    }
}
