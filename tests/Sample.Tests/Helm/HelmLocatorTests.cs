using Sample.Tests.Support;

namespace Sample.Tests.Helm;

public sealed class HelmLocatorTests
{
    [Fact]
    public void Find_WithNoHelmAnywhere_FailsPointingAtTheInstallScript()
    {
        var emptyRepo = Directory.CreateTempSubdirectory("sample-tests-").FullName;
        try
        {
            var find = () => HelmLocator.Find(null, emptyRepo, emptyRepo);

            find.Should().Throw<InvalidOperationException>().WithMessage("helm not found*scripts/install-helm.sh*");
        }
        finally
        {
            Directory.Delete(emptyRepo, recursive: true);
        }
    }

    [Fact]
    public void Find_WithHelmVariablePointingNowhere_FailsNamingTheVariable()
    {
        var find = () => HelmLocator.Find("/nonexistent/helm", RepoPaths.Root, null);

        find.Should().Throw<InvalidOperationException>().WithMessage("HELM is set to '/nonexistent/helm'*");
    }

    [Fact]
    public void Find_WithInstalledHelm_PrefersTheRepositoryCopyOverPath()
    {
        var repo = Directory.CreateTempSubdirectory("sample-tests-").FullName;
        try
        {
            var installed = Path.Combine(repo, ".tools", "bin", "helm");
            Directory.CreateDirectory(Path.GetDirectoryName(installed)!);
            File.WriteAllText(installed, string.Empty);

            HelmLocator.Find(null, repo, "/usr/bin").Should().Be(installed);
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }
}
