#!/usr/bin/env bash
# Installs PowerShell (for build.ps1 and its tests) into <repo>/.tools/pwsh as a .NET tool, from NuGet.
# The one place its version is stated: scripts/setup-machine.sh and the Test-Pipeline job both run this script.
# Idempotent: an existing install is kept. PowerShell 7.6 runs on .NET 10; a later 7.7 may want .NET 11.
set -euo pipefail

readonly version="7.6.9"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ ! -x "$root/.tools/pwsh/pwsh" ]]; then
  dotnet tool install --tool-path "$root/.tools/pwsh" PowerShell --version "$version" >/dev/null
fi
