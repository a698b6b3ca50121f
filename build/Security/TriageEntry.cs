namespace Build.Security;

/// <summary>An accepted risk: which finding in which package or path, why, who accepted it, and until when.</summary>
public sealed record TriageEntry(string Id, string Package, string Reason, string AcceptedBy, DateOnly Expires)
{
    /// <summary>The entry names the finding by its id or one of its aliases, and its package (or Bandit's file path).</summary>
    public bool Covers(Finding finding) =>
        finding.Ids.Any(id => string.Equals(id, Id, StringComparison.OrdinalIgnoreCase))
        && string.Equals(Normalize(finding.Package), Normalize(Package), StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Id} in {Package}";

    // Bandit prints "./app/x.py" or "app/x.py" depending on how it was called.
    private static string Normalize(string package) => package.StartsWith("./", StringComparison.Ordinal) ? package[2..] : package;
}
