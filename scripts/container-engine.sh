#!/usr/bin/env bash
# Starts and stops the container tier the image stages need on a machine without systemd:
# a Docker engine (dockerd), a local registry on 127.0.0.1:5000, and the base image
# debian:trixie-slim (Debian 13, the current stable; Docker Hub is unreachable here, so it is made once
# with mmdebstrap, or debootstrap when mmdebstrap is missing, and cached as a tarball; later runs only
# `docker load` it).
#
# Usage: scripts/container-engine.sh start|stop|status|base-image|run -- COMMAND…
#   start       engine (reused when one already answers), registry (reused likewise), base image
#   stop        stops what `start` started, by the PIDs it recorded; leaves data and caches
#   run         start, run COMMAND, then stop what this run started (also when COMMAND fails or is interrupted);
#               an engine or registry that already answered is used and left running. Exit status: COMMAND's
#   status      prints the state of the three; exit 0 when engine and registry answer, else 3
#   base-image  only makes/loads the base image (the engine must be running)
#
# Env:
#   DOCKER_HOST             engine socket (default unix:///var/run/docker.sock): set it to run a
#                           private engine, and export the same value to every docker caller
#   CONTAINER_ENGINE_DIR    run folder for data-root, exec-root, pidfiles, logs, registry storage
#                           (default $RUNNER_TEMP/container-engine on CI, else <repo>/.build/engine)
#   BASE_IMAGE_CACHE_DIR    where the base-image tarball is kept (default <repo>/.build/base-images)
#   REGISTRY_ADDRESS        default 127.0.0.1:5000
#   DEBOOTSTRAP_MIRROR      default http://deb.debian.org/debian
#   ENGINE_ADDRESS_POOL     networks of this engine (default 10.213.0.0/16, /24 each), chosen so a
#                           second engine on the machine does not pick the same subnets
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${RUNNER_TEMP:-}" ]]; then
  default_dir="$RUNNER_TEMP/container-engine"
else
  default_dir="$root/.build/engine"
fi
dir="${CONTAINER_ENGINE_DIR:-$default_dir}"
docker_host="${DOCKER_HOST:-unix:///var/run/docker.sock}"
registry="${REGISTRY_ADDRESS:-127.0.0.1:5000}"
cache_dir="${BASE_IMAGE_CACHE_DIR:-$root/.build/base-images}"
mirror="${DEBOOTSTRAP_MIRROR:-http://deb.debian.org/debian}"
address_pool="${ENGINE_ADDRESS_POOL:-10.213.0.0/16}"
# The suite the sample's Dockerfiles start FROM (debian:<suite>-slim); change both together.
readonly suite="trixie"
readonly base_image="debian:$suite-slim"
readonly base_tarball="$cache_dir/debian-$suite-slim.tar"
readonly dockerd_pidfile="$dir/dockerd.pid"
readonly registry_pidfile="$dir/registry.pid"
export DOCKER_HOST="$docker_host"

# A half-made root file system (hundreds of MB) must not survive a failed or interrupted run; `run` also stops on exit
# what it started.
scratch=""
stop_on_exit=()
on_exit() {
  [[ -z "$scratch" ]] || rm -rf "$scratch"
  local what
  for what in "${stop_on_exit[@]}"; do
    case "$what" in
      registry) stop_pid registry "$registry_pidfile" docker-registry 10 ;;
      engine) stop_engine ;;
    esac
  done
}
trap on_exit EXIT

say() { echo "container-engine: $*"; }
die() {
  echo "container-engine: error: $*" >&2
  exit 1
}

engine_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
registry_answers() { curl -fs -o /dev/null --max-time 2 "http://$registry/v2/"; }

# A PID from a pidfile counts only while it still runs the expected program (PIDs are reused).
live_pid() {
  local pidfile="$1" program="$2" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$program" || return 1
  echo "$pid"
}

wait_until() {
  local what="$1" seconds="$2" check="$3" log="$4" pid="$5"
  local deadline=$((SECONDS + seconds))
  until "$check"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$log" >&2 || true
      die "$what exited during start-up (log: $log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 20 "$log" >&2 || true
      die "$what did not answer within ${seconds}s (log: $log)"
    fi
    sleep 0.5
  done
}

require() {
  local tool="$1" package="$2"
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing: run scripts/setup-machine.sh (apt-get install -y $package)"
}

start_engine() {
  if engine_answers; then
    say "engine already answers at $docker_host; reusing it (stop will not touch it)"
    return
  fi
  require dockerd docker.io
  [[ "$(id -u)" == 0 ]] || die "starting dockerd needs root; run as root or start an engine yourself and set DOCKER_HOST"
  local socket="${docker_host#unix://}"
  [[ "$socket" != "$docker_host" ]] || die "DOCKER_HOST=$docker_host: only unix:// sockets can be started by this script"
  mkdir -p "$dir/data" "$dir/exec" "$(dirname "$socket")"
  local started=$SECONDS
  # setsid: a Ctrl-C in the caller's terminal must not take the engine down with it.
  setsid "$(command -v dockerd)" --host "$docker_host" --data-root "$dir/data" --exec-root "$dir/exec" \
    --pidfile "$dockerd_pidfile" --default-address-pool "base=$address_pool,size=24" \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  wait_until "dockerd" 60 engine_answers "$dir/dockerd.log" $!
  say "engine started (pid $(cat "$dockerd_pidfile"), $((SECONDS - started)) s, socket $socket, data $dir/data)"
}

write_registry_config() {
  cat >"$dir/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/registry/data
  delete:
    enabled: true
http:
  addr: $registry
EOF
}

start_registry() {
  if registry_answers; then
    say "registry already answers at http://$registry; reusing it"
    return
  fi
  require docker-registry docker-registry
  mkdir -p "$dir/registry/data"
  write_registry_config
  setsid docker-registry serve "$dir/registry/config.yml" >"$dir/registry.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$registry_pidfile"
  wait_until "docker-registry" 20 registry_answers "$dir/registry.log" "$pid"
  say "registry started (pid $pid, http://$registry, storage $dir/registry/data)"
}

# The official slim image's apt setup: security updates flow in, no docs or caches kept.
slim_rootfs() {
  local rootfs="$1"
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/locale/*' >"$rootfs/etc/dpkg/dpkg.cfg.d/slim"
  echo 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };' \
    >"$rootfs/etc/apt/apt.conf.d/docker-clean"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/usr/share/doc "$rootfs"/usr/share/man "$rootfs"/usr/share/locale
}

# mmdebstrap (when installed) does the same as debootstrap in about a third of the time.
bootstrap_rootfs() {
  local rootfs="$1"
  if command -v mmdebstrap >/dev/null 2>&1; then
    echo "mmdebstrap"
    # Its merged-/usr hook does what debootstrap does itself; without it the usrmerge package drags in perl (+50 MB).
    local hooks=()
    [[ -d /usr/share/mmdebstrap/hooks/merged-usr ]] && hooks=(--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr)
    mmdebstrap --variant=minbase --quiet "${hooks[@]}" "$suite" "$rootfs" "$mirror" >"$dir/bootstrap.log" 2>&1
  else
    require debootstrap debootstrap
    echo "debootstrap"
    debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >"$dir/bootstrap.log" 2>&1
  fi
}

# Through a temporary name, so an interrupted save never leaves a tarball that looks complete.
save_base_image() {
  docker save -o "$base_tarball.tmp" "$base_image"
  mv "$base_tarball.tmp" "$base_tarball"
}

make_base_image() {
  local rootfs tool started=$SECONDS
  mkdir -p "$dir" "$cache_dir"
  rootfs="$(mktemp -d "$dir/rootfs.XXXXXX")"
  scratch="$rootfs"
  say "making $base_image (once per machine; the tarball is cached in $cache_dir)"
  if ! tool="$(bootstrap_rootfs "$rootfs")"; then
    tail -n 20 "$dir/bootstrap.log" >&2
    die "bootstrapping $suite failed (log: $dir/bootstrap.log); is $mirror reachable?"
  fi
  slim_rootfs "$rootfs"
  tar -C "$rootfs" -c . | docker import --change 'CMD ["bash"]' - "$base_image" >/dev/null
  save_base_image
  rm -rf "$rootfs"
  scratch=""
  say "$base_image made with $tool in $((SECONDS - started)) s ($(du -h "$base_tarball" | cut -f1) tarball)"
}

# The job engines of an isolated rehearsal load the base image from this checkout's cache. An engine that already held
# the image (started from another checkout, or Docker Desktop's pulled one) would leave that cache empty.
cache_base_image() {
  [[ -f "$base_tarball" ]] && return 0
  mkdir -p "$cache_dir"
  save_base_image
  say "$base_image saved to $base_tarball for the rehearsal's job engines"
}

ensure_base_image() {
  engine_answers || die "engine not reachable at $docker_host: run scripts/container-engine.sh start"
  if docker image inspect "$base_image" >/dev/null 2>&1; then
    say "$base_image already in the engine"
    cache_base_image
  elif [[ -f "$base_tarball" ]]; then
    local started=$SECONDS
    docker load -q -i "$base_tarball" >/dev/null
    say "$base_image loaded from $base_tarball in $((SECONDS - started)) s"
  else
    make_base_image
  fi
}

# dockerd stops its containers first (up to 15 s each by default), then containerd. It leaves its exec root's bind mount
# of the host's network namespace (netns/default) behind, which makes the checkout impossible to delete ("Device or
# resource busy") until unmounted.
stop_engine() {
  stop_pid engine "$dockerd_pidfile" dockerd 40
  if mountpoint -q "$dir/exec/netns/default" 2>/dev/null && ! pgrep -f -- "--exec-root $dir/exec" >/dev/null; then
    umount "$dir/exec/netns/default" || say "could not unmount $dir/exec/netns/default (umount it before deleting $dir)"
  fi
}

stop_pid() {
  local name="$1" pidfile="$2" program="$3" seconds="$4" pid
  if ! pid="$(live_pid "$pidfile" "$program")"; then
    rm -f "$pidfile"
    say "$name: not started by this script, nothing to stop"
    return
  fi
  kill -TERM "$pid"
  local deadline=$((SECONDS + seconds))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    say "$name (pid $pid) did not stop within ${seconds}s; killed"
  else
    say "$name (pid $pid) stopped"
  fi
  rm -f "$pidfile"
}

status() {
  local ok=0 pid
  if engine_answers; then
    if pid="$(live_pid "$dockerd_pidfile" dockerd)"; then
      say "engine: running at $docker_host (pid $pid, started by this script)"
    else
      say "engine: running at $docker_host (not started by this script)"
    fi
  else
    say "engine: not reachable at $docker_host"
    ok=3
  fi
  if registry_answers; then
    say "registry: running at http://$registry"
  else
    say "registry: not reachable at http://$registry"
    ok=3
  fi
  if ((ok == 0)) && docker image inspect "$base_image" >/dev/null 2>&1; then
    say "base image: $base_image present"
  elif [[ -f "$base_tarball" ]]; then
    say "base image: cached in $base_tarball"
  else
    say "base image: not made yet"
  fi
  return "$ok"
}

# The command runs with this script's DOCKER_HOST exported; Ctrl-C reaches it, and the stop still runs afterwards.
run_with_engine() {
  [[ "${1:-}" == "--" ]] && shift
  (($# > 0)) || die "run needs a command: $0 run -- COMMAND [ARGUMENTS…]"
  require docker docker.io
  require curl curl
  # Stops happen in reverse order of starts: the registry first, then the engine.
  engine_answers || stop_on_exit=(engine)
  start_engine
  registry_answers || stop_on_exit=(registry "${stop_on_exit[@]}")
  start_registry
  ensure_base_image
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local status=0
  "$@" || status=$?
  return "$status"
}

case "${1:-}" in
  run)
    shift
    run_with_engine "$@"
    ;;
  start)
    require docker docker.io
    require curl curl
    start_engine
    start_registry
    ensure_base_image
    ;;
  stop)
    stop_pid registry "$registry_pidfile" docker-registry 10
    stop_engine
    ;;
  status) status ;;
  base-image) ensure_base_image ;;
  *)
    echo "usage: $0 start|stop|status|base-image|run -- COMMAND…" >&2
    exit 2
    ;;
esac
