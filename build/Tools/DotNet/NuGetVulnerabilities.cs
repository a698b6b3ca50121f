using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.DotNet;

/// <summary>
/// <c>dotnet list package --vulnerable</c>: NuGet's audit of restored projects, read without failing the build.
/// </summary>
public sealed class DotNetListSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<DotNetListSettings> Spec =
        new("dotnet", "install the .NET SDK of global.json", ["dotnet"]);
}

/// <summary>One advisory NuGet's audit reports for a package a project resolved (directly or transitively).</summary>
public sealed record NuGetAdvisory(string Project, string Package, string Version, string Severity, string Url,
    bool Transitive)
{
    public override string ToString() =>
        $"{Package} {Version} ({Severity}, {(Transitive ? "transitive" : "direct")}) in {Project}: {Url}";
}

[CakeAliasCategory("DotNet")]
public static class NuGetVulnerabilities
{
    private static readonly ToolInvocation Capture = new() { CaptureOutput = true, CaptureError = true };

    /// <summary>
    /// <c>dotnet list &lt;solution&gt; package --vulnerable --include-transitive --format json</c> on a restored
    /// solution: the same advisory data the restore's NU1901–NU1904 warnings come from (NuGet's audit sources).
    /// </summary>
    [CakeMethodAlias]
    public static IReadOnlyList<NuGetAdvisory> NuGetAdvisories(this ICakeContext context, FilePath solution)
    {
        var arguments = Command("list").AppendPath(solution, context.Environment)
            .AppendValues(["package", "--vulnerable", "--include-transitive"]).AppendOption("--format", "json");
        var result = DotNetListSettings.Spec.For(context).Run(new DotNetListSettings(), arguments, Capture);
        return result.StandardOutput.Count == 0 ? [] : Parse(result.Output);
    }

    /// <summary>
    /// Reads the JSON report (format version 1); a project without <c>frameworks</c> has no advisory.
    /// </summary>
    public static IReadOnlyList<NuGetAdvisory> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var advisories = new List<NuGetAdvisory>();
        foreach (var project in Array(document.RootElement, "projects"))
        {
            var path = Path.GetFileName(project.GetProperty("path").GetString() ?? "");
            foreach (var framework in Array(project, "frameworks"))
            {
                advisories.AddRange(Packages(framework, "topLevelPackages", path, transitive: false));
                advisories.AddRange(Packages(framework, "transitivePackages", path, transitive: true));
            }
        }
        return [.. advisories.Distinct()];
    }

    private static IEnumerable<NuGetAdvisory> Packages(JsonElement framework, string property, string project,
        bool transitive) =>
        from package in Array(framework, property)
        from vulnerability in Array(package, "vulnerabilities")
        select new NuGetAdvisory(project, package.GetProperty("id").GetString() ?? "",
            package.GetProperty("resolvedVersion").GetString() ?? "",
            vulnerability.GetProperty("severity").GetString() ?? "",
                vulnerability.GetProperty("advisoryurl").GetString() ?? "", transitive);

    private static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray() : [];
}
