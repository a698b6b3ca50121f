using System.Text.Json;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// Recording stand-ins for helm and kubectl (no Kubernetes API server exists here), first on PATH.
/// helm keeps a tiny release store: <c>status</c>/<c>history</c> answer from it, <c>upgrade --install</c> and
/// <c>rollback</c> add a deployed revision, <c>uninstall</c> removes the release. Every call is logged in order;
/// a call whose command line contains a <see cref="FailWhen"/> text exits 1. Each call also notes its KUBECONFIG
/// (path, mode, SHA-256 of the content) so tests can check the kubeconfig file without printing it.
/// </summary>
public sealed class ClusterStandIn : IDisposable
{
    public ClusterStandIn()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cluster-stand-in-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "releases"));
        File.WriteAllText(LogFile, "");
        File.WriteAllText(Path.Combine(Directory, "fail-when"), "");
        Write("helm", HelmScript);
        Write("kubectl", KubectlScript);
    }

    public string Directory { get; }

    /// <summary>One line per call ("helm status …", "kubectl rollout …"), plus lines others append (the web app's "smoke").</summary>
    public string LogFile => Path.Combine(Directory, "calls.log");

    public IReadOnlyList<string> Calls => File.ReadAllLines(LogFile);

    /// <summary>The arguments of every helm call, exactly as received.</summary>
    public IReadOnlyList<string[]> HelmArguments =>
        File.Exists(ArgsFile) ? File.ReadAllLines(ArgsFile).Select(line => JsonSerializer.Deserialize<string[]>(line)!).ToList() : [];

    /// <summary>"&lt;KUBECONFIG path&gt; &lt;mode&gt; &lt;sha256&gt;" per call that had KUBECONFIG set.</summary>
    public IReadOnlyList<string> KubeConfigSeen => File.Exists(KubeConfigLog) ? File.ReadAllLines(KubeConfigLog) : [];

    public string PathWithStandIns => $"{Directory}:{Environment.GetEnvironmentVariable("PATH")}";

    /// <summary>Sets a release's state: status deployed / pending-upgrade / failed …, at that revision.</summary>
    public ClusterStandIn Release(string name, string status, int revision)
    {
        File.WriteAllText(Path.Combine(Directory, "releases", name), $"{status} {revision}\n");
        return this;
    }

    /// <summary>Makes every helm/kubectl call whose "tool args…" line contains <paramref name="text"/> exit 1.</summary>
    public ClusterStandIn FailWhen(string text)
    {
        File.AppendAllText(Path.Combine(Directory, "fail-when"), text + "\n");
        return this;
    }

    public void Append(string line)
    {
        lock (this)
        {
            File.AppendAllText(LogFile, line + "\n");
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string ArgsFile => Path.Combine(Directory, "helm-args.jsonl");

    private string KubeConfigLog => Path.Combine(Directory, "kubeconfig.log");

    private void Write(string tool, string body)
    {
        var script = Path.Combine(Directory, tool);
        File.WriteAllText(script, Prelude(tool) + body.Replace("\r", ""));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Prelude(string tool) => $$"""
        #!/usr/bin/env bash
        set -u
        dir='{{Directory}}'
        echo "{{tool}} $*" >> "$dir/calls.log"
        if [[ -n "${KUBECONFIG:-}" ]]; then
          echo "$KUBECONFIG $(stat -c %a "$KUBECONFIG" 2>/dev/null || echo missing) $(sha256sum < "$KUBECONFIG" 2>/dev/null | cut -d' ' -f1)" >> "$dir/kubeconfig.log"
        fi
        while IFS= read -r text; do
          if [[ -n "$text" && "{{tool}} $*" == *"$text"* ]]; then
            echo "Error: stand-in failure (call matched '$text')" >&2
            exit 1
          fi
        done < "$dir/fail-when"

        """;

    private const string KubectlScript = """
        exit 0
        """;

    // Release store: releases/<name> holds "<status> <revision>".
    private const string HelmScript = """
        jq -cn '$ARGS.positional' --args -- "$@" >> "$dir/helm-args.jsonl"
        command=$1
        shift
        [[ "$command" == upgrade && "${1:-}" == --install ]] && shift
        release=${1:-}
        state="$dir/releases/$release"
        not_found() { echo "Error: release: not found" >&2; exit 1; }
        read -r status revision < "$state" 2>/dev/null || { status=''; revision=0; }
        case "$command" in
          status)
            [[ -n "$status" ]] || not_found
            printf '{"name":"%s","info":{"status":"%s"},"version":%d,"namespace":"ns"}\n' "$release" "$status" "$revision" ;;
          history)
            [[ -n "$status" ]] || not_found
            entries=()
            for ((r = 1; r <= revision; r++)); do
              s=superseded
              (( r == revision )) && s=$status
              [[ $status == pending-* ]] && (( r == revision - 1 )) && s=deployed
              entries+=("{\"revision\":$r,\"status\":\"$s\",\"chart\":\"sovd-webapp-0.1.0\",\"app_version\":\"0.1.0\",\"description\":\"stand-in\",\"updated\":\"\"}")
            done
            (IFS=,; echo "[${entries[*]}]") ;;
          upgrade|rollback)
            [[ "$command" == rollback && -z "$status" ]] && not_found
            echo "deployed $((revision + 1))" > "$state" ;;
          uninstall)
            [[ -n "$status" ]] || not_found
            rm -f "$state" ;;
        esac
        exit 0
        """;
}
