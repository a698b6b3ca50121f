using Build.Deploy;
using DirectoryPath = Cake.Core.IO.DirectoryPath;
using FilePath = Cake.Core.IO.FilePath;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The RBAC renders' cache answers only while nothing helm template reads has changed: the chart's files, the renders'
/// commands and the helm binary.
/// </summary>
public sealed class RenderCacheTests : IDisposable
{
    private static readonly KubeResource[] Kinds = [new("apps", "deployments"), new("", "services")];

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("render-cache-");
    private int _renders;

    private DirectoryPath Chart => new(Path.Combine(_scratch.FullName, "chart"));

    private FilePath Helm => new(Path.Combine(_scratch.FullName, "helm"));

    private RenderCache Cache => new(new DirectoryPath(Path.Combine(_scratch.FullName, "cache")));

    public RenderCacheTests()
    {
        Directory.CreateDirectory(Path.Combine(Chart.FullPath, "templates"));
        File.WriteAllText(Path.Combine(Chart.FullPath, "templates", "deployment.yaml"), "kind: Deployment\n");
        File.WriteAllText(Helm.FullPath, "helm v4.1.4");
    }

    [Fact]
    public void Kinds_SameChartRendersAndHelm_RendersOnceAndAnswersTheSameKinds()
    {
        var first = Cache.Kinds(Chart, Renders(), Helm, Render);
        var second = Cache.Kinds(Chart, Renders(), Helm, Render);

        _renders.Should().Be(1);
        second.Should().Equal(first).And.Equal(Kinds);
    }

    [Fact]
    public void Kinds_AChartFileChanged_RendersAgain()
    {
        Cache.Kinds(Chart, Renders(), Helm, Render);
        File.AppendAllText(Path.Combine(Chart.FullPath, "templates", "deployment.yaml"), "# edited\n");

        Cache.Kinds(Chart, Renders(), Helm, Render);

        _renders.Should().Be(2);
    }

    [Fact]
    public void Kinds_AnotherRenderCommand_RendersAgain()
    {
        Cache.Kinds(Chart, Renders(), Helm, Render);

        Cache.Kinds(Chart, Renders("canary.weight", "50"), Helm, Render);

        _renders.Should().Be(2);
    }

    [Fact]
    public void Kinds_HelmReplaced_RendersAgain()
    {
        Cache.Kinds(Chart, Renders(), Helm, Render);
        File.WriteAllText(Helm.FullPath, "helm v4.2.0, a newer binary");

        Cache.Kinds(Chart, Renders(), Helm, Render);

        _renders.Should().Be(2);
    }

    [Fact]
    public void Kinds_RenderFoundNothing_KeepsNothing()
    {
        Cache.Kinds(Chart, Renders(), Helm, () => []);
        Cache.Kinds(Chart, Renders(), Helm, Render);

        _renders.Should().Be(1, "an empty answer (a dry run) is not cached");
    }

    private IReadOnlyList<KubeResource> Render()
    {
        _renders++;
        return Kinds;
    }

    private static IReadOnlyList<ChartRender> Renders(params string[] set) =>
    [
        new("sovd-webapp", "staging", set.Length == 0
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { [set[0]] = set[1] }),
    ];

    public void Dispose() => _scratch.Delete(recursive: true);
}
