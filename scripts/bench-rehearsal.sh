#!/usr/bin/env bash
# The plain Rehearse and the isolated rehearsal of one event, back to back on the same commit and machine, so their
# ratio holds even when the machine is busy. Not a test: record the output in docs/benchmarks.md.
# Usage: scripts/bench-rehearsal.sh [event]   (default push:develop; pull_request skips the plain run's push)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
event="${1:-push:develop}"
logs="$root/.build/bench-rehearsal"
mkdir -p "$logs"
cd "$root"
export NO_COLOR=1

# Runs one command with its output in a log; prints its wall time in seconds and whether it passed.
timed() {
  local name="$1"
  shift
  local start end status=0
  start="$(date +%s.%N)"
  "$@" >"$logs/$name.log" 2>&1 || status=$?
  end="$(date +%s.%N)"
  echo "$name $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') $status"
}

./build.sh --version >/dev/null # the host is built before either run is timed
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
plain="$(timed plain ./build.sh --target=Rehearse)"
echo "plain Rehearse: ${plain#plain } (seconds, exit status; log $logs/plain.log)"
isolated="$(timed isolated ./build.sh --target=Rehearse --isolated --event="$event")"
echo "isolated rehearsal of $event: ${isolated#isolated } (seconds, exit status; log $logs/isolated.log)"
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
read -r _ plain_time _ <<<"$plain"
read -r _ isolated_time _ <<<"$isolated"
echo "ratio isolated / plain: $(awk -v a="$isolated_time" -v b="$plain_time" 'BEGIN { printf "%.2f", a / b }')"
sed -n '/Isolated rehearsal of/,/^Artifacts:/p' "$logs/isolated.log"
