using Build.Containers;
using Build.Tests.Support;
using Cake.Core;

namespace Build.Tests.Containers;

/// <summary>The base images the host reads from a Dockerfile: through the ARG its FROM lines use, as Renovate does.</summary>
public sealed class LocalImagesTests : IDisposable
{
    private const string Pinned = "debian:trixie-slim@sha256:d7e12182ce18b85b93007c1dedf31f2d29e01ccf3182cc4017c709b6259bc132";
    private readonly string _dockerfile = Path.GetTempFileName();

    [Fact]
    public void BaseImagesOf_FromLinesReadingAnArgument_GiveItsFirstDefaultOnceWithTheArgumentName()
    {
        File.WriteAllText(_dockerfile, $"ARG BASE_IMAGE={Pinned}\nFROM ${{BASE_IMAGE}} AS builder\nARG BASE_IMAGE=ignored:1\n" +
            "FROM $BASE_IMAGE\nCOPY --from=builder /a /a\n");

        var image = LocalImages.BaseImagesOf(_dockerfile).Should().ContainSingle().Subject;

        image.Should().Be(new BaseImage(Pinned, "BASE_IMAGE"));
        image.Tag.Should().Be("debian:trixie-slim", "the tag is what scripts/container-engine.sh makes where Docker Hub is unreachable");
        image.IsPinned.Should().BeTrue();
    }

    [Fact]
    public void BaseImagesOf_LiteralFromScratchAndStages_GiveTheLiteralImageOnly()
    {
        File.WriteAllText(_dockerfile, "FROM nginx:1.29 AS web\nFROM scratch\nFROM web\n");

        LocalImages.BaseImagesOf(_dockerfile).Should().Equal(new BaseImage("nginx:1.29", null));
    }

    [Fact]
    public void BaseImagesOf_ArgumentWithoutDefault_ThrowsNamingTheArgumentToDeclare()
    {
        File.WriteAllText(_dockerfile, "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n");

        var act = () => LocalImages.BaseImagesOf(_dockerfile);

        act.Should().Throw<CakeException>().WithMessage($"{_dockerfile}: FROM ${{BASE_IMAGE}} needs a default: add ARG BASE_IMAGE=*@sha256:*");
    }

    [Theory]
    [InlineData("backend", "Dockerfile.prod")]
    [InlineData("backend", "Dockerfile.toolchain")]
    [InlineData("frontend", "Dockerfile.prod")]
    public void BaseImagesOf_SampleDockerfiles_ArePinnedByDigestThroughBaseImage(string component, string file)
    {
        LocalImages.BaseImagesOf(Path.Combine(RepoPaths.App, component, file)).Should().ContainSingle()
            .Which.Should().Match<BaseImage>(image => image.IsPinned && image.Argument == "BASE_IMAGE" && image.Tag == "debian:trixie-slim");
    }

    public void Dispose() => File.Delete(_dockerfile);
}
