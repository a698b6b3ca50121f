#!/usr/bin/env bash
# Warm-start benchmark: ./build.sh (runs the compiled host when its inputs are unchanged) against the usual
# Cake.Frosting bootstrapper `dotnet run --project build`, side by side, same target, same machine.
# Prints hyperfine's table and the ratio of the medians. Not a test: record the output in docs/benchmarks.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:-Check-Workflow}"
runs="${RUNS:-10}"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install -y jq" >&2; exit 2; }

cd "$root"
export NO_COLOR=1
# Warm both: the bootstrapper's host and dotnet run's own build output.
./build.sh --target="$target" >/dev/null
dotnet run --project build -- --target="$target" >/dev/null

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
hyperfine --warmup 2 --runs "$runs" --export-json "$results" \
  --command-name "./build.sh" "./build.sh --target=$target" \
  --command-name "dotnet run --project build" "dotnet run --project build -- --target=$target"

jq -r '.results as $r | "median: ./build.sh \($r[0].median | . * 1000 | round) ms, dotnet run \($r[1].median | . * 1000 | round) ms, ratio \(($r[1].median / $r[0].median) * 10 | round / 10)x"' "$results"
