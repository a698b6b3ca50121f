#!/usr/bin/env bash
# The deploy on a real cluster: Deploy-Staging, then Deploy-Production three times — a good canary, a canary failing
# its smoke tests (rolled back: route on stable, canary gone) and one interrupted mid-canary then run again (repaired).
#
#   scripts/kind-rehearsal.sh [--context=NAME] [--create] [--changed-only]
#
# --context    a kind/k3d kube context to use (default kind-sovd-rehearsal); it must answer, else the script skips and
#              says why (exit 0) — no cluster can run on the machines this project's suite usually runs on.
# --create     create that kind cluster first (the CI job: kind and kubectl come from helm/kind-action).
# --changed-only  on a pull request, skip unless it changes the chart or the deploy code (GitHub Actions has no
#              job-level paths filter; the changed files come from the REST API, GITHUB_TOKEN in the environment).
# The images must be in the engine: the script loads ${SOVD_REHEARSAL_IMAGE_PREFIX}sovd-backend/-frontend:$SHA into kind.
# The deploy runs as the RBAC of docs/rbac/ci-deployer.yaml (a service account bound to its Role), never as admin.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
context=kind-sovd-rehearsal
create=0
changed_only=0
for argument in "$@"; do
  case "$argument" in
    --context=*) context=${argument#--context=} ;;
    --create) create=1 ;;
    --changed-only) changed_only=1 ;;
    *) echo "kind-rehearsal: unknown argument $argument (see the header of $0)" >&2; exit 2 ;;
  esac
done
namespace_staging=sovd-staging
namespace_production=sovd-production
sha=${SOVD_REHEARSAL_SHA:-$(git -C "$root" rev-parse HEAD)}
# Envoy Gateway v1.9.0 (tag 39763b1c, 2026-08-15; bundles Gateway API v1.6.1 CRDs), its chart on Docker Hub's OCI registry.
envoy_gateway_version=v1.9.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf 'kind-rehearsal: %s\n' "$*"; }

# Paths whose change can change a deploy: the chart, the deploy code, the RBAC, this script.
deploy_paths='^(samples/sovd-webapp/infrastructure/helm/|build/Deploy/|build/Tasks/Deploy|build/Tasks/RepairProduction|build/Tools/(Helm|Kubectl)/|docs/rbac/|docs/rehearsal/|scripts/(kind-rehearsal|smoke_tests)\.sh)'

changes_deploy() {
  local pr=${PULL_REQUEST_NUMBER:-} page=1 files
  # A pull request's run checks out refs/pull/<number>/merge.
  if [[ -z "$pr" && "${GITHUB_REF:-}" =~ ^refs/pull/([0-9]+)/merge$ ]]; then pr=${BASH_REMATCH[1]}; fi
  if [[ -z "$pr" || -z "${GITHUB_TOKEN:-}" || -z "${GITHUB_REPOSITORY:-}" ]]; then
    say "no pull request to compare (GITHUB_REF refs/pull/N/merge, GITHUB_TOKEN, GITHUB_REPOSITORY): rehearsing"
    return 0
  fi
  : > "$work/files"
  while :; do
    files=$(curl -fsSL -H "Authorization: Bearer $GITHUB_TOKEN" -H "Accept: application/vnd.github+json" \
      "${GITHUB_API_URL:-https://api.github.com}/repos/$GITHUB_REPOSITORY/pulls/$pr/files?per_page=100&page=$page" | jq -r '.[].filename')
    [[ -z "$files" ]] && break
    printf '%s\n' "$files" >> "$work/files"
    page=$((page + 1))
  done
  grep -Eq "$deploy_paths" "$work/files"
}

if ((changed_only)) && ! changes_deploy; then
  say "skipped: this pull request changes neither the chart nor the deploy code"
  exit 0
fi
if ((create)); then
  kind create cluster --name "${context#kind-}" --wait 120s
fi
if ! command -v kubectl > /dev/null; then
  say "skipped: kubectl is not installed"
  exit 0
fi
if ! kubectl --context "$context" --request-timeout=5s get --raw /readyz > /dev/null 2>&1; then
  say "skipped: no cluster answers for context $context (kind create cluster --name ${context#kind-}, or pass --create)"
  exit 0
fi
k() { kubectl --context "$context" "$@"; }

say "Envoy Gateway $envoy_gateway_version with the Gateway API CRDs"
helm --kube-context "$context" upgrade --install eg oci://docker.io/envoyproxy/gateway-helm --version "$envoy_gateway_version" \
  -n envoy-gateway-system --create-namespace --wait --timeout 5m
k wait --timeout=5m -n envoy-gateway-system deployment/envoy-gateway --for=condition=Available
k apply -f - <<'EOF'
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: eg
spec:
  controllerName: gateway.envoyproxy.io/gatewayclass-controller
EOF

# The deploy identity: a service account in the group's place, bound to the documented Role in each namespace.
kubeconfig_for() {
  local ns=$1
  k create namespace "$ns" --dry-run=client -o yaml | k apply -f -
  k apply -n "$ns" -f "$root/docs/rbac/ci-deployer.yaml"
  k create serviceaccount sovd-ci -n "$ns" --dry-run=client -o yaml | k apply -f -
  k create rolebinding sovd-ci-deployer-sa -n "$ns" --role=sovd-ci-deployer --serviceaccount="$ns:sovd-ci" --dry-run=client -o yaml | k apply -f -
  k create clusterrolebinding "sovd-ci-cluster-reader-$ns" --clusterrole=sovd-ci-cluster-reader --serviceaccount="$ns:sovd-ci" \
    --dry-run=client -o yaml | k apply -f -
  k apply -n "$ns" -f - <<EOF
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: sovd-gateway
spec:
  gatewayClassName: eg
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: Same
EOF
  local server token
  server=$(k config view --minify -o jsonpath='{.clusters[0].cluster.server}')
  k config view --minify --raw -o jsonpath='{.clusters[0].cluster.certificate-authority-data}' | base64 -d > "$work/ca-$ns.crt"
  token=$(k create token sovd-ci -n "$ns" --duration=2h)
  KUBECONFIG="$work/kubeconfig-$ns" kubectl config set-cluster rehearsal --server="$server" --certificate-authority="$work/ca-$ns.crt" --embed-certs > /dev/null
  KUBECONFIG="$work/kubeconfig-$ns" kubectl config set-credentials sovd-ci --token="$token" > /dev/null
  KUBECONFIG="$work/kubeconfig-$ns" kubectl config set-context rehearsal --cluster=rehearsal --user=sovd-ci --namespace="$ns" > /dev/null
  KUBECONFIG="$work/kubeconfig-$ns" kubectl config use-context rehearsal > /dev/null
  base64 -w0 < "$work/kubeconfig-$ns"
}

if [[ "$context" == kind-* ]]; then
  for image in sovd-backend sovd-frontend; do
    # Build-Images names them <registry>/<owner>/<name>:<sha>; the host passes that prefix (Rehearse-Cluster).
    docker tag "${SOVD_REHEARSAL_IMAGE_PREFIX:-}$image:$sha" "rehearsal.local/sovd/$image:$sha"
    kind load docker-image --name "${context#kind-}" "rehearsal.local/sovd/$image:$sha"
  done
fi

# The Gateway's Envoy Service, forwarded to a free local port; the smoke tests pin the host to it.
smoke_port() {
  local ns=$1 service='' tries=0
  # Envoy Gateway creates the Service once the Gateway is programmed.
  until [[ -n "$service" ]]; do
    service=$(k get service -n envoy-gateway-system -l "gateway.envoyproxy.io/owning-gateway-namespace=$ns" \
      -o jsonpath='{.items[0].metadata.name}' 2> /dev/null || true)
    ((++tries < 120)) || { say "FAIL: no Envoy Service for the Gateway in $ns after 2 minutes" >&2; exit 1; }
    [[ -n "$service" ]] || sleep 1
  done
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  k port-forward -n envoy-gateway-system "service/$service" "$port:80" > "$work/port-forward-$ns.log" 2>&1 &
  echo "$! $port"
}

deploy() {
  local stage=$1 ns=$2 data=$3 port=$4
  shift 4
  KUBE_CONFIG_DATA=$data "$root/build.sh" --target="$stage" --exclusive --namespace="$ns" --sha="$sha" \
    --registry=rehearsal.local --owner=sovd --image-pull-secret= --values="$root/docs/rehearsal/values-kind.yaml" \
    --set=traffic.provider=gateway --smoke-url="http://127.0.0.1:$port" --smoke-host-header=sovd.local \
    --images-file="$work/no-images.json" "$@"
}

staging=$(kubeconfig_for "$namespace_staging")
production=$(kubeconfig_for "$namespace_production")
read -r staging_forward staging_port < <(smoke_port "$namespace_staging")
read -r production_forward production_port < <(smoke_port "$namespace_production")
trap 'kill "$staging_forward" "$production_forward" 2> /dev/null; rm -rf "$work"' EXIT

say "1. Deploy-Staging"
deploy Deploy-Staging "$namespace_staging" "$staging" "$staging_port"

say "2. Deploy-Production, first install, then a good canary"
deploy Deploy-Production "$namespace_production" "$production" "$production_port" --confirm=Deploy-Production
deploy Deploy-Production "$namespace_production" "$production" "$production_port" --confirm=Deploy-Production

route_backends() {
  k get httproute sovd-webapp -n "$namespace_production" -o jsonpath='{range .spec.rules[*].backendRefs[*]}{.name}{"\n"}{end}' | sort -u | tr '\n' ' '
}
expect_stable_only() {
  local backends
  backends=$(route_backends)
  [[ "$backends" == "sovd-webapp-backend sovd-webapp-frontend " ]] || { say "FAIL: the route sends to: $backends"; exit 1; }
  if helm --kube-context "$context" status sovd-webapp-canary -n "$namespace_production" > /dev/null 2>&1; then
    say "FAIL: the canary release is still installed"; exit 1
  fi
  say "ok: the route sends to $backends; no canary"
}
expect_stable_only

say "3. Deploy-Production with a canary failing its smoke tests (its API answers 401 to the smoke token)"
k create secret generic sovd-api-token -n "$namespace_production" --from-literal=api-token=not-the-smoke-token \
  --dry-run=client -o yaml | k apply -f -
if SMOKE_API_TOKEN=smoke-token deploy Deploy-Production "$namespace_production" "$production" "$production_port" --confirm=Deploy-Production \
  --set=backend.apiToken.existingSecret=sovd-api-token; then
  say "FAIL: a canary failing its smoke tests was promoted"; exit 1
fi
expect_stable_only

say "4. Deploy-Production interrupted mid-canary (SIGINT, SIGTERM 7.5 s later, as GitHub cancels), repaired, run again"
deploy Deploy-Production "$namespace_production" "$production" "$production_port" --confirm=Deploy-Production &
rollout=$!
until k get configmap sovd-webapp-rollout -n "$namespace_production" -o jsonpath='{.data.step}' 2> /dev/null | grep -q 'canary 50'; do
  kill -0 "$rollout" 2> /dev/null || { say "FAIL: the rollout ended before its 50 % step"; exit 1; }
  sleep 1
done
kill -INT "$rollout"; sleep 7.5; kill -TERM "$rollout" 2> /dev/null || true; sleep 2.5; kill -KILL "$rollout" 2> /dev/null || true
wait "$rollout" || true
KUBE_CONFIG_DATA=$production "$root/build.sh" --target=Repair-Production --exclusive --namespace="$namespace_production" --sha="$sha" \
  --registry=rehearsal.local --owner=sovd --image-pull-secret= --values="$root/docs/rehearsal/values-kind.yaml" --set=traffic.provider=gateway \
  --images-file="$work/no-images.json"
expect_stable_only
deploy Deploy-Production "$namespace_production" "$production" "$production_port" --confirm=Deploy-Production
expect_stable_only
say "done: staging, a good canary, a failed one rolled back, an interrupted one repaired"
