using Cake.Core.IO;
using Build.Tests.Tools.Support;
using Build.Tools.Git;

namespace Build.Tests.Tools.Git;

/// <summary>The git questions run through the host's process runner (recorded here), never a raw process.</summary>
public sealed class GitAliasesTests
{
    private static readonly DirectoryPath Checkout = new("/src/sovd");

    [Fact]
    public void GitHead_AsksRevParseInTheCheckout_AsASilentProbe()
    {
        using var fixture = new ToolFixture("git");
        fixture.Runner.WhenArguments("rev-parse", new ProcessReply(Output: ["0123abc\n"]));

        var head = fixture.Context.GitHead(Checkout);

        head.Should().Be("0123abc");
        var call = fixture.Runner.Single;
        call.ToolName.Should().Be("git");
        call.Arguments.Should().Be("rev-parse HEAD");
        call.Settings.WorkingDirectory!.FullPath.Should().Be("/src/sovd");
        call.Settings.Silent.Should().BeTrue("a dry run must still answer settings' git questions");
    }

    [Fact]
    public void GitHead_OutsideACheckout_IsNullNotAnError()
    {
        using var fixture = new ToolFixture("git");
        fixture.Runner.WhenArguments("rev-parse", new ProcessReply(128, Error: ["fatal: not a git repository"]));

        fixture.Context.GitHead(Checkout).Should().BeNull();
    }

    [Fact]
    public void GitHead_WithoutGit_StartsNothingAndIsNull()
    {
        using var fixture = new ToolFixture("docker");

        fixture.Context.GitHead(Checkout).Should().BeNull();
        fixture.Runner.Calls.Should().BeEmpty();
    }

    [Fact]
    public void GitCommitTime_ReadsTheCommitterTimeInUtc()
    {
        using var fixture = new ToolFixture("git");
        fixture.Runner.WhenArguments("show", new ProcessReply(Output: ["2025-01-31T13:00:00+01:00"]));

        var time = fixture.Context.GitCommitTime(Checkout, "0123abc");

        time.Should().Be(new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero));
        fixture.Runner.Single.Arguments.Should().Be("show -s --format=%cI 0123abc^{commit}");
    }

    [Theory]
    [InlineData("git@github.com:acme/sovd.git", "https://github.com/acme/sovd")]
    [InlineData("https://github.example/acme/sovd.git", "https://github.example/acme/sovd")]
    [InlineData("https://github.example/acme/sovd", "https://github.example/acme/sovd")]
    public void GitOriginUrl_GivesTheRemoteAsHttpsWithoutDotGit(string remote, string expected)
    {
        using var fixture = new ToolFixture("git");
        fixture.Runner.WhenArguments("remote get-url origin", new ProcessReply(Output: [remote]));

        fixture.Context.GitOriginUrl(Checkout).Should().Be(expected);
    }
}
