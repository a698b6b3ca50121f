using Build.Security;
using Build.Tests.Support;
using Cake.Core;

namespace Build.Tests.Security;

/// <summary>The triage file over time, with a fake clock: the day given to the loader, or the host's --triage-date.</summary>
[Trait("Tier", "process")]
public sealed class TriageExpiryTests : IDisposable
{
    private static readonly DateOnly Expiry = new(2027, 3, 31);
    private readonly string _summary = Path.GetTempFileName();
    private readonly TempTriageFile _file = TempTriageFile.Write("""
        triage:
          - id: CVE-2025-54121
            package: starlette
            reason: fixed in the shipped Debian package
            accepted-by: maintainers
            expires: 2027-03-31
          - id: B602
            package: app/run.py
            reason: input is a constant
            accepted-by: maintainers
            expires: 2027-12-31
        """);

    [Fact]
    public void ExpiringWithin_29DaysBeforeExpiry_ListsOnlyThatEntry()
    {
        var today = Expiry.AddDays(-29);

        var expiring = TriageFile.Load(_file.FilePath, today).ExpiringWithin(today);

        expiring.Select(entry => entry.Id).Should().Equal("CVE-2025-54121");
        TriageExpiry.Message(expiring[0], today).Should().Be(
            "Triage entry CVE-2025-54121 in starlette (accepted by maintainers) expires on 2027-03-31, in 29 day(s); " +
            "from 2027-04-01 every security stage fails on it. Look at the risk again: fix it, or renew the entry with a new reason and date.");
    }

    [Fact]
    public void ExpiringWithin_31DaysBeforeExpiry_IsEmpty()
    {
        var today = Expiry.AddDays(-31);

        TriageFile.Load(_file.FilePath, today).ExpiringWithin(today).Should().BeEmpty();
    }

    [Fact]
    public void ExpiringWithin_OnTheLastDay_ListsTheEntryWithNoDayLeft()
    {
        var expiring = TriageFile.Load(_file.FilePath, Expiry).ExpiringWithin(Expiry);

        TriageExpiry.Markdown(expiring, Expiry).Should().Be(
            "### Triage entries expiring within 30 days\n\n| finding | package | expires | days left | accepted by |\n| --- | --- | --- | --- | --- |\n" +
            "| CVE-2025-54121 | starlette | 2027-03-31 | 0 | maintainers |\n");
    }

    [Fact]
    public void Load_OneDayAfterExpiry_FailsNamingTheEntry()
    {
        var load = () => TriageFile.Load(_file.FilePath, Expiry.AddDays(1));

        load.Should().Throw<CakeException>().WithMessage(
            "*entry 1 (CVE-2025-54121 in starlette) expired on 2027-03-31 (accepted by maintainers: fixed in the shipped Debian package)*");
    }

    [Fact]
    public async Task SecurityFrontend_DryRun29DaysBeforeExpiryOnGitHub_AnnotatesAndWritesTheSummary()
    {
        var run = await HostRun.RunAsync(["--target=Security-Frontend", "--exclusive", "--dryrun", $"--triage-file={_file.FilePath}", "--triage-date=2027-03-02"],
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = _summary });

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain(
            "::warning title=Triage entry expires soon::Triage entry CVE-2025-54121 in starlette (accepted by maintainers) expires on 2027-03-31, in 29 day(s)")
            .And.NotContain("Triage entry B602");
        File.ReadAllText(_summary).Should().Contain("| CVE-2025-54121 | starlette | 2027-03-31 | 29 | maintainers |");
    }

    [Fact]
    public async Task SecurityFrontend_DryRunOneDayAfterExpiry_FailsNamingTheEntry()
    {
        var run = await HostRun.RunAsync(["--target=Security-Frontend", "--exclusive", "--dryrun", $"--triage-file={_file.FilePath}", "--triage-date=2027-04-01"]);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("entry 1 (CVE-2025-54121 in starlette) expired on 2027-03-31");
    }

    [Fact]
    public async Task SecurityFrontend_TriageDateNotADate_FailsSayingWhatToGive()
    {
        var run = await HostRun.RunAsync(["--target=Security-Frontend", "--exclusive", "--dryrun", "--triage-date=31.03.2027"]);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("--triage-date=31.03.2027 is not a date: give yyyy-MM-dd (e.g. 2027-03-02) or leave it out for today.");
    }

    public void Dispose()
    {
        _file.Dispose();
        File.Delete(_summary);
    }
}
