using System.Text.Json;
using Build.Deploy;
using Build.Tests.Support;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// Recording stand-ins for helm and kubectl (no Kubernetes API server exists here), first on PATH. They answer in
/// the real tools' formats, from the captured shapes in <c>Fixtures/</c>: helm keeps a small release store
/// (<c>status</c>/<c>history</c> as <c>-o json</c>, <c>get values -o json</c> from the <c>--set-string</c> values each
/// revision was given, <c>upgrade --install</c>/<c>rollback</c> add a deployed revision,
/// a failed <c>--rollback-on-failure</c> upgrade leaves the release rolled back the way helm does, <c>uninstall</c> removes it);
/// kubectl answers <c>version -o json</c> (the skew check), the preflight (namespace, secrets, <c>auth can-i</c>), rollout status and the diagnostics.
/// Both hold the deploy identity to the RBAC manifest (<see cref="Rbac"/>): a call needing a verb it does not grant
/// fails with the API server's Forbidden text, and helm's <c>--wait</c> lists and watches every kind of the release
/// as helm 4's kstatus watcher does, so a manifest without <c>watch</c> on services fails <c>helm upgrade --wait</c> here too.
/// Every call is logged in order; a call whose command line contains a <see cref="FailWhen"/> text fails with the
/// message the real tool prints for that command. Each call also notes its KUBECONFIG (path, mode, SHA-256 of the
/// content) so tests can check the kubeconfig file without printing it.
/// </summary>
public sealed class ClusterStandIn : IDisposable
{
    public static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "Build.Tests", "Tasks", "Deploy", "Fixtures");

    public ClusterStandIn()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cluster-stand-in-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "releases"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "objects"));
        foreach (var file in new[] { "calls.log", "fail-when", "missing", "deny-reason" })
        {
            File.WriteAllText(Path.Combine(Directory, file), "");
        }
        // The identity the README sets up: the deployer's grants, and the Prometheus port-forward's Role (the grants are
        // kept without their namespace, so a Deny takes one away everywhere).
        Rbac(File.ReadAllText(Path.Combine(RepoPaths.Root, ClusterPermission.RbacManifest)));
        File.AppendAllLines(Path.Combine(Directory, "rbac"), RbacManifestFile.Parse(
            File.ReadAllText(Path.Combine(RepoPaths.Root, ClusterPermission.PrometheusRbacManifest))).Select(p => p.ToString()));
        File.WriteAllText(Path.Combine(Directory, "context"), "kind-sovd\n");
        Write("helm", HelmScript);
        Write("kubectl", KubectlScript);
    }

    public string Directory { get; }

    /// <summary>One line per call ("helm status …", "kubectl rollout …"), plus lines others append (the web app's "smoke").</summary>
    public string LogFile => Path.Combine(Directory, "calls.log");

    public IReadOnlyList<string> Calls => [.. File.ReadAllLines(LogFile).Select(Shown)];

    private readonly List<(string Path, string Name)> _shownAs = [];

    /// <summary>
    /// <see cref="Calls"/> (and <see cref="Shown"/>) show <paramref name="path"/> as <paramref name="name"/>: expected
    /// calls need no temp folder.
    /// </summary>
    public ClusterStandIn ShowPathAs(string path, string name)
    {
        _shownAs.Add((path, name));
        return this;
    }

    /// <summary>A command line as <see cref="Calls"/> show it, e.g. one a dry run printed.</summary>
    public string Shown(string line) => _shownAs.Aggregate(line, (text, alias) => text.Replace(alias.Path, alias.Name));

    /// <summary>The arguments of every helm call, exactly as received.</summary>
    public IReadOnlyList<string[]> HelmArguments =>
        File.Exists(ArgsFile) ? File.ReadAllLines(ArgsFile).Select(line => JsonSerializer.Deserialize<string[]>(line)!).ToList() : [];

    /// <summary>"&lt;KUBECONFIG path&gt; &lt;mode&gt; &lt;sha256&gt;" per call that had KUBECONFIG set.</summary>
    public IReadOnlyList<string> KubeConfigSeen => File.Exists(KubeConfigLog) ? File.ReadAllLines(KubeConfigLog) : [];

    public string PathWithStandIns => $"{Directory}:{Environment.GetEnvironmentVariable("PATH")}";

    /// <summary>The commit an installed release runs before the deploy (its image tags as <c>helm get values</c> shows them).</summary>
    public const string PreviousSha = "fedcba9876543210fedcba9876543210fedcba98";

    /// <summary>
    /// Sets a release's state: status deployed / pending-upgrade / failed …, at that revision, installed with the
    /// images of <paramref name="runs"/> (<see cref="PreviousSha"/>, a commit git does not know, unless a test gives one).
    /// </summary>
    public ClusterStandIn Release(string name, string status, int revision, string runs = PreviousSha)
    {
        File.WriteAllText(Path.Combine(Directory, "releases", name), $"{status} {revision}\n");
        File.WriteAllLines(Path.Combine(Directory, "releases", $"{name}.values.{revision}"),
        [
            "backend.image.repository=sovd-backend", $"backend.image.tag={runs}",
            "frontend.image.repository=sovd-frontend", $"frontend.image.tag={runs}",
            $"global.imageOwner={DeployScenario.Owner}", "global.imageRegistry=ghcr.io",
        ]);
        return this;
    }

    /// <summary>The image values (<c>key=value</c>) the release's current revision was given, as the stand-in holds them.</summary>
    public IReadOnlyList<string> ReleaseValues(string name)
    {
        var state = ReleaseState(name)?.Split(' ');
        var file = Path.Combine(Directory, "releases", $"{name}.values.{state?[^1]}");
        return state is not null && File.Exists(file) ? File.ReadAllLines(file) : [];
    }

    /// <summary>The real helm templates every upgrade (and a rollback copies the manifest): see <see cref="Manifest"/>.</summary>
    public ClusterStandIn RenderManifests()
    {
        File.WriteAllText(Path.Combine(Directory, "render"), RealHelm);
        return this;
    }

    /// <summary>Renders a release's revision with the real helm, as if it had been installed with <paramref name="arguments"/>.</summary>
    public void SeedManifest(string name, int revision, params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(RealHelm, ["template", name, .. arguments]) { RedirectStandardOutput = true };
        using var helm = System.Diagnostics.Process.Start(info)!;
        File.WriteAllText(Path.Combine(Directory, "releases", $"{name}.manifest.{revision}"), helm.StandardOutput.ReadToEnd());
        helm.WaitForExit();
    }

    /// <summary>The manifest of the release's current revision, as the stand-in recorded it; null when there is none.</summary>
    public string? Manifest(string name)
    {
        var file = Path.Combine(Directory, "releases", $"{name}.manifest.{ReleaseState(name)?.Split(' ')[^1]}");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>How the route's status reads (<c>ready</c>, <c>unresolved</c>, <c>stale</c>): see the kubectl stand-in.</summary>
    public ClusterStandIn RouteStatus(string state)
    {
        File.WriteAllText(Path.Combine(Directory, "route-status"), state + "\n");
        return this;
    }

    /// <summary>The <paramref name="occurrence"/>-th call containing <paramref name="text"/> sends <paramref name="signal"/> (TERM, KILL) to the host.</summary>
    public ClusterStandIn InterruptAt(string text, int occurrence, string signal)
    {
        File.WriteAllText(Path.Combine(Directory, "interrupt-at"), $"{occurrence}\t{signal}\t{text}\n");
        return this;
    }

    public void StopInterrupting() => File.Delete(Path.Combine(Directory, "interrupt-at"));

    /// <summary>A ConfigMap the deploy applied, as kubectl holds it; null when absent.</summary>
    public string? ConfigMap(string name)
    {
        var file = Path.Combine(Directory, "objects", $"configmap.{name}.json");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    public static string RealHelm => Path.Combine(RepoPaths.Root, ".tools", "bin", "helm");

    /// <summary>What <c>kubectl version</c> reports for the cluster, e.g. ("32+", "v1.32.9-eks-113cf36"); "none": the cluster does not answer.</summary>
    public ClusterStandIn ServerVersion(string minor, string gitVersion = "")
    {
        File.WriteAllText(Path.Combine(Directory, "server-version"), $"{minor} {gitVersion}\n");
        return this;
    }

    /// <summary>
    /// A person ran <c>kubectl scale</c> on the release's backend: the field manager kubectl-scale now owns
    /// <c>.spec.replicas</c>, so helm 4's server-side apply of that field conflicts until it forces.
    /// </summary>
    public ClusterStandIn ScaledByHand(string release)
    {
        File.WriteAllText(Path.Combine(Directory, "releases", $"{release}.conflict"), "kubectl-scale .spec.replicas\n");
        return this;
    }

    /// <summary>Whether another field manager still holds a field of the release's objects.</summary>
    public bool HasFieldConflict(string release) => File.Exists(Path.Combine(Directory, "releases", $"{release}.conflict"));

    /// <summary>The release's state as the stand-in holds it ("deployed 8"), or null when not installed.</summary>
    public string? ReleaseState(string name)
    {
        var file = Path.Combine(Directory, "releases", name);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    /// <summary>Makes every helm/kubectl call whose "tool args…" line contains <paramref name="text"/> fail like the real tool.</summary>
    public ClusterStandIn FailWhen(string text)
    {
        File.AppendAllText(Path.Combine(Directory, "fail-when"), text + "\n");
        return this;
    }

    /// <summary>kubectl finds no such object (<c>namespace production</c>, <c>secret ghcr-pull</c>) until something creates it.</summary>
    public ClusterStandIn Missing(string kind, string name)
    {
        File.AppendAllText(Path.Combine(Directory, "missing"), $"{kind} {name}\n");
        return this;
    }

    /// <summary>The identity the API server names in a Forbidden answer.</summary>
    public const string User = "sovd-ci";

    /// <summary>
    /// The grants of the deploy identity: every verb/resource of <paramref name="manifest"/>'s Role and ClusterRole
    /// (the committed docs/rbac/ci-deployer.yaml unless a test gives another). kubectl and helm answer anything else
    /// with the API server's Forbidden, and <c>auth can-i</c> answers from the same grants.
    /// </summary>
    public ClusterStandIn Rbac(string manifest)
    {
        File.WriteAllLines(Path.Combine(Directory, "rbac"), RbacManifestFile.Parse(manifest).Select(p => p.ToString()));
        return this;
    }

    /// <summary>Takes one grant away: can-i answers no, and the tools' calls that need it are Forbidden.</summary>
    public ClusterStandIn Deny(string verb, string resource)
    {
        var file = Path.Combine(Directory, "rbac");
        File.WriteAllLines(file, File.ReadAllLines(file).Where(line => line != $"{verb} {resource}"));
        return this;
    }

    /// <summary>Adds a grant (e.g. <c>create namespaces</c>, which the manifest leaves to --create-namespace users).</summary>
    public ClusterStandIn Grant(string verb, string resource)
    {
        File.AppendAllText(Path.Combine(Directory, "rbac"), $"{verb} {resource}\n");
        return this;
    }

    /// <summary>A denied <c>auth can-i</c> prints <c>no - &lt;reason&gt;</c>, as kubectl does when the authorizer gives one.</summary>
    public ClusterStandIn DenyReason(string reason)
    {
        File.WriteAllText(Path.Combine(Directory, "deny-reason"), reason);
        return this;
    }

    /// <summary>The listeners (a JSON array, as in a Gateway's spec) of the Gateway <paramref name="ns"/>/<paramref name="name"/>.</summary>
    public ClusterStandIn Gateway(string ns, string name, string listeners)
    {
        File.WriteAllText(Path.Combine(Directory, $"listeners.{ns}.{name}"), listeners);
        return this;
    }

    /// <summary>Labels of a namespace (a JSON object) besides kubernetes.io/metadata.name, which every namespace has.</summary>
    public ClusterStandIn NamespaceLabels(string ns, string labels)
    {
        File.WriteAllText(Path.Combine(Directory, $"labels.{ns}"), labels);
        return this;
    }

    /// <summary><c>kubectl port-forward</c> forwards to <paramref name="target"/> (a real server), as <see cref="PortForwardStandIn"/> does.</summary>
    public ClusterStandIn ForwardTo(Uri target)
    {
        File.WriteAllText(Path.Combine(Directory, "port-forward-target"), $"{target.Host}:{target.Port}");
        File.WriteAllText(Path.Combine(Directory, "port-forward.py"), PortForwardStandIn.Script);
        return this;
    }

    /// <summary>Every call that needs the API server fails as with a refused connection.</summary>
    public ClusterStandIn Unreachable()
    {
        File.WriteAllText(Path.Combine(Directory, "unreachable"), "");
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

    // The prelude logs the call, then fails it when a fail-when text matches, with the real tool's message for the
    // command (errors.txt); the body defines fail_key to pick that message.
    private string Prelude(string tool) => $$"""
        #!/usr/bin/env bash
        set -u
        dir='{{Directory}}'
        fixtures='{{Fixtures}}'
        # helm's version probe is read-only: answered (as the pinned helm 4) but not logged.
        if [[ "{{tool}} ${1:-}" == "helm version" ]]; then echo "v4.1.4"; exit 0; fi
        echo "{{tool}} $*" >> "$dir/calls.log"
        if [[ -n "${KUBECONFIG:-}" ]]; then
          echo "$KUBECONFIG $(stat -c %a "$KUBECONFIG" 2>/dev/null || echo missing) $(sha256sum < "$KUBECONFIG" 2>/dev/null | cut -d' ' -f1)" >> "$dir/kubeconfig.log"
        fi
        # message KEY [RELEASE] [NAME]: the captured error text for KEY.
        message() { grep "^$1"$'\t' "$fixtures/errors.txt" | cut -f2- | sed "s/__RELEASE__/${2:-}/; s/__NAME__/${3:-}/"; }
        # The namespace of the call (-n), empty for cluster-scoped calls.
        namespace=''
        call_args=("$@")
        for ((i = 0; i < ${#call_args[@]}; i++)); do [[ "${call_args[i]}" == -n ]] && namespace=${call_args[i+1]}; done
        allowed() { grep -qxF "$1 $2" "$dir/rbac"; }
        # forbidden VERB RESOURCE [NAME]: the API server's Forbidden text (its RBAC authorizer's wording).
        forbidden() {
          local resource=${2%%.*} group='' subject where
          [[ "$2" == *.* ]] && group=${2#*.}
          subject=${resource%%/*}; [[ -n "${3:-}" ]] && subject="$subject \"$3\""
          where="in the namespace \"$namespace\""; [[ -z "$namespace" ]] && where='at the cluster scope'
          echo "$subject is forbidden: User \"{{User}}\" cannot $1 resource \"$resource\" in API group \"$group\" $where"
        }
        failing=0
        while IFS= read -r text; do
          if [[ -n "$text" && "{{tool}} $*" == *"$text"* ]]; then failing=1; fi
        done < "$dir/fail-when"
        # interrupt-at "N<tab>SIGNAL<tab>TEXT": the N-th call containing TEXT signals the host (its parent) as GitHub's
        # cancellation does; KILL is the end of the grace period (nothing of the host runs after it).
        interrupting=0
        if [[ -f "$dir/interrupt-at" ]]; then
          IFS=$'\t' read -r at signal text < "$dir/interrupt-at"
          (( $(grep -cF -- "$text" "$dir/calls.log") == at )) && [[ "{{tool}} $*" == *"$text"* ]] && interrupting=1
        fi
        interrupt() { kill "-$signal" "$PPID"; [[ "$signal" == KILL ]] || sleep 10; exit 1; }

        """;

    // `kubectl version -o json` in kubectl 1.35's own shape: clientVersion, kustomizeVersion, and serverVersion when
    // the cluster answers (an EKS server prints its minor with a '+': "35+"); then the preflight, rollout and
    // diagnostics calls, answered from the captured fixtures.
    private const string KubectlScript = """
        refused() { message kubectl-refused >&2; exit 1; }
        namespace=default
        args=("$@")
        for ((i = 0; i < ${#args[@]}; i++)); do [[ "${args[i]}" == -n ]] && namespace=${args[i+1]}; done
        # The route's status as a Gateway controller (Envoy Gateway) or ingress-nginx reports it; route-status says
        # which: ready (default), unresolved (ResolvedRefs=False, BackendNotFound), stale (conditions of an older generation).
        route_object() {
          local state accepted=True resolved=True reason=ResolvedRefs observed=3 lb='{"ingress": [{"ip": "203.0.113.10"}]}'
          local message='Resolved all the Object references for the Route' file=kubectl-get-httproute.json
          state=$(cat "$dir/route-status" 2>/dev/null || echo ready)
          # unresolved-canary: only while the route release's last upgrade sent traffic to the canary.
          if [[ "$state" == unresolved-canary ]]; then
            grep '^helm upgrade.* sovd-webapp-route ' "$dir/calls.log" | tail -1 | grep -q 'canary.live=true' && state=unresolved || state=ready
          fi
          case "$state" in
            unresolved) resolved=False; reason=BackendNotFound; message='Service default/sovd-webapp-canary-backend not found' ;;
            stale) observed=2 ;;
          esac
          [[ "$state" == ready ]] || lb='{}'
          [[ "$1" == ingress ]] && file=kubectl-get-ingress.json
          sed "s|__NAME__|$2|; s|__NAMESPACE__|$namespace|g; s|__RELEASE__|sovd-webapp-route|; s|__GENERATION__|3|; s|__OBSERVED__|$observed|g; s|__ACCEPTED__|$accepted|; s|__RESOLVED__|$resolved|; s|__RESOLVED_REASON__|$reason|; s|__RESOLVED_MESSAGE__|$message|; s|__LOAD_BALANCER__|$lb|" "$fixtures/$file" |
            if [[ "$1" == ingress ]]; then cat; else gateway_parent; fi
        }
        # The route's parentRef, in spec and as the controller echoes it in status.parents[], is the Gateway the route
        # release was rendered for (the chart's traffic.gateway.name, and .namespace when set).
        gateway_parent() {
          local upgrade name=sovd-gateway gateway_namespace=''
          upgrade=$(grep '^helm upgrade.* sovd-webapp-route ' "$dir/calls.log" | tail -1)
          [[ "$upgrade" =~ traffic\.gateway\.name=([^ ]+) ]] && name=${BASH_REMATCH[1]}
          [[ "$upgrade" =~ traffic\.gateway\.namespace=([^ ]+) ]] && gateway_namespace=${BASH_REMATCH[1]}
          jq -S --indent 4 --arg name "$name" --arg ns "$gateway_namespace" \
            '(.spec.parentRefs[], .status.parents[].parentRef) |= (.name = $name | if $ns == "" then . else .namespace = $ns end)'
        }
        case "${1:-} ${2:-}" in
          "config current-context") cat "$dir/context"; exit 0 ;;
          "config view") printf '%s' "https://127.0.0.1:6443"; exit 0 ;;
        esac
        if [[ "${1:-}" == version ]]; then
          read -r server_minor server_git < "$dir/server-version" 2>/dev/null || { server_minor='35+'; server_git='v1.35.3-eks-4f2c1d8'; }
          [[ -f "$dir/unreachable" ]] && server_minor=none
          printf '{\n  "clientVersion": {\n    "major": "1",\n    "minor": "35",\n    "gitVersion": "v1.35.2",\n    "gitCommit": "fdc9d74cbf2da6754ebf81d56f80ae2948cd6425",\n    "gitTreeState": "clean",\n    "buildDate": "2026-02-26T20:05:34Z",\n    "goVersion": "go1.25.7",\n    "compiler": "gc",\n    "platform": "linux/amd64"\n  },\n  "kustomizeVersion": "v5.7.1"'
          if [[ "$server_minor" == none ]]; then
            printf '\n}\n'
            message kubectl-refused >&2
            exit 1
          fi
          printf ',\n  "serverVersion": {\n    "major": "1",\n    "minor": "%s",\n    "gitVersion": "%s",\n    "gitTreeState": "clean",\n    "goVersion": "go1.25.7",\n    "compiler": "gc",\n    "platform": "linux/amd64"\n  }\n}\n' "$server_minor" "$server_git"
          exit 0
        fi
        [[ -f "$dir/unreachable" ]] && refused
        ((interrupting)) && interrupt
        if ((failing)); then
          if [[ "$1" == rollout ]]; then message kubectl-rollout "" "${3#deployment/}" >&2; else message kubectl-other >&2; fi
          exit 1
        fi
        need() { allowed "$1" "$2" || { echo "Error from server (Forbidden): $(forbidden "$@")" >&2; exit 1; }; }
        case "$1" in
          auth)
            # A SelfSubjectAccessReview anyone may create, answered from the same grants; exit 1 on a no (cani.go).
            if allowed "$3" "$4"; then echo yes; exit 0; fi
            reason=$(cat "$dir/deny-reason")
            if [[ -n "$reason" ]]; then echo "no - $reason"; else echo no; fi
            exit 1 ;;
          get)
            case "$2" in
              namespace | secret)
                need get "${2}s" "$3"
                grep -qxF "$2 $3" "$dir/missing" && exit 0
                if [[ " $* " != *" -o json "* ]]; then echo "$2/$3"; exit 0; fi
                labels=$(cat "$dir/labels.$3" 2>/dev/null || echo '{}')
                jq -n --arg n "$3" --argjson l "$labels" '{apiVersion: "v1", kind: "Namespace", metadata: {name: $n, labels: ({"kubernetes.io/metadata.name": $n} + $l)}}' ;;
              customresourcedefinition)
                need get customresourcedefinitions.apiextensions.k8s.io "$3"
                grep -qxF "$2 $3" "$dir/missing" || echo "customresourcedefinition.apiextensions.k8s.io/$3" ;;
              gateway)
                # A Gateway of the stand-in's class; one HTTPS listener admitting its own namespace unless a test set others.
                need get gateways.gateway.networking.k8s.io "$3"
                grep -qxF "$2 $3" "$dir/missing" && exit 0
                listeners=$(cat "$dir/listeners.$namespace.$3" 2>/dev/null || echo '[{"name": "https", "port": 443, "protocol": "HTTPS"}]')
                jq -n --arg n "$3" --arg ns "$namespace" --argjson l "$listeners" \
                  '{apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: {name: $n, namespace: $ns}, spec: {gatewayClassName: "stand-in", listeners: $l}}' ;;
              pods) need list pods; if [[ " $* " == *" -o wide "* ]]; then cat "$fixtures/kubectl-get-pods-wide.txt"; else cat "$fixtures/kubectl-get-pods.json"; fi ;;
              events) need list events; cat "$fixtures/kubectl-get-events.txt" ;;
              configmap) need get configmaps "$3"; cat "$dir/objects/configmap.$3.json" 2>/dev/null || true ;;
              httproute) need get httproutes.gateway.networking.k8s.io "$3"; route_object "$2" "$3" ;;
              ingress) need get ingresses.networking.k8s.io "$3"; route_object "$2" "$3" ;;
              httproutes) need list httproutes.gateway.networking.k8s.io; cat "$fixtures/kubectl-get-httproutes.yaml" ;;
              gateways) need get gateways.gateway.networking.k8s.io "$3"; cat "$fixtures/kubectl-get-gateway.yaml" ;;
              ingresses) need list ingresses.networking.k8s.io; cat "$fixtures/kubectl-get-ingresses.yaml" ;;
            esac ;;
          apply)
            # Client-side apply reads the object, then creates it or patches it.
            name=$(jq -r .metadata.name "$3")
            need get configmaps "$name"
            if [[ -f "$dir/objects/configmap.$name.json" ]]; then need patch configmaps "$name"; verb=configured; else need create configmaps; verb=created; fi
            cp "$3" "$dir/objects/configmap.$name.json"
            echo "configmap/$name $verb" ;;
          delete)
            need delete "${2}s" "$3"
            if [[ -f "$dir/objects/$2.$3.json" ]]; then rm "$dir/objects/$2.$3.json"; echo "$2 \"$3\" deleted"; fi ;;
          annotate)
            # kubectl annotate reads the object and patches its metadata (<kind>.<group>/<name>).
            kind=${2%%/*}; group=${kind#*.}; kind=${kind%%.*}; [[ "$kind" == *s ]] && kind+=es || kind+=s
            need get "$kind.$group" "${2#*/}"; need patch "$kind.$group" "${2#*/}"
            echo "$2 annotated" ;;
          rollout)
            # rollout status lists and watches the Deployment (a field-selected watch).
            need list deployments.apps; need watch deployments.apps
            echo "deployment \"${3#deployment/}\" successfully rolled out" ;;
          describe) need list pods; need list events; cat "$fixtures/kubectl-describe-pods.txt" ;;
          logs) need get pods/log; cat "$fixtures/kubectl-logs.txt" ;;
          port-forward)
            # Like kubectl: the Service, its pods, then the stream, each refused as the API server refuses what RBAC does
            # not grant (kubernetes apiserver responsewriters/errors.go, read 2026-12-07); then a free local port, one
            # "Forwarding from" line, and it serves until stopped (PortForwardStandIn).
            for need in "get services ${2#service/}" "list pods" "get pods prometheus-0" "create pods/portforward prometheus-0"; do
              read -r verb resource name <<< "$need"
              if ! allowed "$verb" "$resource"; then
                echo "Error from server (Forbidden): ${resource%%/*} ${name:+\"$name\" }is forbidden: User \"ci\" cannot $verb resource \"$resource\" in API group \"\" in the namespace \"$namespace\"" >&2
                exit 1
              fi
            done
            target=$(cat "$dir/port-forward-target" 2>/dev/null)
            [[ -n "$target" ]] || { echo "Error from server (NotFound): services \"${2#service/}\" not found" >&2; exit 1; }
            exec /usr/bin/python3 "$dir/port-forward.py" "$target" "${3#:}" ;;
          create)
            if [[ "$2" == namespace ]]; then name=$3; kind=namespace; else name=$4; kind=secret; fi
            need create "${kind}s"
            grep -vxF "$kind $name" "$dir/missing" > "$dir/missing.new"; mv "$dir/missing.new" "$dir/missing"
            echo "$kind/$name created" ;;
        esac
        exit 0
        """;

    // Release store: releases/<name> holds "<status> <revision>", releases/<name>.values.<revision> the --set-string
    // values (key=value lines) of that revision; a rollback copies the target revision's values.
    private const string HelmScript = """
        jq -cn '$ARGS.positional' --args -- "$@" >> "$dir/helm-args.jsonl"
        command=$1
        shift
        [[ "$command" == upgrade && "${1:-}" == --install ]] && shift
        [[ "$command" == get ]] && shift
        release=${1:-}
        state="$dir/releases/$release"
        namespace=ns
        args=("$@")
        for ((i = 0; i < ${#args[@]}; i++)); do [[ "${args[i]}" == -n ]] && namespace=${args[i+1]}; done
        if [[ -f "$dir/unreachable" ]]; then message helm-unreachable >&2; exit 1; fi
        not_found() { message helm-not-found >&2; exit 1; }
        read -r status revision < "$state" 2>/dev/null || { status=''; revision=0; }
        fill() { sed "s/__NAME__/$release/g; s/__STATUS__/$1/; s/__REVISION__/$2/; s/__NAMESPACE__/$namespace/; s/__DESCRIPTION__/$3/" "$fixtures/$4"; }
        values_of() { cat "$state.values.$1" 2>/dev/null || true; }
        new_values() { for ((i = 0; i < ${#args[@]}; i++)); do [[ "${args[i]}" == --set-string ]] && echo "${args[i+1]}"; done; }
        if ((interrupting)); then
          # helm stopped mid-operation leaves its release pending (an install, upgrade or rollback) or uninstalling.
          case "$command" in
            upgrade) new_values > "$state.values.$((revision + 1))"
                     [[ -n "$status" ]] && echo "pending-upgrade $((revision + 1))" > "$state" || echo "pending-install 1" > "$state" ;;
            rollback) values_of "${2:-$((revision - 1))}" > "$state.values.$((revision + 1))"; echo "pending-rollback $((revision + 1))" > "$state" ;;
            uninstall) echo "uninstalling $revision" > "$state" ;;
          esac
          interrupt
        fi
        # render: the real helm templates every upgrade into releases/<name>.manifest.<revision> (what the cluster would get).
        render() {
          local targets=() skip=0 a
          for a in "${args[@]:1}"; do
            if ((skip)); then skip=0; continue; fi
            case "$a" in --install | --wait | --rollback-on-failure | --atomic) continue ;; --timeout | --kube-context) skip=1; continue ;; esac
            targets+=("$a")
          done
          "$(cat "$dir/render")" template "$release" "${targets[@]}" > "$state.manifest.$1" || exit 1
        }
        # RBAC as helm 4 exercises it (v4.1.4, read 2026-12-07): release records are Secrets it lists, creates and
        # updates (deletes on uninstall); pkg/kube/client.go gets each object, then creates or patches it (deletes on
        # uninstall); --wait is pkg/kube/statuswait.go's kstatus watcher, which lists and watches every kind of the
        # release, and a Forbidden there fails the command.
        # The kinds an upgrade renders, as the chart decides them: a canary release its Deployments and Services, a
        # route release (<release>-route) only the traffic object, a stable one both (none with traffic.enabled=false)
        # and production's PodDisruptionBudgets.
        kinds=$(cat "$state.kinds" 2>/dev/null || echo "deployments.apps services")
        if [[ "$command" == upgrade ]]; then
          traffic=httproutes.gateway.networking.k8s.io
          for a in "$@"; do
            if [[ "$a" == traffic.provider=ingress-nginx ]] || { [[ -f "$a" ]] && grep -q 'provider: ingress-nginx' "$a"; }; then traffic=ingresses.networking.k8s.io; fi
          done
          case "$release" in
            *-canary) kinds="deployments.apps services" ;;
            *-route) kinds=$traffic ;;
            *) kinds="deployments.apps services"
               [[ " $* " == *" traffic.enabled=false "* ]] || kinds+=" $traffic"
               [[ " $* " == *"/values-production.yaml "* ]] && kinds+=" poddisruptionbudgets.policy" ;;
          esac
        fi
        denial=''
        check() { [[ -z "$denial" ]] && ! allowed "$1" "$2" && denial=$(forbidden "$@"); return 0; }
        check list secrets
        case "$command" in
          upgrade | rollback)
            for kind in $kinds; do check get "$kind"; if [[ -z "$status" ]]; then check create "$kind"; else check patch "$kind"; fi; done
            check create secrets; check update secrets ;;
          uninstall)
            for kind in $kinds; do check delete "$kind"; done
            check delete secrets ;;
        esac
        if [[ " $* " == *" --wait "* ]]; then
          for kind in $kinds; do check list "$kind"; check watch "$kind"; done
        fi
        # Server-side apply (helm 4's default): a field another manager took since makes the apply fail unless
        # --force-conflicts (pkg/kube/client.go's wording around the API server's own).
        if [[ "$command" == upgrade || "$command" == rollback ]] && [[ -f "$state.conflict" && -z "$denial" ]]; then
          if [[ " $* " == *" --force-conflicts "* ]]; then
            rm -f "$state.conflict"
          else
            read -r manager field < "$state.conflict"
            denial="conflict occurred while applying object $namespace/$release-backend apps/v1, Kind=Deployment: Apply failed with 1 conflict: conflict with \"$manager\" using apps/v1: $field"
          fi
        fi
        if [[ -n "$denial" ]]; then
          case "$command" in
            upgrade)
              [[ -n "$status" ]] && { values_of "$revision" > "$state.values.$((revision + 2))"; echo "deployed $((revision + 2))" > "$state"; }
              echo "Error: UPGRADE FAILED: release $release failed, and has been rolled back due to rollback-on-failure being set: $denial" >&2 ;;
            *) echo "Error: $denial" >&2 ;;
          esac
          exit 1
        fi
        if ((failing)); then
          case "$command" in
            upgrade)
              # --rollback-on-failure (helm 4) / --atomic (helm 3): a failed first install is uninstalled; a failed upgrade is rolled back to a new revision.
              [[ -n "$status" ]] && { values_of "$revision" > "$state.values.$((revision + 2))"; echo "deployed $((revision + 2))" > "$state"; }
              message helm-upgrade "$release" >&2 ;;
            rollback) message helm-rollback >&2 ;;
            uninstall) message helm-uninstall >&2 ;;
            *) message helm-unreachable >&2 ;;
          esac
          exit 1
        fi
        case "$command" in
          status)
            [[ -n "$status" ]] || not_found
            fill "$status" "$revision" "Upgrade complete" helm-status.json ;;
          history)
            [[ -n "$status" ]] || not_found
            entries=()
            for ((r = 1; r <= revision; r++)); do
              s=superseded
              (( r == revision )) && s=$status
              [[ $status == pending-* ]] && (( r == revision - 1 )) && s=deployed
              entries+=("$(fill "$s" "$r" "Upgrade complete" helm-history-entry.json)")
            done
            (IFS=,; echo "[${entries[*]}]") ;;
          get)
            [[ -n "$status" ]] || not_found
            # The user-supplied values as one JSON object (null here when a release was given none).
            values_of "$revision" | jq -Rn '[inputs | capture("^(?<k>[^=]+)=(?<v>.*)$")] | if length == 0 then null else reduce .[] as $e ({}; setpath($e.k | split("."); $e.v)) end' ;;
          upgrade)
            [[ -f "$dir/render" ]] && render "$((revision + 1))"
            new_values > "$state.values.$((revision + 1))"
            echo "$kinds" > "$state.kinds"
            echo "deployed $((revision + 1))" > "$state" ;;
          rollback)
            [[ -z "$status" ]] && not_found
            values_of "${2:-$((revision - 1))}" > "$state.values.$((revision + 1))"
            cp "$state.manifest.${2:-$((revision - 1))}" "$state.manifest.$((revision + 1))" 2>/dev/null
            echo "deployed $((revision + 1))" > "$state" ;;
          uninstall)
            [[ -n "$status" ]] || not_found
            rm -f "$state" "$state".values.* "$state".manifest.* "$state.kinds" "$state.conflict"
            echo "release \"$release\" uninstalled" ;;
        esac
        exit 0
        """;
}
