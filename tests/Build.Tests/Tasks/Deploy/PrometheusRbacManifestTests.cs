using Build.Deploy;
using Build.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Build.Tests.Tasks.Deploy;

/// <summary>docs/rbac/ci-prometheus-port-forward.yaml grants exactly what the port-forward to Prometheus needs.</summary>
public sealed class PrometheusRbacManifestTests
{
    [Fact]
    public void PortForwardManifest_GrantsExactlyWhatThePreflightAsksInPrometheusNamespace()
    {
        var documents = Documents(ClusterPermission.PrometheusRbacManifest);
        var role = documents.Single(document => Kind(document) == "Role");

        var rules = ((YamlSequenceNode)role["rules"]).Children.Cast<YamlMappingNode>().ToList();
        var granted = rules.SelectMany(rule =>
            from resource in Scalars(rule, "resources") from verb in Scalars(rule, "verbs") select $"{verb} {resource}");

        rules.Should().AllSatisfy(rule => Scalars(rule, "apiGroups").Should().Equal([""], "services and pods are core kinds"));
        var asked = ClusterPermission.PrometheusPortForward("monitoring").Select(p => $"{p.Verb} {p.Resource}");
        granted.Should().BeEquivalentTo(asked, "the preflight asks these in Prometheus' namespace, and the Role is least privilege");
        documents.Select(Kind).Should().Equal("Role", "RoleBinding");
    }

    [Fact]
    public void PortForwardManifest_BindsTheSameSubjectsAsTheDeployersRole()
    {
        static string Subjects(string manifest) => Documents(manifest).Single(document => Kind(document) == "RoleBinding")["subjects"].ToString();

        Subjects(ClusterPermission.PrometheusRbacManifest).Should().Be(Subjects(ClusterPermission.RbacManifest));
    }

    private static List<YamlMappingNode> Documents(string manifest)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, manifest)));
        stream.Load(reader);
        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList();
    }

    private static string Kind(YamlMappingNode document) => ((YamlScalarNode)document["kind"]).Value!;

    private static List<string> Scalars(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[key]).Children.Select(child => ((YamlScalarNode)child).Value ?? "").ToList();
}
