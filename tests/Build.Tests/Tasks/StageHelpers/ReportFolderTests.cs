using Cake.Core.IO;
using Build.Tasks.StageHelpers;
using Build.Tests.Settings.Support;
using Build.Tests.Support;

namespace Build.Tests.Tasks.StageHelpers;

/// <summary>Report folders go through the context's file system: here an in-memory one, so no disk is used.</summary>
public sealed class ReportFolderTests
{
    private readonly InMemoryFileSystem _files = new();

    private BuildContext Context => SettingsContext.Build([], fileSystem: _files);

    [Fact]
    public void Reset_RemovesWhatAnEarlierRunLeft_AndLeavesTheFolderEmpty()
    {
        _files.WithFile("/out/reports/old/junit.xml", "<old/>").WithFile("/out/reports/coverage.xml", "<old/>");

        ReportFolder.Reset(Context, new DirectoryPath("/out/reports"));

        _files.Files.Should().BeEmpty();
        _files.GetDirectory(new DirectoryPath("/out/reports")).Exists.Should().BeTrue();
    }

    [Fact]
    public void Clear_CreatesTheFilesFolder_AndDeletesAnEarlierCopy()
    {
        _files.WithFile("/out/images/sovd-images.tar", "old archive");

        ReportFolder.Clear(Context, new FilePath("/out/images/sovd-images.tar"));
        ReportFolder.Clear(Context, new FilePath("/fresh/folder/archive.tar"));

        _files.Files.Should().BeEmpty();
        _files.GetDirectory(new DirectoryPath("/fresh/folder")).Exists.Should().BeTrue();
    }

    [Fact]
    public void Write_IntoAMissingFolder_CreatesItAndWritesTheContent()
    {
        var said = ReportFolder.Write(Context, new FilePath("/out/a/b/images.json"), "{}\n");

        said.Should().Be("written");
        _files.Text("/out/a/b/images.json").Should().Be("{}\n");
    }

    [Fact]
    public void Write_TheSameContentAgain_SaysUnchangedAndLeavesTheFileAlone()
    {
        _files.WithFile("/repo/.github/workflows/ci-cd.yml", "name: ci\n");
        var written = _files.GetFile(new FilePath("/repo/.github/workflows/ci-cd.yml")).LastWriteTimeUtc;
        _files.Now = _files.Now.AddHours(1);

        var said = ReportFolder.Write(Context, new FilePath("/repo/.github/workflows/ci-cd.yml"), "name: ci\n");

        said.Should().Be("unchanged");
        _files.GetFile(new FilePath("/repo/.github/workflows/ci-cd.yml")).LastWriteTimeUtc.Should().Be(written);
    }

    [Fact]
    public void Write_OtherContent_ReplacesTheWholeFile()
    {
        _files.WithFile("/out/report.json", "a much longer earlier report\n");

        var said = ReportFolder.Write(Context, new FilePath("/out/report.json"), "short\n");

        said.Should().Be("written");
        _files.Text("/out/report.json").Should().Be("short\n");
    }
}
