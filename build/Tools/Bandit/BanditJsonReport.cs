using System.Text.Json;

namespace Build.Tools.Bandit;

/// <summary>One finding of <c>bandit -f json</c>.</summary>
public sealed record BanditIssue(string TestId, string TestName, string Severity, string Confidence, string File, int Line, string Text)
{
    public override string ToString() => $"{TestId} {TestName} ({Severity} severity, {Confidence} confidence) at {File}:{Line}: {Text}";
}

/// <summary>What <c>bandit -f json -o file</c> found, and the files it could not scan.</summary>
public sealed record BanditJsonReport(IReadOnlyList<BanditIssue> Issues, IReadOnlyList<string> Errors)
{
    public IReadOnlyList<BanditIssue> WithSeverity(BanditLevel level) =>
        Issues.Where(issue => string.Equals(issue.Severity, level.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();

    public static BanditJsonReport Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var issues = Array(root, "results").Select(result => new BanditIssue(
            Text(result, "test_id"), Text(result, "test_name"), Text(result, "issue_severity"), Text(result, "issue_confidence"),
            Text(result, "filename"), result.TryGetProperty("line_number", out var line) && line.TryGetInt32(out var number) ? number : 0,
            Text(result, "issue_text"))).ToList();
        var errors = Array(root, "errors").Select(error => $"{Text(error, "filename")}: {Text(error, "reason")}").ToList();
        return new BanditJsonReport(issues, errors);
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : [];

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";
}
