using Build.Deploy;
using Build.Tests.Tools.Support;
using Build.Tools.Kubectl;

namespace Build.Tests.Tools.Kubectl;

/// <summary><c>kubectl version -o json</c> as kubectl 1.35 prints it, and the one-minor-version rule.</summary>
public sealed class KubectlVersionTests
{
    private const string Client = """
        {
          "clientVersion": {
            "major": "1",
            "minor": "35",
            "gitVersion": "v1.35.2",
            "gitCommit": "fdc9d74cbf2da6754ebf81d56f80ae2948cd6425",
            "gitTreeState": "clean",
            "buildDate": "2026-02-26T20:05:34Z",
            "goVersion": "go1.25.7",
            "compiler": "gc",
            "platform": "linux/amd64"
          },
          "kustomizeVersion": "v5.7.1"
        """;

    [Fact]
    public void KubectlVersion_EksServer_ReadsBothSidesAndDropsThePlusOfTheMinor()
    {
        using var fixture = new ToolFixture("kubectl");
        var json = Client + """
            ,
              "serverVersion": {"major": "1", "minor": "32+", "gitVersion": "v1.32.9-eks-113cf36", "platform": "linux/amd64"}
            }
            """;
        fixture.Runner.WhenArguments("version", new ProcessReply(Output: json.Split('\n')));

        var versions = fixture.Context.KubectlVersion(new KubectlSettings());

        fixture.Runner.Single.Arguments.Should().Be("version -o json");
        versions.Should().Be(new KubectlVersionInfo(new KubeVersion(1, 35, "v1.35.2"), new KubeVersion(1, 32, "v1.32.9-eks-113cf36")));
    }

    [Fact]
    public void KubectlVersion_ClusterDoesNotAnswer_ClientOnlyAndNoThrow()
    {
        using var fixture = new ToolFixture("kubectl");
        fixture.Runner.WhenArguments("version", new ProcessReply(ExitCode: 1, Output: (Client + "\n}").Split('\n'),
            Error: ["The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?"]));

        var versions = fixture.Context.KubectlVersion(new KubectlSettings());

        versions.Should().Be(new KubectlVersionInfo(new KubeVersion(1, 35, "v1.35.2"), null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void Parse_NoVersionObject_Empty(string output)
    {
        KubectlVersionInfo.Parse(output).Should().Be(new KubectlVersionInfo(null, null));
    }

    [Theory]
    [InlineData(35, 34)]
    [InlineData(35, 35)]
    [InlineData(35, 36)]
    public void Problem_WithinOneMinor_None(int client, int server)
    {
        Deployment.VersionSkew(new KubeVersion(1, client, $"v1.{client}.0"), new KubeVersion(1, server, $"v1.{server}.0")).Should().BeNull();
    }

    [Theory]
    [InlineData(35, 33, "2 minor versions")]
    [InlineData(33, 37, "4 minor versions")]
    public void Problem_TwoOrMoreMinorsApart_NamesTheGapAndTheKubectlToUse(int client, int server, string gap)
    {
        Deployment.VersionSkew(new KubeVersion(1, client, $"v1.{client}.2"), new KubeVersion(1, server, $"v1.{server}.1")).Should()
            .Be($"kubectl v1.{client}.2 is {gap} away from the cluster's v1.{server}.1: kubectl supports one minor version either way; " +
                $"use kubectl 1.{server} (the pinned one: scripts/install-helm.sh, DeployTools in the definition).");
    }
}
