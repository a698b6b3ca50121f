using System.Text.RegularExpressions;
using Pipeline.Definition.Tests.Linting.Support;

namespace Pipeline.Definition.Tests.Renovate;

/// <summary>
/// The sample's base images as Renovate 44's dockerfile manager reads and writes them (offline, its own code): each
/// Dockerfile starts FROM the ARG <c>BASE_IMAGE</c>, pinned by digest, and a digest bump rewrites that ARG line only.
/// </summary>
[Trait("Tier", "process")]
[Trait("Requires", "node")]
public sealed partial class RenovateBaseImageTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("renovate-base-").FullName;

    private static IReadOnlyList<string> SampleDockerfiles =>
    [
        .. RenovateRun.Run("/usr/bin/git", ["ls-files", "samples"], RepoRoot.Path)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(file => Path.GetFileName(file).StartsWith("Dockerfile", StringComparison.Ordinal)),
    ];

    [Fact]
    public void Extract_EverySampleDockerfile_StartsFromABaseImagePinnedByDigest()
    {
        var images = BaseImages(RenovateRun.Extract(RepoRoot.Path));

        SampleDockerfiles.Should().NotBeEmpty().And.OnlyContain(file => images.Any(dep => dep.PackageFile == file),
            "every Dockerfile's base image must be one Renovate updates");
        images.Should().OnlyContain(
            dep => dep.SkipReason == null && dep.CurrentDigest != null && Digest().IsMatch(dep.CurrentDigest),
            "a base image without a digest moves under the build and has no update path");
    }

    [Fact]
    public void Bump_ANewDigest_RenovateRewritesTheBaseImageArgumentAndTheFromLinesStay()
    {
        CopyIntoRepository(["renovate.json", .. SampleDockerfiles]);
        var before = BaseImages(RenovateRun.Extract(_copy));

        RenovateRun.Bump(_copy, SampleDockerfiles);
        var after = BaseImages(RenovateRun.Extract(_copy));

        after.Should().HaveSameCount(before);
        after.Select(dep => dep.CurrentDigest).Distinct().Should().ContainSingle()
            .Which.Should().MatchRegex(Digest().ToString()).And.NotBe(before[0].CurrentDigest);
        after.Should().OnlyContain(dep => dep.CurrentValue == before[0].CurrentValue, "a digest update keeps the tag");
        foreach (var file in SampleDockerfiles)
        {
            var text = File.ReadAllText(Path.Combine(_copy, file));
            text.Should().Contain($"ARG BASE_IMAGE=debian:{before[0].CurrentValue}@{after[0].CurrentDigest}\n");
            FromLine().Matches(text).Should().OnlyContain(
                line => line.Value.StartsWith("FROM ${BASE_IMAGE}", StringComparison.Ordinal),
                "the host overrides the ARG where Docker Hub is unreachable, so every FROM must keep reading it");
        }
    }

    private static List<ExtractedDependency> BaseImages(IEnumerable<ExtractedDependency> extracted) =>
        [.. extracted.Where(dep => dep.Manager == "dockerfile" && dep.Datasource == "docker")];

    private void CopyIntoRepository(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(_copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepoRoot.File(file), target);
        }
        // extract.mjs lists the files with git ls-files, as Renovate does.
        RenovateRun.Run("/usr/bin/git", ["init", "-q"], _copy);
        RenovateRun.Run("/usr/bin/git", ["add", "-A"], _copy);
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex(@"^FROM .*$", RegexOptions.Multiline)]
    private static partial Regex FromLine();
}
