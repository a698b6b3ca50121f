using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.Definition.Generation;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Generation;

/// <summary>
/// A NuGet cache key hashes every file its restore reads: each tracked project, props or targets file of the restored
/// folders (and global.json) is matched by one of the key's hashFiles patterns, so changing any of them misses the cache.
/// </summary>
[Trait("Tier", "process")]
public sealed partial class NuGetCacheKeyTests
{
    [Theory]
    [InlineData(NuGetRestore.Host, new[] { "build/", "src/", "Directory." })]
    [InlineData(NuGetRestore.Solution, new[] { "" })]
    public void NuGetKey_EveryRestoreInputOfTheScope_IsHashed(NuGetRestore restore, string[] scope)
    {
        var patterns = HashFilesPatterns(NuGetKeyOf(restore));
        var inputs = TrackedFiles().Where(file => scope.Any(prefix => file.StartsWith(prefix, StringComparison.Ordinal)) && IsRestoreInput(file));

        inputs.Should().NotBeEmpty().And.OnlyContain(file => patterns.Any(pattern => pattern.IsMatch(file)), "patterns: {0}", string.Join(", ", patterns));
    }

    private static string NuGetKeyOf(NuGetRestore restore)
    {
        var stage = new Stage("Probe", "probe", PipelineStep.UnitTests) { Restores = restore };
        var steps = DotnetCacheSteps.Restore(stage).OfType<ActionStep>();
        return steps.Single(step => step.With.TryGetValue("key", out var key) && key.StartsWith("nuget-", StringComparison.Ordinal)).With["key"];
    }

    private static bool IsRestoreInput(string file) =>
        file.EndsWith(".csproj", StringComparison.Ordinal) || file.EndsWith(".props", StringComparison.Ordinal)
        || file.EndsWith(".targets", StringComparison.Ordinal) || file == "global.json";

    // hashFiles('a', 'b/**/*.c'): '**' any folders, '*' within one name.
    private static List<Regex> HashFilesPatterns(string key) => [.. Quoted().Matches(Call().Match(key).Groups[1].Value)
        .Select(match => new Regex("^" + Regex.Escape(match.Groups[1].Value).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$"))];

    private static IEnumerable<string> TrackedFiles()
    {
        var info = new ProcessStartInfo("git", "ls-files") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true };
        using var git = Process.Start(info)!;
        var files = git.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        return files;
    }

    [GeneratedRegex(@"hashFiles\(([^)]*)\)")]
    private static partial Regex Call();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
