using Build.Deploy;

namespace Build.Tests.Tasks.Deploy;

/// <summary>The stable release's current images, read from <c>helm get values -o json</c> and re-passed at each weight step.</summary>
public sealed class CurrentImagesTests
{
    [Fact]
    public void Parse_HelmGetValuesJson_KeepsOnlyTheImageValuesWithDigestsAndNumericTags()
    {
        const string json = """
            {"backend":{"image":{"repository":"sovd-backend","tag":"1234567","digest":"sha256:abc"},"replicaCount":3},
             "frontend":{"image":{"repository":"sovd-frontend","tag":"old"}},
             "global":{"imageOwner":"acme","imageRegistry":"ghcr.io","imagePullSecrets":[{"name":"ghcr-pull"}]},
             "canary":{"live":true,"weight":50}}
            """;

        var values = Cluster.ParseImages(json, "sovd-webapp");

        values.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["backend.image.repository"] = "sovd-backend",
            ["backend.image.tag"] = "1234567",
            ["backend.image.digest"] = "sha256:abc",
            ["frontend.image.repository"] = "sovd-frontend",
            ["frontend.image.tag"] = "old",
            ["global.imageOwner"] = "acme",
            ["global.imageRegistry"] = "ghcr.io",
        });
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    public void Parse_ReleaseGivenNoValues_IsEmptySoTheChartDefaultsStay(string json) =>
        Cluster.ParseImages(json, "sovd-webapp").Should().BeEmpty();

    [Fact]
    public void Parse_NotJson_FailsNamingTheCommand()
    {
        var parse = () => Cluster.ParseImages("Error: something else", "sovd-webapp");

        parse.Should().Throw<DeployException>().WithMessage("`helm get values sovd-webapp -o json` did not print JSON*");
    }
}
