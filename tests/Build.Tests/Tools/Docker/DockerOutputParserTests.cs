using Build.Tools.Docker;

namespace Build.Tests.Tools.Docker;

public sealed class DockerOutputParserTests
{
    [Theory]
    [InlineData("ghcr.io/o/api:1.2.3", "ghcr.io/o/api")]
    [InlineData("127.0.0.1:5000/api:1.0", "127.0.0.1:5000/api")]
    [InlineData("127.0.0.1:5000/api", "127.0.0.1:5000/api")]
    [InlineData("api@sha256:abc", "api")]
    public void Repository_StripsTagAndDigest_ButKeepsTheRegistryPort(string image, string repository) =>
        DockerOutputParser.Repository(image).Should().Be(repository);

    [Fact]
    public void RepoDigests_WithNullJson_IsEmpty() => DockerOutputParser.RepoDigests("null\n").Should().BeEmpty();
}
