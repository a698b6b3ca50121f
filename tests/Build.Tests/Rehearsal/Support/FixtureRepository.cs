using Build.Rehearsal;
using Build.Tests.Tasks.Containers.Support;

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
            # build.sh --version: the rehearsal validates the host once and copies it into every checkout.
            [ -n "$target" ] || { mkdir -p .build/host; exit 0; }
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
    public int RunHere(string target) =>
        Command.RunAsync("bash", [Path.Combine(Root, "build.sh"), $"--target={target}", "--exclusive"]).GetAwaiter().GetResult().ExitCode;

    public string Git(params string[] arguments)
    {
        var result = Command.RunAsync("git", ["-C", Root, .. arguments], environment: Committer).GetAwaiter().GetResult();
        return result.ExitCode == 0 ? result.Output.Trim() : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {result.Error}");
    }

    public void Dispose() => Processes.Delete(Root);

    // git commits without a configured identity.
    private static Dictionary<string, string?> Committer => new()
    {
        ["GIT_AUTHOR_NAME"] = "t",
        ["GIT_AUTHOR_EMAIL"] = "t@t",
        ["GIT_COMMITTER_NAME"] = "t",
        ["GIT_COMMITTER_EMAIL"] = "t@t",
    };
}
