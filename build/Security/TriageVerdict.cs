namespace Build.Security;

/// <summary>A finding with the entry that accepted it.</summary>
public sealed record TriagedFinding(Finding Finding, TriageEntry Entry);

/// <summary>A scanner's findings split into the accepted ones and the new ones; only new ones fail a stage.</summary>
public sealed record TriageVerdict(string Scanner, IReadOnlyList<TriagedFinding> Triaged, IReadOnlyList<Finding> New)
{
    public static TriageVerdict Of(string scanner, IEnumerable<Finding> findings, TriageFile triage)
    {
        var triaged = new List<TriagedFinding>();
        var fresh = new List<Finding>();
        foreach (var finding in findings)
        {
            if (triage.Entries.FirstOrDefault(entry => entry.Covers(finding)) is { } entry)
            {
                triaged.Add(new TriagedFinding(finding, entry));
            }
            else
            {
                fresh.Add(finding);
            }
        }
        return new TriageVerdict(scanner, triaged, fresh);
    }

    /// <summary>Why the stage fails, or null when every finding is triaged.</summary>
    public string? Failure => New.Count == 0
        ? null
        : $"{Scanner} found {New.Count} new finding(s) not in the triage file: {string.Join("; ", New)}. " +
          "Fix them (update or replace the package, change the code) or, when the risk is accepted, add an entry to the triage file.";
}
