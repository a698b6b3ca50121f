using Build.Tests.Tools.Support;
using Build.Tools.Helm;

namespace Build.Tests.Tools.Helm;

public sealed class HelmRunnerTests
{
    private static HelmUpgradeSettings FullUpgrade => new()
    {
        Release = "sovd-webapp",
        Chart = "/src/deploy/helm/sovd-webapp",
        Target = new("sovd-staging", "staging"),
        ValuesFiles = ["/src/deploy/values-staging.yaml"],
        SetValues = new Dictionary<string, string> { ["image.tag"] = "1.2.3", ["image.digest"] = "sha256:abc" },
        Timeout = TimeSpan.FromMinutes(5),
        StringValues = new Dictionary<string, string> { ["backend.image.tag"] = "0123456" },
    };

    [Fact]
    public void HelmUpgrade_WithEveryOption_RendersTheLineWithGlobalFlagsLast()
    {
        using var fixture = new ToolFixture();

        fixture.Context.HelmUpgrade(FullUpgrade);

        fixture.Runner.Single.SafeArguments.Should().Be(
            "upgrade --install sovd-webapp /src/deploy/helm/sovd-webapp -f /src/deploy/values-staging.yaml " +
            "--set image.digest=sha256:abc --set image.tag=1.2.3 " +
            "--wait --atomic --timeout 5m0s -n sovd-staging --kube-context staging --set-string backend.image.tag=0123456");
    }

    [Fact]
    public void HelmUpgrade_ForHelm4_SpellsAtomicAsRollbackOnFailure()
    {
        using var fixture = new ToolFixture();

        fixture.Context.HelmUpgrade(new HelmUpgradeSettings { Release = "sovd-webapp", Chart = "/c", HelmMajorVersion = 4 });

        fixture.Runner.Single.Arguments.Should().Be(
            "upgrade --install sovd-webapp /c --wait --rollback-on-failure --force-conflicts");
    }

    [Theory]
    [InlineData("v4.1.4", 4)]
    [InlineData("v3.17.2", 3)]
    [InlineData("", null)]
    public void HelmMajorVersion_VersionTemplate_ReadsTheMajor(string printed, int? major)
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("version", new ProcessReply(Output: [printed]));

        fixture.Context.HelmMajorVersion().Should().Be(major);
        fixture.Runner.Single.Arguments.Should().Be("version --template {{.Version}}");
    }

    [Fact]
    public void HelmUpgrade_StringValues_ComeLastAsSetString_SoADigitsOnlyTagStaysAString()
    {
        using var fixture = new ToolFixture();

        fixture.Context.HelmUpgrade(FullUpgrade);

        fixture.Runner.Single.Arguments.Should().EndWith("--kube-context staging --set-string backend.image.tag=0123456");
    }

    [Fact]
    public void HelmUpgrade_WhenHelmFails_ThrowsNamingTheCommand()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("upgrade", new ProcessReply(ExitCode: 1));

        var act = () => fixture.Context.HelmUpgrade(FullUpgrade);

        act.Should().Throw<Cake.Core.CakeException>()
            .Where(error => error.Message.StartsWith("helm: process returned exit code 1 (helm upgrade --install"));
    }

    [Fact]
    public void HelmUpgrade_WithKubeConfig_PassesItAsKubeconfigVariable()
    {
        using var fixture = new ToolFixture();

        fixture.Context.HelmUpgrade(new HelmUpgradeSettings { Release = "r", Chart = "c", Target = new(Config: "/secrets/kubeconfig") });

        fixture.Runner.Single.Variable("KUBECONFIG").Should().Be("/secrets/kubeconfig");
    }

    [Theory]
    [InlineData("pending-install", HelmReleaseStatus.PendingInstall)]
    [InlineData("pending-upgrade", HelmReleaseStatus.PendingUpgrade)]
    [InlineData("pending-rollback", HelmReleaseStatus.PendingRollback)]
    [InlineData("deployed", HelmReleaseStatus.Deployed)]
    [InlineData("failed", HelmReleaseStatus.Failed)]
    [InlineData("superseded", HelmReleaseStatus.Superseded)]
    [InlineData("uninstalled", HelmReleaseStatus.Uninstalled)]
    [InlineData("unknown", HelmReleaseStatus.Unknown)]
    [InlineData("something-new", HelmReleaseStatus.Unknown)]
    public void HelmStatus_ParsesInfoStatusFromJson(string wire, HelmReleaseStatus expected)
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("status", new ProcessReply(Output: [$"{{\"name\":\"r\",\"namespace\":\"ns\",\"version\":7,\"info\":{{\"status\":\"{wire}\"}}}}"]));

        var status = fixture.Context.HelmStatus("r", new HelmSettings { Target = new("ns") });

        fixture.Runner.Single.Arguments.Should().Be("status r -o json -n ns");
        status.Should().Be(new HelmStatusResult("r", expected, 7));
        status.IsPending.Should().Be(wire.StartsWith("pending-"));
    }

    [Fact]
    public void HelmStatus_ForAReleaseThatDoesNotExist_IsNotFoundRatherThanAnError()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("status", new ProcessReply(ExitCode: 1, Error: ["Error: release: not found"]));

        fixture.Context.HelmStatus("r", new HelmSettings()).Status.Should().Be(HelmReleaseStatus.NotFound);
    }

    [Fact]
    public void HelmStatus_WhenTheClusterIsUnreachable_ThrowsWithHelmsError()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("status", new ProcessReply(ExitCode: 1, Error: ["Error: Kubernetes cluster unreachable"]));

        var act = () => fixture.Context.HelmStatus("r", new HelmSettings());

        act.Should().Throw<Cake.Core.CakeException>().WithMessage("helm status failed (exit code 1): Error: Kubernetes cluster unreachable");
    }

    [Fact]
    public void HelmHistory_ParsesRevisionsOldestFirst()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("history", new ProcessReply(Output:
        [
            "[{\"revision\":1,\"updated\":\"2024-05-01T10:00:00Z\",\"status\":\"superseded\",\"chart\":\"sovd-webapp-0.1.0\",\"app_version\":\"1.0.0\",\"description\":\"Install complete\"},",
            "{\"revision\":2,\"updated\":\"2024-05-02T10:00:00Z\",\"status\":\"deployed\",\"chart\":\"sovd-webapp-0.1.1\",\"app_version\":\"1.0.1\",\"description\":\"Upgrade complete\"}]",
        ]));

        var history = fixture.Context.HelmHistory("r", new HelmSettings());

        fixture.Runner.Single.Arguments.Should().Be("history r -o json");
        history.Should().Equal(
            new HelmRevision(1, HelmReleaseStatus.Superseded),
            new HelmRevision(2, HelmReleaseStatus.Deployed));
    }

    [Fact]
    public void HelmHistory_ForAReleaseThatDoesNotExist_IsEmpty()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("history", new ProcessReply(ExitCode: 1, Error: ["Error: release: not found"]));

        fixture.Context.HelmHistory("r", new HelmSettings()).Should().BeEmpty();
    }

    [Fact]
    public void HelmRollback_RendersTheRevisionAndWaits()
    {
        using var fixture = new ToolFixture();

        fixture.Context.HelmRollback("r", 3, new HelmSettings { Timeout = TimeSpan.FromSeconds(90), Target = new("ns") });

        fixture.Runner.Single.Arguments.Should().Be("rollback r 3 --wait --timeout 1m30s -n ns");
    }

    [Fact]
    public void HelmUninstall_RendersItsFlags()
    {
        using var fixture = new ToolFixture();

        fixture.Context.HelmUninstall("r", new HelmSettings { Timeout = TimeSpan.FromMinutes(5), Target = new("ns") });

        fixture.Runner.Single.Arguments.Should().Be("uninstall r --wait --timeout 5m0s -n ns");
    }

    [Fact]
    public void HelmUserValues_ReturnsTheReleasesValuesAsHelmPrintsThem()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("get values", new ProcessReply(Output: ["{\"api\":{\"image\":{\"tag\":\"abc\"}}}"]));

        var result = fixture.Context.HelmUserValues("r", new HelmSettings { Target = new("ns") });

        fixture.Runner.Single.Arguments.Should().Be("get values r -o json -n ns");
        result.Output.Should().Be("{\"api\":{\"image\":{\"tag\":\"abc\"}}}");
    }

    [Fact]
    public void HelmUserValues_WhenHelmFails_ThrowsWithHelmsError()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("get values", new ProcessReply(ExitCode: 1, Error: ["Error: Kubernetes cluster unreachable"]));

        var act = () => fixture.Context.HelmUserValues("r", new HelmSettings());

        act.Should().Throw<Cake.Core.CakeException>().WithMessage("helm get values failed (exit code 1): Error: Kubernetes cluster unreachable");
    }
}
