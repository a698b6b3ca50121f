using System.Text.Json.Nodes;
using Build.Security;

namespace Build.Tests.Security;

/// <summary>The SARIF uploaded to code scanning carries only new findings; the triaged ones stay in the JSON report and the summary.</summary>
public sealed class SarifTriageTests : IDisposable
{
    // Trivy's SARIF shape (pkg/report/sarif.go): ruleId = the vulnerability id, message text starting "Package: <name>".
    private const string Sarif = """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Trivy"}}, "results": [
          {"ruleId": "CVE-2025-54121", "level": "error", "message": {"text": "Package: starlette\nInstalled Version: 0.46.1\nVulnerability CVE-2025-54121"}},
          {"ruleId": "CVE-2025-54121", "level": "error", "message": {"text": "Package: other\nInstalled Version: 1.0\nVulnerability CVE-2025-54121"}},
          {"ruleId": "CVE-2026-00001", "level": "error", "message": {"text": "Package: zlib1g\nInstalled Version: 1.3\nVulnerability CVE-2026-00001"}}]}]}
        """;

    private readonly string _path = Path.GetTempFileName();

    [Fact]
    public void Filter_TriagedResult_IsRemovedAndTheOthersStay()
    {
        File.WriteAllText(_path, Sarif);
        var triage = new TriageFile("triage.yml", [new TriageEntry("CVE-2025-54121", "starlette", "fixed in Debian", "maintainers", new DateOnly(2099, 1, 1))]);

        var removed = SarifTriage.Filter(_path, triage, ScannerFindings.Trivy);

        removed.Should().Be(1);
        var results = JsonNode.Parse(File.ReadAllText(_path))!["runs"]![0]!["results"]!.AsArray();
        results.Select(result => ((string?)result!["ruleId"], ((string?)result["message"]!["text"])!.Split('\n')[0])).Should().Equal(
            ("CVE-2025-54121", "Package: other"), ("CVE-2026-00001", "Package: zlib1g"));
    }

    [Fact]
    public void Filter_NoTriage_LeavesEveryResult()
    {
        File.WriteAllText(_path, Sarif);

        SarifTriage.Filter(_path, new TriageFile("triage.yml", []), ScannerFindings.Trivy).Should().Be(0);
        JsonNode.Parse(File.ReadAllText(_path))!["runs"]![0]!["results"]!.AsArray().Should().HaveCount(3);
    }

    public void Dispose() => File.Delete(_path);
}
