using Build.Tests.Support;
using Cake.Core;
using Build.Toolchains;
using Pipeline.Definition;

namespace Build.Tests.Toolchains;

/// <summary>
/// The local Python toolchain against what the CI job installs (the definition's Python, the requirement pins). The
/// installed side is what Debian trixie's packages report (apt-cache policy in debian:trixie-slim, 2026-12-07).
/// </summary>
public sealed class ToolchainParityTests : IDisposable
{
    private static readonly string DevRequirements = Path.Combine(RepoPaths.App, "backend", "requirements-dev.txt");

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("parity-");

    [Fact]
    public void Read_DevRequirements_FollowsTheIncludeAndNormalisesNames()
    {
        var pins = RequirementPins.Read(DevRequirements);

        pins["pydantic"].Should().Be("2.10.6");
        pins["pydantic-core"].Should().Be("2.27.2");
        pins["mypy"].Should().Be("1.15.0");
        pins.Keys.Should().OnlyContain(name => name == name.ToLowerInvariant() && !name.Contains('_'));
    }

    [Fact]
    public void Read_MissingInclude_NamesTheFile()
    {
        var file = Write("requirements-dev.txt", "-r base.txt\nblack==25.1.0\n");

        var read = () => RequirementPins.Read(file);

        read.Should().Throw<CakeException>().WithMessage(
            $"Requirements file {Path.Combine(_scratch.FullName, "base.txt")} does not exist: it is named by a -r line or by the toolchain; restore it or fix the reference.");
    }

    [Fact]
    public void Differences_TrixiePackagesAgainstTheRealPins_OnlyTheAcceptedOnesDiffer()
    {
        var pins = RequirementPins.Read(DevRequirements);

        ToolchainParity.Differences(Trixie(), SovdPipeline.PythonVersion, pins).Should().BeEmpty();
    }

    [Fact]
    public void Differences_PinChangedOnTheCiSideOnly_FailsNamingBothVersions()
    {
        var pins = new Dictionary<string, string>(RequirementPins.Read(DevRequirements)) { ["pydantic"] = "2.11.0" };

        ToolchainParity.Differences(Trixie(), SovdPipeline.PythonVersion, pins).Should().Equal("pydantic: 2.10.6 here, CI installs 2.11.0");
    }

    [Fact]
    public void Differences_BookwormHostPython_NamesTheInterpreterAndPydantic()
    {
        var bookworm = Trixie() with { Version = "3.11.2" };
        var packages = new Dictionary<string, string>(bookworm.Packages) { ["pydantic"] = "1.10.4" };
        packages.Remove("mypy");

        ToolchainParity.Differences(bookworm with { Packages = packages }, "3.13", RequirementPins.Read(DevRequirements)).Should().Equal(
            "python: 3.11.2 here, CI sets up 3.13", "mypy: not installed here, CI installs 1.15.0", "pydantic: 1.10.4 here, CI installs 2.10.6");
    }

    [Fact]
    public void Differences_PythonVersionChangedInTheDefinitionOnly_Fails()
    {
        ToolchainParity.Differences(Trixie(), "3.14", RequirementPins.Read(DevRequirements)).Should().Equal("python: 3.13.5 here, CI sets up 3.14");
    }

    [Fact]
    public void Parse_ProbeOutput_ReadsTheVersions()
    {
        var installed = PythonProbe.Parse("""{"python": "3.13.5", "packages": {"pydantic": "2.10.6", "pytest-cov": "5.0.0"}}""");

        installed.Version.Should().Be("3.13.5");
        installed.Packages.Should().Equal(new Dictionary<string, string> { ["pydantic"] = "2.10.6", ["pytest-cov"] = "5.0.0" });
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    /// <summary>trixie's python3-* packages at the versions their metadata reports (the pins were taken from them).</summary>
    private static InstalledPython Trixie() => new("3.13.5", new Dictionary<string, string>
    {
        ["fastapi"] = "0.115.11", ["starlette"] = "0.46.1", ["pydantic"] = "2.10.6", ["pydantic-core"] = "2.27.2",
        ["annotated-types"] = "0.7.0", ["uvicorn"] = "0.32.0", ["anyio"] = "4.8.0", ["sniffio"] = "1.3.1", ["idna"] = "3.10",
        ["h11"] = "0.14.0", ["click"] = "8.1.8", ["typing-extensions"] = "4.13.2", ["httpx"] = "0.28.1", ["pytest"] = "8.3.5",
        ["pytest-cov"] = "5.0.0", ["coverage"] = "7.6.0", ["black"] = "25.1.0", ["mypy"] = "1.15.0", ["bandit"] = "1.7.10",
        ["flake8"] = "7.1.1", ["prometheus-client"] = "0.21.1",
    });

    private string Write(string name, string text)
    {
        var path = Path.Combine(_scratch.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
