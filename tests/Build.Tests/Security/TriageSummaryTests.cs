using Build.Security;

namespace Build.Tests.Security;

public sealed class TriageSummaryTests
{
    [Fact]
    public void Markdown_NewAndTriagedFindings_OneRowEachWithWhoAcceptedItUntilWhenAndWhy()
    {
        var entry = new TriageEntry("CVE-2025-54121", "starlette", "fixed in Debian's package", "maintainers", new DateOnly(2027, 3, 31));
        var triaged = new Finding("pip-audit", "GHSA-2c2j-9gv5-cj73", "starlette", "unrated", "…") { Aliases = ["CVE-2025-54121"] };
        var fresh = new Finding("pip-audit", "GHSA-vqfr-h8mv-ghfj", "h11", "unrated", "…");
        var verdicts = new[]
        {
            new TriageVerdict("pip-audit", [(triaged, entry)], [fresh]),
            new TriageVerdict("Bandit", [], []),
        };

        var markdown = TriageSummary.Markdown("Security-Backend", verdicts);

        markdown.Should().Be("""
            ### Security-Backend: findings

            | scanner | finding | package or path | severity | status |
            | --- | --- | --- | --- | --- |
            | pip-audit | GHSA-vqfr-h8mv-ghfj | h11 | unrated | **new** |
            | pip-audit | GHSA-2c2j-9gv5-cj73 | starlette | unrated | triaged: accepted by maintainers until 2027-03-31: fixed in Debian's package |
            | Bandit | none | | | |

            """.Replace("\r", string.Empty));
    }
}
