using Build.Tools;
using Build.Tools.Helm;
using Build.Tools.Trivy;

namespace Build.Tests.Tools;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(HelmReleaseStatus.PendingInstall, "pending-install")]
    [InlineData(HelmReleaseStatus.Deployed, "deployed")]
    public void ToWire_MemberWithoutAttribute_IsItsNameInKebabCase(HelmReleaseStatus status, string wire) =>
        status.ToWire().Should().Be(wire);

    [Fact]
    public void ToWire_MemberWithAttribute_IsTheToolsSpelling() =>
        TrivySeverity.Critical.ToWire().Should().Be("CRITICAL");

    [Fact]
    public void ToWire_ValueOutsideTheEnum_ThrowsNamingIt()
    {
        var act = () => ((HelmReleaseStatus)99).ToWire();

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("HelmReleaseStatus has no member '99'.*");
    }

    [Theory]
    [InlineData("pending-rollback", HelmReleaseStatus.PendingRollback)]
    [InlineData("FAILED", HelmReleaseStatus.Failed)]
    public void TryParse_ToolsSpelling_AnyCase_FindsTheMember(string wire, HelmReleaseStatus expected)
    {
        WireNames.TryParse<HelmReleaseStatus>(wire, out var status).Should().BeTrue();
        status.Should().Be(expected);
    }

    [Fact]
    public void TryParse_UnknownSpelling_ReturnsFalse() =>
        WireNames.TryParse<TrivySeverity>("SEVERE", out _).Should().BeFalse();
}
