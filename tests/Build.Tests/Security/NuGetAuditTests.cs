using Build.Security;
using Build.Tests.Support;
using Build.Tools.DotNet;
using System.Diagnostics;
using System.Xml.Linq;

namespace Build.Tests.Security;

/// <summary>
/// The real <c>dotnet restore</c> and <c>dotnet list package --vulnerable</c> against a stand-in NuGet audit source: a
/// loopback server answering NuGet's VulnerabilityInfo/6.7.0 resource (service index, vulnerability index, page) in the
/// format NuGet reads (learn.microsoft.com/nuget/api/vulnerability-info, read 2026-12-07), so no real advisory is needed.
/// </summary>
[Trait("Tier", "process")]
public sealed class NuGetAuditTests : IDisposable
{
    private const string AdvisoryUrl = "https://github.com/advisories/GHSA-test-0000-0000";
    private readonly LoopbackHttpServer _auditSource;
    private readonly string _folder = Directory.CreateTempSubdirectory("nuget-audit-").FullName;

    public NuGetAuditTests()
    {
        // YamlDotNet at the repository's version: already in the global packages folder, so restore downloads nothing.
        _auditSource = LoopbackHttpServer.Start(context => LoopbackHttpServer.Reply(context, 200, "application/json",
            context.Request.Url!.AbsolutePath switch
            {
                "/index.json" => $$"""{"version":"3.0.0","resources":[{"@id":"{{BaseUrl}}/vulnerabilities/index.json","@type":"VulnerabilityInfo/6.7.0"}]}""",
                "/vulnerabilities/index.json" => $$"""[{"@name":"base","@id":"{{BaseUrl}}/vulnerabilities/base.json","@updated":"2026-12-01T00:00:00Z"}]""",
                _ => $$"""{"yamldotnet":[{"url":"{{AdvisoryUrl}}","severity":2,"versions":"[0.0.0, 99.0.0)"}]}""",
            }));
    }

    private string BaseUrl => _auditSource.BaseUrl;

    [Fact]
    public void Restore_HighAdvisoryWithTheRepositoryProps_WarnsNu1903AndSucceeds_StandInAuditSource()
    {
        WriteProject(extraProperties: "");

        var restore = Dotnet("restore");

        restore.ExitCode.Should().Be(0, restore.Output);
        restore.Output.Should().Contain($"warning NU1903: Package 'YamlDotNet' {YamlDotNetVersion} has a known high severity vulnerability, {AdvisoryUrl}");
    }

    [Fact]
    public void Restore_HighAdvisoryWithoutWarningsNotAsErrors_FailsAsTheBuildDidBefore_StandInAuditSource()
    {
        WriteProject(extraProperties: "<WarningsNotAsErrors></WarningsNotAsErrors>");

        var restore = Dotnet("restore");

        restore.ExitCode.Should().NotBe(0);
        restore.Output.Should().Contain("error NU1903: Warning As Error: Package 'YamlDotNet'");
    }

    [Fact]
    public void NuGetAdvisories_ListOfTheRestoredProject_NamesPackageVersionSeverityAndUrl_StandInAuditSource()
    {
        WriteProject(extraProperties: "");
        Dotnet("restore").ExitCode.Should().Be(0);

        var list = Dotnet("list", "package", "--vulnerable", "--include-transitive", "--format", "json");

        NuGetVulnerabilities.Parse(list.Output).Should().Equal(
            new NuGetAdvisory("probe.csproj", "YamlDotNet", YamlDotNetVersion, "High", AdvisoryUrl, Transitive: false));
    }

    [Fact]
    public void Failure_ReportOnlyRun_IsNullEvenWithAdvisories()
    {
        NuGetAudit.Failure([Advisory], failOn: false).Should().BeNull();
    }

    [Fact]
    public void Failure_ScheduledRun_NamesEachAdvisoryAndTheWayOut()
    {
        NuGetAudit.Failure([Advisory], failOn: true).Should().Be(
            $"NuGet audit found 1 advisory(ies): YamlDotNet 1.0.0 (High, transitive) in Build.csproj: {AdvisoryUrl}. Update the package " +
            "(for a transitive one, pin a fixed version in Directory.Packages.props) or, when the risk is accepted, add " +
            "<NuGetAuditSuppress Include=\"<advisory url>\" /> with the reason.");
    }

    [Fact]
    public void Markdown_Advisories_OneRowEachAndWhetherTheyFail()
    {
        NuGetAudit.Markdown("Test-Pipeline", [Advisory], failOn: false).Should().Be(
            "### Test-Pipeline: NuGet advisories (reported only; the scheduled audit fails on them)\n\n" +
            "| package | version | severity | direct or transitive | project | advisory |\n| --- | --- | --- | --- | --- | --- |\n" +
            $"| YamlDotNet | 1.0.0 | High | transitive | Build.csproj | {AdvisoryUrl} |\n");
    }

    private static NuGetAdvisory Advisory => new("Build.csproj", "YamlDotNet", "1.0.0", "High", AdvisoryUrl, Transitive: true);

    private static string YamlDotNetVersion => XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
        .Single(package => (string?)package.Attribute("Include") == "YamlDotNet").Attribute("Version")!.Value;

    private void WriteProject(string extraProperties)
    {
        File.WriteAllText(Path.Combine(_folder, "probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(RepoPaths.Root, "Directory.Build.props")}" />
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup><PackageReference Include="YamlDotNet" Version="{YamlDotNetVersion}" /></ItemGroup>
            </Project>
            """);
        // Directory.Build.props of the temp folder's parents must not leak in: the folder has its own, empty one.
        File.WriteAllText(Path.Combine(_folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_folder, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(_folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /></packageSources>
              <auditSources><clear /><add key="stand-in" value="{BaseUrl}/index.json" allowInsecureConnections="true" /></auditSources>
            </configuration>
            """);
    }

    private (int ExitCode, string Output) Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(2)).Should().BeTrue("dotnet {0} should finish within 2 minutes", string.Join(' ', arguments));
        return (process.ExitCode, output.Result + error.Result);
    }

    public void Dispose()
    {
        _auditSource.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
