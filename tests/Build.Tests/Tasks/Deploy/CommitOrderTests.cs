using System.Diagnostics;
using Build.Deploy;

namespace Build.Tests.Tasks.Deploy;

/// <summary>The order guard's question to git, asked of a real repository: main A → B, and a branch C diverging from A.</summary>
[Trait("Tier", "process")]
public sealed class CommitOrderTests : IDisposable
{
    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("commit-order-");
    private readonly string _a;
    private readonly string _b;
    private readonly string _c;

    public CommitOrderTests()
    {
        Git("init", "-q", "-b", "main");
        _a = Commit("a");
        _b = Commit("b");
        Git("checkout", "-q", "-b", "side", _a);
        _c = Commit("c");
    }

    [Fact]
    public void Of_RunningIsAnAncestor_IsForward() => CommitOrders.Of(_repository.FullName, _a, _b).Should().Be(CommitOrder.Forward);

    [Fact]
    public void Of_RunningIsNewer_IsNotForward() => CommitOrders.Of(_repository.FullName, _b, _a).Should().Be(CommitOrder.NotForward);

    [Fact]
    public void Of_Diverged_IsNotForward() => CommitOrders.Of(_repository.FullName, _b, _c).Should().Be(CommitOrder.NotForward);

    [Fact]
    public void Of_TheSameCommit_IsSame() => CommitOrders.Of(_repository.FullName, _b, _b).Should().Be(CommitOrder.Same);

    [Fact]
    public void Of_ACommitGitDoesNotKnow_IsUnknown() =>
        CommitOrders.Of(_repository.FullName, "fedcba9876543210fedcba9876543210fedcba98", _b).Should().Be(CommitOrder.Unknown);

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567", true)]
    [InlineData("latest", false)]
    [InlineData("0123456", false)]
    public void IsCommitSha_ImageTags_OnlyFullShas(string tag, bool expected) => CommitOrders.IsCommitSha(tag).Should().Be(expected);

    public void Dispose() => _repository.Delete(recursive: true);

    private string Commit(string name)
    {
        File.WriteAllText(Path.Combine(_repository.FullName, name), name);
        Git("add", name);
        Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", name);
        return Git("rev-parse", "HEAD").Trim();
    }

    private string Git(params string[] arguments)
    {
        var info = new ProcessStartInfo("git", arguments) { WorkingDirectory = _repository.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error);
        return output;
    }
}
