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

    /// <summary>What <c>kubectl version</c> reports for the cluster, e.g. ("32+", "v1.32.9-eks-113cf36"); "none": the cluster does not answer.</summary>
    public ClusterStandIn ServerVersion(string minor, string gitVersion = "")
    {
        File.WriteAllText(Path.Combine(Directory, "server-version"), $"{minor} {gitVersion}\n");
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

    /// <summary>Adds another recording tool with the same prelude (call log, KUBECONFIG note, <see cref="FailWhen"/>).</summary>
    public void AddTool(string tool, string body) => Write(tool, body);

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
        # helm's version probe is read-only: answered (as the pinned helm 4) but not logged.
        if [[ "{{tool}} ${1:-}" == "helm version" ]]; then echo "v4.1.4"; exit 0; fi
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

    // `kubectl version -o json` in kubectl 1.35's own shape: clientVersion, kustomizeVersion, and serverVersion when
    // the cluster answers (an EKS server prints its minor with a '+': "35+"). Other commands succeed silently.
    private const string KubectlScript = """
        if [[ "${1:-}" == version ]]; then
          read -r server_minor server_git < "$dir/server-version" 2>/dev/null || { server_minor='35+'; server_git='v1.35.3-eks-4f2c1d8'; }
          printf '{\n  "clientVersion": {\n    "major": "1",\n    "minor": "35",\n    "gitVersion": "v1.35.2",\n    "gitCommit": "fdc9d74cbf2da6754ebf81d56f80ae2948cd6425",\n    "gitTreeState": "clean",\n    "buildDate": "2026-02-26T20:05:34Z",\n    "goVersion": "go1.25.7",\n    "compiler": "gc",\n    "platform": "linux/amd64"\n  },\n  "kustomizeVersion": "v5.7.1"'
          if [[ "$server_minor" == none ]]; then
            printf '\n}\n'
            echo "The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?" >&2
            exit 1
          fi
          printf ',\n  "serverVersion": {\n    "major": "1",\n    "minor": "%s",\n    "gitVersion": "%s",\n    "gitTreeState": "clean",\n    "goVersion": "go1.25.7",\n    "compiler": "gc",\n    "platform": "linux/amd64"\n  }\n}\n' "$server_minor" "$server_git"
        fi
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
