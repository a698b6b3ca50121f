#!/bin/sh
# Renders nginx.conf.template with the container's settings, then runs nginx in the foreground
# (or the given command instead, with the config rendered to $NGINX_RUNTIME_DIR/nginx.conf).
set -eu

BACKEND_UPSTREAM="${BACKEND_UPSTREAM:-backend:8000}"
LISTEN_PORT="${LISTEN_PORT:-8080}"
WEB_ROOT="${WEB_ROOT:-/usr/share/nginx/html}"
NGINX_RUNTIME_DIR="${NGINX_RUNTIME_DIR:-/tmp/nginx}"
NGINX_TEMPLATE="${NGINX_TEMPLATE:-/etc/nginx/templates/nginx.conf.template}"
ASSET_PEER="${ASSET_PEER:-}"
# The build's commit SHA (the image sets it); answers name it in X-App-Version.
APP_VERSION="${APP_VERSION:-unknown}"
# nginx does not read /etc/resolv.conf: take its first name server (Kubernetes' cluster DNS).
if [ -z "${DNS_RESOLVER:-}" ]; then
  DNS_RESOLVER="$(awk '$1 == "nameserver" { print $2; exit }' /etc/resolv.conf 2>/dev/null || true)"
  case "$DNS_RESOLVER" in
    *%*) DNS_RESOLVER=127.0.0.1 ;;           # a link-local server with a zone: nginx cannot use it
    *:*) DNS_RESOLVER="[$DNS_RESOLVER]" ;; # IPv6 addresses go in brackets
    "") DNS_RESOLVER=127.0.0.1 ;;            # no server listed: only a numeric ASSET_PEER can work
  esac
fi

fail() {
  echo "docker-entrypoint: $*" >&2
  exit 64
}

# Values go into the config through sed, so only plain characters are allowed: this keeps
# both the sed expression and the nginx syntax intact.
require_match() {
  name="$1" value="$2" pattern="$3" example="$4"
  if ! printf '%s\n' "$value" | grep -Eqx "$pattern"; then
    fail "$name='$value' is not valid; set it like $name=$example."
  fi
}

require_match BACKEND_UPSTREAM "$BACKEND_UPSTREAM" '[A-Za-z0-9._-]+:[0-9]{1,5}' 'backend:8000'
require_match LISTEN_PORT "$LISTEN_PORT" '[0-9]{1,5}' '8080'
require_match WEB_ROOT "$WEB_ROOT" '/[A-Za-z0-9._/-]*' '/usr/share/nginx/html'
require_match NGINX_RUNTIME_DIR "$NGINX_RUNTIME_DIR" '/[A-Za-z0-9._/-]*' '/tmp/nginx'
require_match ASSET_PEER "$ASSET_PEER" '([A-Za-z0-9._-]+:[0-9]{1,5})?' 'sovd-webapp-canary-frontend.production.svc.cluster.local:8080'
require_match APP_VERSION "$APP_VERSION" '[A-Za-z0-9._-]{1,64}' '4f1c2b9e7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e'
require_match DNS_RESOLVER "$DNS_RESOLVER" '[0-9.]+|\[[0-9A-Fa-f:.]+\]' '10.96.0.10'
[ -r "$NGINX_TEMPLATE" ] ||
  fail "template $NGINX_TEMPLATE is missing or unreadable; set NGINX_TEMPLATE to its path."
[ -f "$WEB_ROOT/index.html" ] ||
  fail "$WEB_ROOT/index.html not found; build the UI (npm run build) and copy dist/ there."

mkdir -p "$NGINX_RUNTIME_DIR"
conf="$NGINX_RUNTIME_DIR/nginx.conf"
sed \
  -e "s|\${BACKEND_UPSTREAM}|$BACKEND_UPSTREAM|g" \
  -e "s|\${LISTEN_PORT}|$LISTEN_PORT|g" \
  -e "s|\${WEB_ROOT}|$WEB_ROOT|g" \
  -e "s|\${NGINX_RUNTIME_DIR}|$NGINX_RUNTIME_DIR|g" \
  -e "s|\${ASSET_PEER}|$ASSET_PEER|g" \
  -e "s|\${DNS_RESOLVER}|$DNS_RESOLVER|g" \
  -e "s|\${APP_VERSION}|$APP_VERSION|g" \
  "$NGINX_TEMPLATE" >"$conf"

# A placeholder added to the template but not to this script would otherwise reach nginx.
leftover="$(grep -o '[$]{[A-Z_]*}' "$conf" | sort -u | tr '\n' ' ')"
[ -z "$leftover" ] || fail "$conf still has unreplaced placeholders: $leftover"

echo "docker-entrypoint: version $APP_VERSION serving $WEB_ROOT on :$LISTEN_PORT, proxying /api/ and /health/ to $BACKEND_UPSTREAM, missing assets from ${ASSET_PEER:-nowhere}"
if [ "$#" -eq 0 ]; then
  exec nginx -c "$conf" -p "$NGINX_RUNTIME_DIR" -g 'daemon off;'
fi
exec "$@"
