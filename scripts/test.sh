#!/usr/bin/env bash
# The test command: every test project of the solution, then one closing line "N passed, N failed" (skipped tests, if
# any, on the line before).
# Extra arguments go to `dotnet test` (e.g. --filter "Requires!=docker"). `--fast` first runs the fast tier only.
# The container engine the suite uses is its own setting, PIPELINE_TEST_DOCKER_HOST (default: the standard socket), never
# the caller's DOCKER_HOST; when it does not answer, an engine is started there for the run and stopped afterwards.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

export PIPELINE_TEST_DOCKER_HOST="${PIPELINE_TEST_DOCKER_HOST:-unix:///var/run/docker.sock}"
status=0

# Whether `dotnet restore` would change nothing: each project's obj/project.assets.json exists and is newer than the
# project file and every shared input (props, central package versions, SDK pin).
restore_is_current() {
  local project assets input
  for project in "$root"/build/*.csproj "$root"/src/*/*.csproj "$root"/tests/*/*.csproj; do
    assets="$(dirname "$project")/obj/project.assets.json"
    [[ -f "$assets" ]] || return 1
    for input in "$project" "$root"/Directory.*.props "$root"/tests/Directory.Build.props \
      "$root"/build/CakeReferences.props "$root"/global.json; do
      [[ "$input" -nt "$assets" ]] && return 1
    done
  done
  return 0
}

if [[ "${1:-}" == "--fast" ]]; then
  # The fast tier, the everyday loop: in-process tests only — no build.sh, no container, no process at all. Classes
  # that start processes carry [Trait("Tier", "process")] or a "Requires" trait; starting one anyway fails the test
  # (tests/Shared/HermeticEnvironment.cs).
  shift
  filter="Tier!=process"
  while read -r requirement; do
    filter+="&Requires!=$requirement"
  done < <(grep -rhoE 'Trait\("Requires", "[^"]+"\)' "$root/tests" --include='*.cs' | sed -E 's/.*, "([^"]+)"\)/\1/' | sort -u)
  # One build, then the tests without one, each phase timed: on this 2-core machine the build, not the tests, is
  # most of the tier (docs/benchmarks.md). The build skips NuGet's restore when every project's assets file is newer
  # than every input of a restore: even a no-op restore costs about as much as the no-op build itself.
  started=$SECONDS
  restore=()
  if restore_is_current; then
    restore=(--no-restore)
  fi
  if dotnet build "$root/Pipeline.sln" --nologo -v q -clp:NoSummary "${restore[@]}" 2>&1 | tee "$log"; then
    built=$SECONDS
    PIPELINE_TEST_TIER=fast dotnet test "$root/Pipeline.sln" --no-build --nologo -v q --filter "$filter" "$@" 2>&1 |
      tee -a "$log" || status=$?
    echo "fast tier: build $((built - started)) s, tests $((SECONDS - built)) s"
  else
    status=1
  fi
else
  DOCKER_HOST="$PIPELINE_TEST_DOCKER_HOST" bash "$root/scripts/container-engine.sh" run -- \
    dotnet test "$root/Pipeline.sln" --nologo -v q "$@" 2>&1 | tee "$log" || status=$?
fi

# vstest prints one summary line per test project: "Passed!  - Failed: 0, Passed: 42, Skipped: 0, Total: 42, ...".
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: / {
    gsub(/,/, "")
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1)
      if ($i == "Passed:") p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log")

if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # A project that did not build or whose test host crashed reports no counts: count it as a failure.
  failed=1
fi
if ((skipped > 0)); then
  echo "$skipped skipped"
fi
echo "$passed passed, $failed failed"
exit "$status"
