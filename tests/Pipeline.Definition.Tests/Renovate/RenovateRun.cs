using System.Diagnostics;
using System.Text.Json;
using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Tests.Shared;

namespace Pipeline.Definition.Tests.Renovate;

/// <summary>One dependency as Renovate's extraction reports it (tools/renovate/extract.mjs).</summary>
internal sealed record ExtractedDependency(
    string Manager, string PackageFile, int DepIndex, string? DepName, string? PackageName, string? Datasource, string? Versioning,
    string? ExtractVersion, string? CurrentValue, string? CurrentDigest, string? DepType, string? SkipReason)
{
    /// <summary>What must be equal for a regex manager over the definition to propose the same update as the generated file's manager.</summary>
    public (string? PackageName, string? Datasource, string? Versioning, string? ExtractVersion, string? CurrentValue, string? CurrentDigest) UpdateKey =>
        (PackageName, Datasource, Versioning, ExtractVersion, CurrentValue, CurrentDigest);

    public override string ToString() =>
        $"{PackageName} {CurrentValue}{(CurrentDigest is null ? "" : $"@{CurrentDigest[..8]}")} ({Datasource}, {Versioning ?? "default versioning"}) " +
        $"by {Manager} in {PackageFile}";
}

/// <summary>
/// Runs the npm <c>renovate</c> package's own code offline, with Node 24 from <c>.tools/node</c> (Renovate 44 needs
/// Node ^24.11): <c>tools/renovate/extract.mjs</c> (each manager's extraction) and <c>bump.mjs</c> (its updater).
/// </summary>
internal static class RenovateRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Node => RepoRoot.File(".tools/node/bin/node");

    public static IReadOnlyList<ExtractedDependency> Extract(string root) =>
        JsonSerializer.Deserialize<List<ExtractedDependency>>(Run(Node, [RepoRoot.File("tools/renovate/extract.mjs"), root], root), Json)!;

    public static string Bump(string root, IEnumerable<string> files) => Run(Node, [RepoRoot.File("tools/renovate/bump.mjs"), root, .. files], root);

    /// <summary>Runs a command in <paramref name="directory"/>; a non-zero exit fails the test with its output.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string directory, TimeSpan? timeout = null)
    {
        var result = TryRun(program, arguments, directory, timeout);
        result.ExitCode.Should().Be(0, "{0} {1} failed:\n{2}", program, string.Join(' ', arguments), result.Output);
        return result.StandardOutput;
    }

    public static (int ExitCode, string StandardOutput, string Output) TryRun(string program, IEnumerable<string> arguments, string directory, TimeSpan? timeout = null)
    {
        File.Exists(program).Should().BeTrue("{0} is missing: run scripts/setup-machine.sh (Node 24 and tools/renovate's npm packages)", program);
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        HermeticEnvironment.Apply(info.Environment);
        info.Environment["LOG_LEVEL"] = "fatal";
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
        }
        process.WaitForExit();
        return (process.HasExited ? process.ExitCode : -1, output.Result, output.Result + errors.Result);
    }
}
