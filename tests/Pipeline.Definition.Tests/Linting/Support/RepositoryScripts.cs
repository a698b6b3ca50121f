using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Definition.Tests.Linting.Support;

/// <summary>Every shell script in the repository: *.sh, the entry points, and any file with a bash/sh shebang.</summary>
internal static partial class RepositoryScripts
{
    /// <summary>Entry points without a .sh suffix that must be listed even if their shebang changes.</summary>
    public static readonly string[] EntryPoints = ["build.sh", ".ci/run"];

    /// <summary>Paths relative to the repository root, sorted. Untracked files count too: they are about to be committed.</summary>
    public static IReadOnlyList<string> Find()
    {
        var listing = ExternalTool.Run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            "Install git ('apt-get install -y git')");
        if (listing.ExitCode != 0)
        {
            throw new InvalidOperationException($"git ls-files failed in {RepoRoot.Path}: {listing.Everything}");
        }

        return [.. listing.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !path.Split('/').Contains("node_modules") && File.Exists(RepoRoot.File(path)))
            .Where(path => path.EndsWith(".sh", StringComparison.Ordinal) || EntryPoints.Contains(path) || HasShellShebang(path))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static bool HasShellShebang(string path)
    {
        using var file = File.OpenRead(RepoRoot.File(path));
        var head = new byte[128];
        var read = file.Read(head, 0, head.Length);
        return ShellShebang().IsMatch(Encoding.UTF8.GetString(head, 0, read));
    }

    [GeneratedRegex(@"\A#!\s*(?:/usr/bin/env\s+)?(?:/usr)?(?:/bin/)?(?:ba)?sh\b")]
    private static partial Regex ShellShebang();
}
