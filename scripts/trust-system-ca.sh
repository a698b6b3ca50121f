# shellcheck shell=bash
# Sourced by build.sh and setup-machine.sh: Node (npm, Playwright, Renovate, vitest) trusts only the CAs built into it,
# not the system's. Behind a proxy that re-signs TLS with a CA the system trusts, every npm request then fails with
# SELF_SIGNED_CERT_IN_CHAIN and npm retries it for about a minute before it falls back to its cache, or fails when the
# cache is empty (measured here 2026-12-07: 140 s for an `npm ci` of 2 packages in a plain `env -i` shell, 0.6 s with
# the bundle). NODE_EXTRA_CA_CERTS (Node >= 7.3) adds a bundle to the built-in CAs; NODE_USE_SYSTEM_CA=1 would need
# Node >= 23.8, and the set-up fetches Node 24 with Debian's Node 20 (nodejs.org docs/api/cli.md, read 2026-12-07).
# A value the user set is kept.
if [[ -z "${NODE_EXTRA_CA_CERTS:-}" ]]; then
  for bundle in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt /etc/ssl/cert.pem; do
    if [[ -r "$bundle" ]]; then
      export NODE_EXTRA_CA_CERTS="$bundle"
      break
    fi
  done
fi
