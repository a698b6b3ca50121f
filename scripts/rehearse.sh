#!/usr/bin/env bash
# The main job in one command, on a fresh machine or a laptop: the set-up (idempotent; system packages only when
# missing and run as root), a container engine and registry when none answers (stopped again at the end; a running one
# is used and left alone), then the local dress rehearsal ./build.sh --target=Rehearse. Arguments go to the host.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$root/scripts/setup-machine.sh"
# A rehearsal is the local path by definition (local registry, owner "local"), also in a shell that carries a CI job's
# GITHUB_ACTIONS: the host would otherwise aim at ghcr.io and annotate for GitHub.
exec env -u GITHUB_ACTIONS -u GITHUB_STEP_SUMMARY \
  bash "$root/scripts/container-engine.sh" run -- "$root/build.sh" --target=Rehearse "$@"
