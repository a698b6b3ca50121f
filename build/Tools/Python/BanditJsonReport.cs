namespace Build.Tools.Python;

public sealed record BanditIssue(string TestId, string TestName, string Severity, string Confidence, string File,
    int Line, string Text)
{
    public override string ToString() =>
        $"{TestId} {TestName} ({Severity} severity, {Confidence} confidence) at {File}:{Line}: {Text}";
}

/// <summary>What <c>bandit -f json -o file</c> found, and the files it could not scan.</summary>
public sealed record BanditJsonReport(IReadOnlyList<BanditIssue> Issues, IReadOnlyList<string> Errors)
{
    public IReadOnlyList<BanditIssue> HighSeverity =>
        Issues.Where(issue => string.Equals(issue.Severity, "HIGH", StringComparison.OrdinalIgnoreCase)).ToList();

    public static BanditJsonReport Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var issues = root.Items("results").Select(result => new BanditIssue(
            result.Text("test_id", "?")!, result.Text("test_name", "?")!, result.Text("issue_severity", "?")!,
                result.Text("issue_confidence", "?")!,
            result.Text("filename", "?")!, result.TryGetProperty("line_number", out var line)
                && line.TryGetInt32(out var number) ? number : 0,
            result.Text("issue_text", "?")!)).ToList();
        var errors =
            root.Items("errors").Select(
            error => $"{error.Text("filename", "?")}: {error.Text("reason", "?")}").ToList();
        return new BanditJsonReport(issues, errors);
    }
}
