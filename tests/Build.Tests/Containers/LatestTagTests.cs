using Build.Containers;
using Build.Deploy;
using Build.Tests.Support;

namespace Build.Tests.Containers;

/// <summary>
/// Push-Images' decision on <c>latest</c>, asked of a real repository: main A → B, and a branch C diverging from A.
/// latest moves only to the commit it carries or a descendant of it.
/// </summary>
[Trait("Tier", "process")]
public sealed class LatestTagTests : IDisposable
{
    private const string Latest = "127.0.0.1:5000/acme/sovd-backend:latest";
    private readonly TempGitRepository _repository = new();

    [Fact]
    public void Decide_LatestOnAnAncestor_MovesForward()
    {
        var (move, reason) = Decide(_repository.A, _repository.B);

        move.Should().BeTrue();
        reason.Should().Be(
            $"{Latest} is commit {_repository.A}; this push is commit {_repository.B}, a descendant: latest moves forward");
    }

    [Fact]
    public void Decide_LatestOnANewerCommit_StaysNamingBoth()
    {
        var (move, reason) = Decide(_repository.B, _repository.A);

        move.Should().BeFalse();
        reason.Should().Be($"{Latest} is commit {_repository.B}; this push is commit {_repository.A}, " +
                           "which does not descend from it: moving latest would take it back");
    }

    [Fact]
    public void Decide_LatestOnADivergedBranch_Stays() => Decide(_repository.B, _repository.C).Move.Should().BeFalse();

    [Fact]
    public void Decide_NoLatestYet_Moves() => Decide(null, _repository.A).Move.Should().BeTrue();

    [Fact]
    public void Decide_TheSameCommit_Moves() => Decide(_repository.B, _repository.B).Move.Should().BeTrue();

    [Fact]
    public void Decide_ACommitGitDoesNotKnow_StaysSayingTheOrderIsUnknown()
    {
        var (move, reason) = Decide("fedcba9876543210fedcba9876543210fedcba98", _repository.B);

        move.Should().BeFalse();
        reason.Should().Contain("git does not know one of them in this checkout");
    }

    [Fact]
    public void Decide_ALatestWithoutARevisionLabel_StaysNamingTheLabel() =>
        Decide("<no value>", _repository.B).Reason.Should()
            .Contain("carries no commit SHA in its org.opencontainers.image.revision label");

    public void Dispose() => _repository.Dispose();

    private (bool Move, string Reason) Decide(string? running, string sha) =>
        LatestTag.Decide(Latest, running, sha, (from, to) => CommitOrders.Of(_repository.Path, from, to));
}
