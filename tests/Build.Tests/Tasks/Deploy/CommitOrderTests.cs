using Build.Deploy;
using Build.Tests.Support;

namespace Build.Tests.Tasks.Deploy;

/// <summary>The order guard's question to git, asked of a real repository: main A → B, and a branch C diverging from A.</summary>
[Trait("Tier", "process")]
public sealed class CommitOrderTests : IDisposable
{
    private readonly TempGitRepository _repository = new();

    [Fact]
    public void Of_RunningIsAnAncestor_IsForward() => CommitOrders.Of(_repository.Path, _repository.A, _repository.B).Should().Be(CommitOrder.Forward);

    [Fact]
    public void Of_RunningIsNewer_IsNotForward() => CommitOrders.Of(_repository.Path, _repository.B, _repository.A).Should().Be(CommitOrder.NotForward);

    [Fact]
    public void Of_Diverged_IsNotForward() => CommitOrders.Of(_repository.Path, _repository.B, _repository.C).Should().Be(CommitOrder.NotForward);

    [Fact]
    public void Of_TheSameCommit_IsSame() => CommitOrders.Of(_repository.Path, _repository.B, _repository.B).Should().Be(CommitOrder.Same);

    [Fact]
    public void Of_ACommitGitDoesNotKnow_IsUnknown() =>
        CommitOrders.Of(_repository.Path, "fedcba9876543210fedcba9876543210fedcba98", _repository.B).Should().Be(CommitOrder.Unknown);

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567", true)]
    [InlineData("latest", false)]
    [InlineData("0123456", false)]
    public void IsCommitSha_ImageTags_OnlyFullShas(string tag, bool expected) => CommitOrders.IsCommitSha(tag).Should().Be(expected);

    public void Dispose() => _repository.Dispose();
}
