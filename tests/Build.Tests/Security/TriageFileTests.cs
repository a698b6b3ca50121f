using Build.Security;
using Cake.Core;

namespace Build.Tests.Security;

public sealed class TriageFileTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Load_CompleteEntries_ReadsEveryField()
    {
        using var file = TempTriageFile.Write("""
            triage:
              - id: CVE-2025-54121
                package: starlette
                reason: fixed in the shipped Debian package
                accepted-by: maintainers
                expires: 2027-03-31
            """);

        var triage = TriageFile.Load(file.FilePath, Today);

        triage.Entries.Should().Equal(new TriageEntry("CVE-2025-54121", "starlette", "fixed in the shipped Debian package", "maintainers", new DateOnly(2027, 3, 31)));
    }

    [Fact]
    public void Load_EntriesWithoutReasonOwnerOrExpiry_FailsNamingEachEntryAndWhatItLacks()
    {
        using var file = TempTriageFile.Write("""
            triage:
              - id: CVE-2025-54121
                package: starlette
                accepted-by: maintainers
                expires: 2027-03-31
              - id: B602
                package: app/run.py
                reason: input is a constant
            """);

        var load = () => TriageFile.Load(file.FilePath, Today);

        load.Should().Throw<CakeException>().Which.Message.Should()
            .Contain($"Triage file {file.FilePath} has 2 problem(s)")
            .And.Contain("entry 1 (CVE-2025-54121 in starlette) has no reason")
            .And.Contain("entry 2 (B602 in app/run.py) has no accepted-by, no expires");
    }

    [Fact]
    public void Load_ExpiredEntry_FailsNamingTheEntryAndItsDate()
    {
        using var file = ScannerReports.Triage(("CVE-2025-62727", "starlette", new DateOnly(2026, 11, 30)), ("CVE-2025-54121", "starlette", Today));

        var load = () => TriageFile.Load(file.FilePath, Today);

        load.Should().Throw<CakeException>().Which.Message.Should()
            .Contain("entry 1 (CVE-2025-62727 in starlette) expired on 2026-11-30 (accepted by tests: accepted for the test)")
            .And.NotContain("entry 2", "an entry is valid through its expiry day");
    }

    [Fact]
    public void Load_MisspeltField_FailsWithTheLineAndTheExpectedShape()
    {
        using var file = TempTriageFile.Write("""
            triage:
              - id: B602
                package: app/run.py
                reason: constant input
                acceptedby: tests
                expires: 2027-01-01
            """);

        var load = () => TriageFile.Load(file.FilePath, Today);

        load.Should().Throw<CakeException>().Which.Message.Should().Contain("is not valid").And.Contain("(line 5)").And.Contain("accepted-by:");
    }

    [Fact]
    public void Load_DateThatIsNoDate_FailsNamingTheValue()
    {
        using var file = TempTriageFile.Write("triage:\n  - {id: B602, package: app/x.py, reason: r, accepted-by: me, expires: next year}\n");

        var load = () => TriageFile.Load(file.FilePath, Today);

        load.Should().Throw<CakeException>().Which.Message.Should().Contain("entry 1 (B602 in app/x.py): expires 'next year' is not a date (yyyy-MM-dd)");
    }

    [Fact]
    public void Covers_AdvisoryNamedByAliasInTheSamePackage_MatchesOnlyThatPackage()
    {
        var entry = new TriageEntry("cve-2025-54121", "Starlette", "r", "me", Today);
        var finding = new Finding("pip-audit", "GHSA-2c2j-9gv5-cj73", "starlette", "unrated", "…") { Aliases = ["CVE-2025-54121"] };

        entry.Covers(finding).Should().BeTrue();
        entry.Covers(finding with { Package = "fastapi" }).Should().BeFalse();
    }
}
