namespace Build.Security;

/// <summary>
/// One thing a scanner reported that would fail its stage: an advisory (CVE, GHSA, PYSEC…) in a package, or a Bandit
/// test id in a file. <paramref name="Aliases"/> are the other ids of the same advisory, so a triage entry may name any.
/// </summary>
public sealed record Finding(string Scanner, string Id, string Package, string Severity, string Detail)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IEnumerable<string> Ids => Aliases.Prepend(Id);

    public override string ToString() => $"{Id} in {Package} ({Scanner}, {Severity}): {Detail}";
}
