using Build.Tools;

namespace Build.Tests.Tools;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData(300, "5m0s")]
    [InlineData(90, "1m30s")]
    [InlineData(45, "45s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(5430, "1h30m30s")]
    public void Format_WholeSeconds_PrintsLikeGoDuration(int seconds, string expected) =>
        GoDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Fact]
    public void Format_SubSecondAndFractionalValues_PrintLikeGoDuration()
    {
        GoDuration.Format(TimeSpan.FromMilliseconds(500)).Should().Be("500ms");
        GoDuration.Format(TimeSpan.FromMilliseconds(1500)).Should().Be("1.5s");
    }

    [Fact]
    public void Format_ZeroOrNegative_ThrowsNamingTheProblem()
    {
        var act = () => GoDuration.Format(TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A tool timeout must be positive*");
    }
}
