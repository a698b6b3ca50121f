#!/usr/bin/env bash
# The test command: every test project of the solution, then one closing line "N passed, N failed".
# Extra arguments go to `dotnet test` (e.g. --filter "Requires!=docker").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

status=0
dotnet test "$root/Pipeline.sln" --nologo -v q "$@" 2>&1 | tee "$log" || status=$?

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
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
