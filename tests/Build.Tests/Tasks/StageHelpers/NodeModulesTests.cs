using Cake.Core;
using Cake.Core.IO;
using Build.Tasks.StageHelpers;
using Build.Tests.Support;

namespace Build.Tests.Tasks.StageHelpers;

/// <summary>When npm ci must run, judged from the package's files alone (an in-memory file system here).</summary>
public sealed class NodeModulesTests
{
    private static readonly DirectoryPath Frontend = new("/app/frontend");

    private readonly InMemoryFileSystem _files = new();

    [Fact]
    public void WhyInstall_WithoutALockFile_FailsNamingTheFileAndTheFix()
    {
        var act = () => NodeModules.WhyInstall(_files, Frontend);

        act.Should().Throw<CakeException>()
            .WithMessage("No package-lock.json in /app/frontend*Run 'npm install' there once*");
    }

    [Fact]
    public void WhyInstall_WithoutNodeModules_SaysItIsMissing()
    {
        _files.WithFile("/app/frontend/package-lock.json", "{}");

        NodeModules.WhyInstall(_files, Frontend).Should().Be("node_modules is missing");
    }

    [Fact]
    public void WhyInstall_WithoutNpmsOwnRecord_CallsTheInstallIncomplete()
    {
        _files.WithFile("/app/frontend/package-lock.json", "{}").WithDirectory("/app/frontend/node_modules/react");

        NodeModules.WhyInstall(_files, Frontend).Should().Contain("an incomplete install");
    }

    [Fact]
    public void WhyInstall_LockFileChangedAfterTheInstall_SaysTheInstallIsOlder()
    {
        _files.WithFile("/app/frontend/node_modules/.package-lock.json", "{}");
        _files.Now = _files.Now.AddMinutes(5);
        _files.WithFile("/app/frontend/package-lock.json", "{}");

        NodeModules.WhyInstall(_files, Frontend).Should().Be("node_modules is older than package-lock.json");
    }

    [Fact]
    public void WhyInstall_InstallNewerThanTheLockFile_NeedsNoInstall()
    {
        _files.WithFile("/app/frontend/package-lock.json", "{}");
        _files.Now = _files.Now.AddMinutes(5);
        _files.WithFile("/app/frontend/node_modules/.package-lock.json", "{}");

        NodeModules.WhyInstall(_files, Frontend).Should().BeNull();
    }
}
