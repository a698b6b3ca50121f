using System.Diagnostics;

namespace Build.Tests.Rehearsal.Support;

/// <summary>
/// A small git repository with its own <c>build.sh</c>, whose targets are bash snippets: enough to drive the isolated
/// job runner for real (worktrees, processes, artifacts) in seconds instead of the sample app's minutes.
/// </summary>
public sealed class FixtureRepository : IDisposable
{
    private FixtureRepository(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>A committed repository whose build.sh runs <paramref name="targets"/>[name] for <c>--target=name</c>.</summary>
    public static FixtureRepository Create(IReadOnlyDictionary<string, string> targets)
    {
        var root = Path.Combine(Path.GetTempPath(), "rehearsal-fixture-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var cases = string.Join('\n', targets.Select(t => $"  {t.Key})\n{t.Value}\n    ;;"));
        File.WriteAllText(Path.Combine(root, "build.sh"), $$"""
            #!/usr/bin/env bash
            set -euo pipefail
            cd "$(dirname "${BASH_SOURCE[0]}")"
            target=""
            for argument in "$@"; do
              case "$argument" in --target=*) target="${argument#--target=}" ;; esac
            done
            case "$target" in
            {{cases}}
              *) echo "unknown target $target" >&2; exit 2 ;;
            esac
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, ".gitignore"), "out/\n.cache/\n");
        var repository = new FixtureRepository(root);
        repository.Git("init", "--quiet", "--initial-branch=develop");
        repository.Git("add", "--all");
        repository.Git("commit", "--quiet", "-m", "fixture");
        return repository;
    }

    /// <summary>Runs one target in this very tree: what a plain local run does.</summary>
    public int RunHere(string target)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root, "build.sh"), $"--target={target}", "--exclusive"])
        {
            WorkingDirectory = Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    public string Git(params string[] arguments)
    {
        var info = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in new[] { ("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@t"), ("GIT_COMMITTER_NAME", "t"), ("GIT_COMMITTER_EMAIL", "t@t") })
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
        }

        return output.Trim();
    }

    public void Dispose()
    {
        using var rm = Process.Start(new ProcessStartInfo("rm", ["-rf", Root]) { UseShellExecute = false });
        rm?.WaitForExit();
    }
}
