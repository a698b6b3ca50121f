using System.Diagnostics;
using Build.Deploy;
using Build.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Build.Tests.Tasks.Deploy;

/// <summary>docs/rbac/ci-deployer.yaml grants what the preflight asks, and the preflight asks about every kind the chart renders.</summary>
public sealed class RbacManifestTests
{
    private static readonly string Manifest = Path.Combine(RepoPaths.Root, ClusterPermission.RbacManifest);

    [Fact]
    public void CiDeployerManifest_EveryPermissionThePreflightAsks_IsGrantedByARuleOfTheRightScope()
    {
        var documents = Documents();
        var role = Rules(documents, "Role");
        var clusterRole = Rules(documents, "ClusterRole");

        var missing = ClusterPermission.For(createNamespace: false)
            .Where(permission => !(permission.Namespaced ? role : clusterRole).Any(rule => rule.Grants(permission)))
            .Select(permission => permission.ToString()).ToList();

        missing.Should().BeEmpty("the preflight would report these as denied to an identity bound by the manifest");
        documents.Select(Kind).Should().Equal("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");
    }

    [Fact]
    public void CiDeployerManifest_GrantsNothingThePreflightDoesNotAsk()
    {
        var asked = ClusterPermission.For(createNamespace: false).Select(permission => permission.ToString()).ToHashSet();
        var documents = Documents();

        var granted = Rules(documents, "Role").Concat(Rules(documents, "ClusterRole")).SelectMany(rule => rule.Permissions()).ToList();

        granted.Should().OnlyContain(permission => asked.Contains(permission), "the manifest is least privilege");
    }

    [Fact]
    [Trait("Requires", "helm")]
    public async Task ChartRenderedKinds_ForEveryEnvironmentAndTheCanary_AreAllInTheListThePreflightAndManifestCover()
    {
        var rendered = new HashSet<string>();
        // Both traffic modes, the stable release routing to a live canary, and the canary release itself.
        var renders = new[]
        {
            "sovd-webapp . -f values-staging.yaml",
            "sovd-webapp . -f values-production.yaml --set canary.live=true --set canary.weight=10",
            "sovd-webapp . -f values-production.yaml --set traffic.provider=ingress-nginx --set canary.live=true --set canary.weight=10",
            "sovd-webapp-canary . -f values-production.yaml --set canary.enabled=true --set canary.weight=10",
        };
        foreach (var arguments in renders)
        {
            foreach (var resource in ResourcesIn(await TemplateAsync(arguments)))
            {
                rendered.Add(resource);
            }
        }

        rendered.Should().BeEquivalentTo(ChartNames.RenderedResources, "every kind the preflight asks about is one the chart renders, and the other way round");
    }

    private sealed record Rule(IReadOnlyList<string> Groups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs)
    {
        public IEnumerable<string> Permissions() =>
            from resource in Resources
            from verb in Verbs
            from qualified in Groups.Select(apiGroup => Qualified(resource, apiGroup))
            select $"{verb} {qualified}";

        public bool Grants(ClusterPermission permission) => Permissions().Contains(permission.ToString());
    }

    private static string Qualified(string resource, string group) => group.Length == 0 ? resource : $"{resource.Split('/')[0]}.{group}";

    private static List<YamlMappingNode> Documents()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Manifest));
        stream.Load(reader);
        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList();
    }

    private static string Kind(YamlMappingNode document) => ((YamlScalarNode)document["kind"]).Value!;

    private static List<Rule> Rules(List<YamlMappingNode> documents, string kind) =>
        documents.Where(document => Kind(document) == kind)
            .SelectMany(document => ((YamlSequenceNode)document["rules"]).Children.Cast<YamlMappingNode>())
            .Select(rule => new Rule(Scalars(rule, "apiGroups"), Scalars(rule, "resources"), Scalars(rule, "verbs")))
            .ToList();

    private static List<string> Scalars(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[key]).Children.Select(child => ((YamlScalarNode)child).Value ?? "").ToList();

    /// <summary>resource.group of every object in rendered manifests, the way kubectl auth can-i names it.</summary>
    private static IEnumerable<string> ResourcesIn(string manifests)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(manifests);
        stream.Load(reader);
        foreach (var document in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
        {
            var kind = ((YamlScalarNode)document["kind"]).Value!.ToLowerInvariant();
            var apiVersion = ((YamlScalarNode)document["apiVersion"]).Value!;
            var plural = kind.EndsWith('s') ? $"{kind}es" : $"{kind}s";
            yield return Qualified(plural, apiVersion.Contains('/') ? apiVersion.Split('/')[0] : "");
        }
    }

    private static async Task<string> TemplateAsync(string releaseChartAndValues)
    {
        var chart = Path.Combine(RepoPaths.App, "infrastructure", "helm", "sovd-webapp");
        var info = new ProcessStartInfo(Path.Combine(RepoPaths.Root, ".tools", "bin", "helm"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = chart,
        };
        foreach (var argument in $"template {releaseChartAndValues}".Split(' '))
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
