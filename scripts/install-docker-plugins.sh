#!/usr/bin/env bash
# Installs the Compose v2 and buildx CLI plugins GitHub's runner has (docker compose, docker buildx: BuildKit) into
# <repo>/.tools/docker/cli-plugins, from Debian 13 trixie's packages docker-compose and docker-buildx: the same suite
# as the images. apt fetches them (signature-checked against the system's debian-archive-keyring) with a private state
# folder, so the machine's own sources and packages stay as they are; the Go binaries need only libc and run on
# bookworm. The build host points DOCKER_CONFIG at .tools/docker for its docker calls when DOCKER_CONFIG is unset.
# Idempotent: plugins that answer are kept. Skipped where the docker CLI already has both (Docker Desktop, GitHub's
# runner) or on a machine without apt (it then says what is missing and the stages refuse with the reason).
# Env: DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly config="$root/.tools/docker"
readonly plugins="$config/cli-plugins"
readonly packages=(docker-compose docker-buildx)
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

answers() { DOCKER_CONFIG="$1" docker compose version >/dev/null 2>&1 && DOCKER_CONFIG="$1" docker buildx version >/dev/null 2>&1; }

command -v docker >/dev/null || { echo "setup: no docker CLI, so no Compose v2 or buildx plugin installed" >&2; exit 0; }
if [[ -x "$plugins/docker-compose" && -x "$plugins/docker-buildx" ]] && answers "$config"; then
  exit 0
fi
if [[ -z "${DOCKER_CONFIG:-}" ]] && docker compose version >/dev/null 2>&1 && docker buildx version >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "setup: docker compose (v2) and docker buildx are missing and there is no apt-get here to fetch Debian's; install" \
    "them as docker CLI plugins (Docker's docs: cli-plugins), or the image stages refuse to run" >&2
  exit 0
fi

echo "setup: installing the Compose v2 and buildx plugins from Debian trixie into $plugins"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/lists/partial" "$scratch/cache/archives/partial" "$scratch/debs" "$scratch/root"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$scratch/sources.list"
apt_options=(-q -o "Dir::Etc::sourcelist=$scratch/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$scratch/lists"
  -o "Dir::Cache=$scratch/cache" -o Dir::State::status=/dev/null -o APT::Sandbox::User=root
  -o Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled=false -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false
  -o Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false -o Acquire::IndexTargets::deb::Translations::DefaultEnabled=false)
apt-get "${apt_options[@]}" update >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log" >&2; exit 1; }
(cd "$scratch/debs" && apt-get "${apt_options[@]}" download "${packages[@]}" >>"$scratch/apt.log" 2>&1) \
  || { cat "$scratch/apt.log" >&2; exit 1; }
for deb in "$scratch"/debs/*.deb; do
  dpkg-deb -x "$deb" "$scratch/root"
done
mkdir -p "$plugins"
install -m 0755 "$scratch/root/usr/libexec/docker/cli-plugins/docker-compose" "$scratch/root/usr/libexec/docker/cli-plugins/docker-buildx" "$plugins/"
[[ -f "$config/config.json" ]] || echo '{}' >"$config/config.json"
answers "$config" || { echo "setup: the plugins in $plugins do not run here" >&2; exit 1; }
echo "setup: $(DOCKER_CONFIG="$config" docker compose version), $(DOCKER_CONFIG="$config" docker buildx version | cut -d' ' -f1-2)"
