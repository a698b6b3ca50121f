#!/usr/bin/env bash
# Cake-style bootstrapper: builds the host when any of its inputs changed, then runs it with every argument.
# Warm runs start the compiled host directly (no `dotnet run`), which is what makes ./build.sh cheap to call.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$root/.build/host"
stamp="$out/.inputs"
host="$out/Build.dll"

# shellcheck source=scripts/trust-system-ca.sh
source "$root/scripts/trust-system-ca.sh"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "Error: the .NET SDK is not installed or not on PATH; install the version in global.json (https://dot.net)." >&2
  exit 1
fi

# What goes into the host: its sources, the definition, project and package files, and the SDK itself.
inputs=("$root/build" "$root/src" "$root/global.json" "$root/Directory.Build.props" "$root/Directory.Packages.props")
# The installed SDKs, read from the folder next to the dotnet executable (cheaper than `dotnet --list-sdks`).
sdk_id() {
  local dotnet_dir
  dotnet_dir="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  local sdks=("$dotnet_dir"/sdk/*)
  echo "${sdks[*]}"
}

# The content of every input file, for when times say "newer" but nothing changed (a fresh checkout, a restored cache).
# Paths relative to the root, so a checkout in another folder (a rehearsal's worktree) hashes the same.
inputs_hash() {
  (cd "$root" && find "${inputs[@]#"$root/"}" \( -name bin -o -name obj \) -prune -o -type f -print 2>/dev/null |
    LC_ALL=C sort | xargs -d '\n' sha1sum | sha1sum | cut -d ' ' -f 1)
}

stale() {
  [[ -f "$host" && -f "$stamp" ]] || return 0
  # Line 1: the SDKs it was built with; line 2: the checksum of the host it built (a damaged host is rebuilt);
  # line 3: the hash of the inputs it was built from.
  [[ "$(sed -n 1p "$stamp")" == "$(sdk_id)" ]] || return 0
  [[ "$(sed -n 2p "$stamp")" == "$(cksum <"$host")" ]] || return 0
  # A newer file or folder (a folder's time changes when a file in it is added or removed) means a rebuild,
  # unless the content is what the host was built from.
  if [[ -n "$(find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit 2>/dev/null)" ]]; then
    [[ "$(sed -n 3p "$stamp")" == "$(inputs_hash)" ]] || return 0
    touch "$stamp"
  fi
  return 1
}

build_host() {
  mkdir -p "$out"
  local log="$out/build.log"
  local started="$out/.started" hash
  touch "$started"
  hash="$(inputs_hash)"
  if ! dotnet build "$root/build/Build.csproj" -c Release -o "$out" --nologo -v q -clp:NoSummary >"$log" 2>&1; then
    cat "$log" >&2
    echo "Error: the build host did not compile (log above, also in $log)." >&2
    exit 1
  fi
  { sdk_id; cksum <"$host"; echo "$hash"; } >"$stamp"
  # The stamp carries the time the build started, so an edit made during the build still counts as newer.
  touch -r "$started" "$stamp"
  rm -f "$started"
}

# Parallel callers (tests, several terminals) must not build into the same folder at once.
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9
if stale; then
  build_host
fi
flock -u 9
exec 9>&-

exec dotnet "$host" "$@"
