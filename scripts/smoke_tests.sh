#!/usr/bin/env bash
# Post-deploy smoke gate of the SOVD Command WebApp. Deploy-Staging and every Deploy-Production
# rollout step run it through the build host; its exit code decides rollback, so a false pass ships
# a broken release and a hang blocks a deploy. Every request is bounded; see --help.
set -euo pipefail

# Tracing must never show the token: stop it before anything reads API_TOKEN. It comes back on
# (caller's `bash -x` or SMOKE_TRACE=1) only behind a redacting filter, see start_trace.
if [[ $- == *x* ]]; then caller_trace=1; else caller_trace=0; fi
{ set +x; } 2>/dev/null

readonly PROG=${0##*/}
readonly READY_PATH=/health/ready
readonly VEHICLES_PATH=/api/v1/vehicles
readonly EXCERPT_BYTES=200
readonly PAGE_BYTES=262144
readonly VERSION_HEADER=X-App-Version
readonly VERSION_RE='^[A-Za-z0-9._-]{1,64}$'

usage() {
  cat <<EOF
Usage: $PROG [options]

Post-deploy smoke checks of the SOVD Command WebApp (API and frontend).
Every option can also be given as an environment variable; an option wins over its variable.

  option                      variable                 default          meaning
  --api-base-url URL          API_BASE_URL             (required)       base URL of the backend API
  --frontend-url URL          FRONTEND_URL             API_BASE_URL     base URL of the frontend
  --api-token-file FILE       API_TOKEN                (none)           bearer token for the API (the option
                                                                        reads it from FILE)
  --timeout SECONDS           SMOKE_TIMEOUT            10               limit of one request
  --total-timeout SECONDS     SMOKE_TOTAL_TIMEOUT      120              limit of the whole run; every request
                                                                        is clipped to what is left
  --ready-attempts N          SMOKE_READY_ATTEMPTS     10               readiness attempts
  --ready-backoff SECONDS     SMOKE_READY_BACKOFF      1                first wait between readiness attempts,
                                                                        doubled after each attempt
  --ready-backoff-max SECONDS SMOKE_READY_BACKOFF_MAX  8                cap of that wait
  --probe-requests N          SMOKE_PROBE_REQUESTS     0 (probe off)    error-rate probe: number of requests
  --max-error-rate PERCENT    SMOKE_MAX_ERROR_RATE     1                error-rate probe: highest share of
                                                                        non-2xx or timed-out answers
  --probe-path PATH           SMOKE_PROBE_PATH         $VEHICLES_PATH error-rate probe: API path
  --header 'NAME: VALUE'      SMOKE_HEADER             (none)           extra request header on every request;
                                                                        repeatable (the variable holds one), e.g.
                                                                        'X-Canary: always' to reach only a canary
                                                                        or 'Host: sovd.local' for a local cluster
  --resolve HOST:PORT:ADDR    SMOKE_RESOLVE            (none)           pin HOST:PORT to ADDR (curl's --resolve);
                                                                        repeatable (the variable holds one)
  --expect-version SHA        SMOKE_EXPECT_VERSION     (none)           every answer must name this build in its
                                                                        $VERSION_HEADER header (the commit SHA)
  --allow-version SHA         SMOKE_ALLOW_VERSION      (none)           answers may also come from this build (the
                                                                        stable one while a canary takes a share);
                                                                        the measured share of each is reported
  --allow-unnamed             SMOKE_ALLOW_UNNAMED=1    off              with --allow-version: a 2xx answer without
                                                                        the header counts as that build too (a
                                                                        stable build older than the header)
  --trace                     SMOKE_TRACE=1            off              bash tracing (token redacted)
  -h, --help                                                            show this help

There is no option that takes the token itself: a command line is visible to other processes.
For the same reason --header refuses Authorization (and Cookie): the token goes through API_TOKEN.

Checks (all run, also after a failure):
  readiness        GET API_BASE_URL$READY_PATH -> 200 JSON {"status":"ready"} (also "ok"/"healthy");
                   retried with backoff while the backend starts, within the time bound minus one
                   request timeout (kept for the other checks)
  api-vehicles     GET API_BASE_URL$VEHICLES_PATH -> 200 JSON array (with the bearer token)
  frontend-page    GET FRONTEND_URL/ -> 200 text/html with the app's root element (id="root")
                   and a <script src=...>
  frontend-asset   that script -> 200 with a JavaScript content type
  error-rate       SMOKE_PROBE_REQUESTS requests to API_BASE_URL+SMOKE_PROBE_PATH; fails when the
                   share of non-2xx or timed-out answers is above SMOKE_MAX_ERROR_RATE percent; with
                   no failure allowed, a pass says how likely a 5 % failure rate was to pass (0.95^N):
                   90 requests make it under 1 %, the deploy's canary probe
  version          only with SMOKE_EXPECT_VERSION: every answer of the checks above (each readiness
                   attempt and probe request too) names a build in $VERSION_HEADER; fails on a build other
                   than SMOKE_EXPECT_VERSION (or SMOKE_ALLOW_VERSION), naming it and the request, and on a
                   2xx answer without the header; with SMOKE_ALLOW_VERSION it reports the share of each

Output: one line per check (result, name, HTTP status, latency, detail), then a summary line.
Exit status: 0 every check passed, 1 a check failed, 2 usage or environment error.
Needs bash 4.1+, curl 7.55+ and jq.
EOF
}

usage_error() {
  printf '%s: %s\n' "$PROG" "$1" >&2
  printf "Run '%s --help' for the settings.\n" "$PROG" >&2
  exit 2
}

# ---------------------------------------------------------------- settings

api_base_url=${API_BASE_URL:-}
frontend_url=${FRONTEND_URL:-}
token_file=""
timeout_setting=${SMOKE_TIMEOUT:-10}
total_setting=${SMOKE_TOTAL_TIMEOUT:-120}
ready_attempts=${SMOKE_READY_ATTEMPTS:-10}
backoff_setting=${SMOKE_READY_BACKOFF:-1}
backoff_max_setting=${SMOKE_READY_BACKOFF_MAX:-8}
probe_requests=${SMOKE_PROBE_REQUESTS:-0}
max_error_rate=${SMOKE_MAX_ERROR_RATE:-1}
probe_path=${SMOKE_PROBE_PATH:-$VEHICLES_PATH}
trace_setting=${SMOKE_TRACE:-0}
extra_headers=()
if [[ -n ${SMOKE_HEADER:-} ]]; then extra_headers+=("$SMOKE_HEADER"); fi
resolves=()
if [[ -n ${SMOKE_RESOLVE:-} ]]; then resolves+=("$SMOKE_RESOLVE"); fi
expect_version=${SMOKE_EXPECT_VERSION:-}
allow_version=${SMOKE_ALLOW_VERSION:-}
allow_unnamed=${SMOKE_ALLOW_UNNAMED:-0}

parse_args() {
  local name value
  while (($# > 0)); do
    name=${1%%=*}
    case $name in
      -h | --help) usage; exit 0 ;;
      --trace) trace_setting=1; shift; continue ;;
      --allow-unnamed) allow_unnamed=1; shift; continue ;;
      --api-token) usage_error "--api-token is not accepted (a command line is visible to other processes): set API_TOKEN or use --api-token-file FILE" ;;
      --api-base-url | --frontend-url | --api-token-file | --timeout | --total-timeout | \
        --ready-attempts | --ready-backoff | --ready-backoff-max | --probe-requests | \
        --max-error-rate | --probe-path | --header | --resolve | --expect-version | --allow-version) ;;
      -*) usage_error "unknown option '$name'" ;;
      *) usage_error "unexpected argument '$1' (options start with --)" ;;
    esac
    if [[ $1 == *=* ]]; then
      value=${1#*=}
      shift
    else
      [[ $# -ge 2 && $2 != --* ]] || usage_error "option $name needs a value"
      value=$2
      shift 2
    fi
    set_option "$name" "$value"
  done
}

set_option() {
  case $1 in
    --api-base-url) api_base_url=$2 ;;
    --frontend-url) frontend_url=$2 ;;
    --api-token-file) token_file=$2 ;;
    --timeout) timeout_setting=$2 ;;
    --total-timeout) total_setting=$2 ;;
    --ready-attempts) ready_attempts=$2 ;;
    --ready-backoff) backoff_setting=$2 ;;
    --ready-backoff-max) backoff_max_setting=$2 ;;
    --probe-requests) probe_requests=$2 ;;
    --max-error-rate) max_error_rate=$2 ;;
    --probe-path) probe_path=$2 ;;
    --header) extra_headers+=("$2") ;;
    --resolve) resolves+=("$2") ;;
    --expect-version) expect_version=$2 ;;
    --allow-version) allow_version=$2 ;;
  esac
}

# Seconds with up to 3 decimals -> milliseconds. $2 names the setting for the error message.
seconds_setting_ms() {
  local value=$1 label=$2 minimum_ms=$3 whole frac
  [[ $value =~ ^([0-9]{1,6})(\.([0-9]{1,3}))?$ ]] ||
    usage_error "$label must be a number of seconds such as 10 or 2.5, got '$value'"
  whole=${BASH_REMATCH[1]}
  frac=${BASH_REMATCH[3]}000
  result_ms=$((10#$whole * 1000 + 10#${frac:0:3}))
  ((result_ms >= minimum_ms)) || usage_error "$label must be at least $((minimum_ms / 1000)).$(printf '%03d' $((minimum_ms % 1000))) seconds, got '$value'"
}

count_setting() {
  local value=$1 label=$2 minimum=$3
  [[ $value =~ ^[0-9]{1,6}$ ]] || usage_error "$label must be a whole number, got '$value'"
  ((10#$value >= minimum)) || usage_error "$label must be at least $minimum, got '$value'"
}

# Accepts http(s)://host[:port][/path]; returns it without trailing slashes in url_value.
url_setting() {
  local value=$1 label=$2
  [[ $value =~ ^https?://[^/?#[:space:]]+(/[^?#[:space:]]*)?$ ]] ||
    usage_error "$label must be an http:// or https:// URL without query or fragment, got '$value'"
  while [[ $value == */ ]]; do value=${value%/}; done
  url_value=$value
}

validate_settings() {
  [[ -n $api_base_url ]] ||
    usage_error "API_BASE_URL is required: set the API_BASE_URL environment variable or pass --api-base-url URL (for example http://127.0.0.1:8000)"
  url_setting "$api_base_url" "API_BASE_URL (--api-base-url)"
  api_base_url=$url_value
  url_setting "${frontend_url:-$api_base_url}" "FRONTEND_URL (--frontend-url)"
  frontend_url=$url_value

  seconds_setting_ms "$timeout_setting" "SMOKE_TIMEOUT (--timeout)" 100
  timeout_ms=$result_ms
  seconds_setting_ms "$total_setting" "SMOKE_TOTAL_TIMEOUT (--total-timeout)" 100
  total_ms=$result_ms
  seconds_setting_ms "$backoff_setting" "SMOKE_READY_BACKOFF (--ready-backoff)" 0
  backoff_ms=$result_ms
  seconds_setting_ms "$backoff_max_setting" "SMOKE_READY_BACKOFF_MAX (--ready-backoff-max)" 0
  backoff_max_ms=$result_ms
  count_setting "$ready_attempts" "SMOKE_READY_ATTEMPTS (--ready-attempts)" 1
  ready_attempts=$((10#$ready_attempts))
  count_setting "$probe_requests" "SMOKE_PROBE_REQUESTS (--probe-requests)" 0
  probe_requests=$((10#$probe_requests))
  validate_error_rate
  [[ $probe_path == /* && $probe_path != *[[:space:]]* ]] ||
    usage_error "SMOKE_PROBE_PATH (--probe-path) must be a path starting with /, got '$probe_path'"
  validate_headers
  validate_resolves
  validate_versions
  case ${trace_setting,,} in
    1 | true | yes | on) trace_on=1 ;;
    0 | false | no | off | "") trace_on=$caller_trace ;;
    *) usage_error "SMOKE_TRACE must be 1 or 0, got '$trace_setting'" ;;
  esac
}

# Extra headers: a token name, a colon, a printable value. Credentials are refused: a command line is visible.
validate_headers() {
  local header name
  for header in ${extra_headers[@]+"${extra_headers[@]}"}; do
    [[ $header =~ ^([0-9A-Za-z_-]+):[[:space:]]*([[:print:]]*)$ ]] ||
      usage_error "SMOKE_HEADER (--header) must look like 'Name: value' (printable, one line), got '${header//[[:cntrl:]]/?}'"
    name=${BASH_REMATCH[1],,}
    [[ $name != authorization && $name != cookie && $name != proxy-authorization ]] ||
      usage_error "--header ${BASH_REMATCH[1]} is not accepted (a command line is visible to other processes): set API_TOKEN or use --api-token-file FILE"
  done
}

# curl's --resolve: HOST:PORT:ADDRESS[,ADDRESS...]; an IPv6 address is written in brackets.
validate_resolves() {
  local entry
  for entry in ${resolves[@]+"${resolves[@]}"}; do
    [[ $entry =~ ^[A-Za-z0-9.*-]+:[0-9]{1,5}:(\[[0-9A-Fa-f:.]+\]|[0-9.]+)(,(\[[0-9A-Fa-f:.]+\]|[0-9.]+))*$ ]] ||
      usage_error "SMOKE_RESOLVE (--resolve) must be HOST:PORT:ADDRESS such as sovd.local:443:127.0.0.1, got '$entry'"
  done
}

# Build names as the images send them (a commit SHA); a second build only next to the expected one.
validate_versions() {
  if [[ -n $expect_version && ! $expect_version =~ $VERSION_RE ]]; then
    usage_error "SMOKE_EXPECT_VERSION (--expect-version) must be a commit SHA (letters, digits, '.', '_', '-'; at most 64), got '$expect_version'"
  fi
  case $allow_unnamed in
    1 | true | yes | on) allow_unnamed=1 ;;
    0 | false | no | off | "") allow_unnamed=0 ;;
    *) usage_error "SMOKE_ALLOW_UNNAMED must be 1 or 0, got '$allow_unnamed'" ;;
  esac
  if ((allow_unnamed)) && [[ -z $allow_version ]]; then
    usage_error "--allow-unnamed (SMOKE_ALLOW_UNNAMED) needs --allow-version (SMOKE_ALLOW_VERSION): only a weighted pass may meet the old build"
  fi
  [[ -z $allow_version ]] && return
  [[ -n $expect_version ]] ||
    usage_error "SMOKE_ALLOW_VERSION (--allow-version) needs SMOKE_EXPECT_VERSION (--expect-version): the build that must answer"
  [[ $allow_version =~ $VERSION_RE ]] ||
    usage_error "SMOKE_ALLOW_VERSION (--allow-version) must be a commit SHA (letters, digits, '.', '_', '-'; at most 64), got '$allow_version'"
  [[ $allow_version != "$expect_version" ]] ||
    usage_error "SMOKE_ALLOW_VERSION (--allow-version) is the same build as SMOKE_EXPECT_VERSION ('$expect_version'); give the other build, or leave it out"
}

# Percent with up to 2 decimals, kept in hundredths of a percent so bash integers can compare it.
validate_error_rate() {
  local frac
  [[ $max_error_rate =~ ^([0-9]{1,3})(\.([0-9]{1,2}))?$ ]] ||
    usage_error "SMOKE_MAX_ERROR_RATE (--max-error-rate) must be a percentage such as 1 or 0.5, got '$max_error_rate'"
  frac=${BASH_REMATCH[3]}00
  max_rate_bp=$((10#${BASH_REMATCH[1]} * 100 + 10#${frac:0:2}))
  ((max_rate_bp <= 10000)) ||
    usage_error "SMOKE_MAX_ERROR_RATE (--max-error-rate) must be at most 100, got '$max_error_rate'"
}

require_tools() {
  command -v curl >/dev/null 2>&1 ||
    usage_error "curl is required: install it (Debian/Ubuntu: apt-get install curl; Alpine: apk add curl; macOS: brew install curl)"
  command -v jq >/dev/null 2>&1 ||
    usage_error "jq is required to read the JSON answers: install it (Debian/Ubuntu: apt-get install jq; Alpine: apk add jq; macOS: brew install jq; or https://jqlang.github.io/jq/download/)"
}

# ---------------------------------------------------------------- token and tracing
# Everything here runs with tracing off. The token reaches curl only through a 0600 header file.

load_token() {
  token=${API_TOKEN:-}
  if [[ -n $token_file ]]; then
    [[ -f $token_file && -r $token_file ]] ||
      usage_error "--api-token-file '$token_file' is not a readable file"
    token=$(<"$token_file")
  fi
  export -n API_TOKEN 2>/dev/null || true
  unset API_TOKEN
  token=${token#"${token%%[![:space:]]*}"}
  token=${token%"${token##*[![:space:]]}"}
  [[ $token != *[[:cntrl:]]* ]] ||
    usage_error "API_TOKEN contains a line break or another control character; give the bare token"
  has_token=0
  if [[ -n $token ]]; then has_token=1; fi
  # How xtrace prints the token inside '...' quoting, so the filter catches that form too.
  token_traced=${token//\'/\'\\\'\'}
}

make_work_dir() {
  work_dir=$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/smoke.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  body_file=$work_dir/body
  header_file=$work_dir/headers
  curl_err_file=$work_dir/curl-err
  meta_file=$work_dir/meta
  auth_header_file=""
  if ((has_token)); then
    auth_header_file=$work_dir/auth-header
    (umask 077 && printf 'Authorization: Bearer %s\n' "$token" >"$auth_header_file")
  fi
}

# shellcheck disable=SC2317  # reached through the EXIT trap, which shellcheck does not follow
cleanup() {
  { set +x; } 2>/dev/null
  rm -rf -- "${work_dir:?}"
}

# Sets redacted to $1 without the token. A global instead of $(...): no fork on the hot path.
redact() {
  redacted=$1
  # Tested through a flag: a traced [[ -n $token ]] would print the token (the filter would catch it).
  if ((has_token)); then
    redacted=${redacted//"$token"/[redacted]}
    redacted=${redacted//"$token_traced"/[redacted]}
  fi
}

redact_stream() {
  { set +x; } 2>/dev/null
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    redact "$line"
    printf '%s\n' "$redacted" >&2
  done
}

start_trace() {
  local trace_fd
  exec {trace_fd}> >(redact_stream)
  BASH_XTRACEFD=$trace_fd
  set -x
}

# ---------------------------------------------------------------- clock and output

clock() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local micros=${EPOCHREALTIME//[!0-9]/}
    now=$((10#$micros / 1000))
  else
    now=$(date +%s%3N)
    [[ $now =~ ^[0-9]+$ ]] || now=$(($(date +%s) * 1000))
  fi
}

ms_text() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# Milliseconds as short seconds for people: 10000 -> 10, 2500 -> 2.5.
secs() {
  local text
  text=$(ms_text "$1")
  text=${text%%0}
  text=${text%%0}
  text=${text%%0}
  printf '%s' "${text%.}"
}

# Milliseconds a request may take: the per-request timeout clipped to what is left before $1.
budget_until() {
  clock
  budget=$(($1 - now))
  ((budget <= timeout_ms)) || budget=$timeout_ms
}

say() {
  redact "$*"
  printf '%s\n' "$redacted"
}

passed=0
failed=0
skipped=0

report() {
  local result=$1 name=$2 status=$3 latency=$4 detail=$5 line
  if [[ $status == 000 ]]; then status="-"; fi
  case $result in
    PASS) passed=$((passed + 1)) ;;
    FAIL) failed=$((failed + 1)) ;;
    SKIP) skipped=$((skipped + 1)) ;;
  esac
  printf -v line '%-4s  %-14s  %-8s  %8s  %s' "$result" "$name" "$status" "$latency" "$detail"
  say "$line"
}

out_of_time() {
  report FAIL "$1" "-" "-" "not run: the total time bound of $(secs "$total_ms")s is used up"
}

# ---------------------------------------------------------------- HTTP

# GET $1 within $3 ms, with the bearer token when $2 is "auth". Sets http_code, http_ctype,
# http_ms and http_err (empty when an HTTP answer arrived); the body is in $body_file.
http_get() {
  local url=$1 auth=$2 limit_ms=$3 accept=$4 rc=0 seconds max_time
  printf -v max_time '%d.%03d' $((limit_ms / 1000)) $((limit_ms % 1000))
  local -a args=(-q --silent --show-error --proto '=http,https' --output "$body_file"
    --write-out '%{http_code} %{time_total} %{content_type}' --max-time "$max_time" -H "Accept: $accept")
  if [[ $auth == auth && -n $auth_header_file ]]; then args+=(-H "@$auth_header_file"); fi
  local extra
  for extra in ${extra_headers[@]+"${extra_headers[@]}"}; do args+=(-H "$extra"); done
  for extra in ${resolves[@]+"${resolves[@]}"}; do args+=(--resolve "$extra"); done
  : >"$body_file"
  if [[ -n $expect_version ]]; then args+=(--dump-header "$header_file"); : >"$header_file"; fi
  curl "${args[@]}" -- "$url" >"$meta_file" 2>"$curl_err_file" || rc=$?
  http_code="" seconds="" http_ctype=""
  read -r http_code seconds http_ctype <"$meta_file" || true
  http_code=${http_code:-000}
  seconds_to_ms "${seconds:-0}"
  http_err=""
  if ((rc != 0)); then http_err=$(describe_curl_error "$rc" "$limit_ms"); fi
  if [[ -n $expect_version ]]; then note_version "$url"; fi
}

# ---------------------------------------------------------------- which build answered

versions_new=0
versions_old=0
versions_other=0
versions_unnamed=0
first_foreign=""

# The last X-App-Version of the answer's headers (printable, at most 64 characters) in http_version.
read_version() {
  local line name=${VERSION_HEADER,,}
  http_version=""
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    if [[ ${line,,} == "$name":* ]]; then
      http_version=${line#*:}
      http_version=${http_version#"${http_version%%[![:space:]]*}"}
      http_version=${http_version%"${http_version##*[![:space:]]}"}
    fi
  done <"$header_file"
  http_version=$(LC_ALL=C tr -cd '[:graph:]' <<<"${http_version:0:64}")
}

# Counts the build that gave the answer to GET $1. An error answer without the header (a proxy's own 502) is left
# to the check it fails; a 2xx answer without it is from a build that cannot say which it is.
note_version() {
  [[ -z $http_err ]] || return 0
  read_version
  if [[ -z $http_version ]]; then
    [[ $http_code == 2[0-9][0-9] ]] || return 0
    if ((allow_unnamed)); then versions_unnamed=$((versions_unnamed + 1)); return 0; fi
    http_version="(no $VERSION_HEADER header)"
  fi
  if [[ $http_version == "$expect_version" ]]; then
    versions_new=$((versions_new + 1))
  elif [[ -n $allow_version && $http_version == "$allow_version" ]]; then
    versions_old=$((versions_old + 1))
  else
    versions_other=$((versions_other + 1))
    [[ -n $first_foreign ]] || first_foreign="GET $1 (HTTP $http_code) answered by build $http_version"
  fi
}

percent_of() { printf '%d.%d%%' $(($1 * 100 / $2)) $(($1 * 1000 / $2 % 10)); }

check_version() {
  local total=$((versions_new + versions_old + versions_other + versions_unnamed)) wanted="build $expect_version" unnamed=""
  if [[ -n $allow_version ]]; then wanted+=" or $allow_version"; fi
  if ((total == 0)); then
    report FAIL version "-" "-" "no answer named its build in $VERSION_HEADER; expected $wanted"
  elif ((versions_other > 0)); then
    report FAIL version "-" "-" "$versions_other of $total answers came from another build (expected $wanted); first: $first_foreign"
  elif [[ -n $allow_version ]]; then
    if ((versions_unnamed > 0)); then unnamed=", $versions_unnamed unnamed ($(percent_of "$versions_unnamed" "$total"))"; fi
    report PASS version "-" "-" "$total answers: $versions_new from $expect_version ($(percent_of "$versions_new" "$total")), $versions_old from $allow_version ($(percent_of "$versions_old" "$total"))$unnamed"
  else
    report PASS version "-" "-" "all $total answers from build $expect_version"
  fi
}

# curl's time_total (seconds) -> http_ms.
seconds_to_ms() {
  local whole=${1%%.*} frac=${1#*.}
  [[ $whole =~ ^[0-9]+$ ]] || whole=0
  [[ $1 == *.* && $frac =~ ^[0-9]+$ ]] || frac=0
  frac=${frac}000
  http_ms=$((10#$whole * 1000 + 10#${frac:0:3}))
}

describe_curl_error() {
  local rc=$1 limit_ms=$2 message
  message=$(head -n 1 "$curl_err_file" 2>/dev/null || true)
  case $rc in
    28) printf 'no answer within %ss (timed out; %s)' "$(secs "$limit_ms")" "$message" ;;
    7) printf 'could not connect: connection refused or host down (%s)' "$message" ;;
    6) printf 'could not resolve the host (%s)' "$message" ;;
    52) printf 'the server closed the connection without an answer (%s)' "$message" ;;
    *) printf 'request failed (curl exit %s: %s)' "$rc" "$message" ;;
  esac
}

body_excerpt() {
  local raw
  if [[ ! -s $body_file ]]; then
    printf 'empty body'
    return
  fi
  # Read a little more than shown so a token cut at the edge is still recognised and redacted.
  raw=$(head -c $((EXCERPT_BYTES + ${#token})) "$body_file" | LC_ALL=C tr '\r\n\t' '   ' | LC_ALL=C tr -cd '[:print:]')
  redact "$raw"
  printf 'body: %s' "${redacted:0:EXCERPT_BYTES}"
}

is_json_type() { [[ ${1,,} =~ ^application/([a-z0-9.+-]+\+)?json([[:space:]]*;.*)?$ ]]; }

looks_like_html() {
  [[ ${http_ctype,,} == text/html* ]] && return 0
  local start
  start=$(head -c 64 "$body_file" | LC_ALL=C tr -d '[:space:]')
  [[ $start == \<* ]]
}

# ---------------------------------------------------------------- judging answers
# Each judge returns 0 on pass (judge_json keeps the filter's output in json_value); otherwise sets why and returns 1 (may change, worth retrying)
# or 2 (will not change by waiting).

judge_http_200() {
  if [[ -n $http_err ]]; then why=$http_err; return 1; fi
  if [[ $http_code == 401 || $http_code == 403 ]]; then
    if ((has_token)); then
      why="authentication failed (HTTP $http_code): the API rejected API_TOKEN; $(body_excerpt)"
    else
      why="authentication failed (HTTP $http_code): no API_TOKEN was given; $(body_excerpt)"
    fi
    return 2
  fi
  if [[ $http_code != 200 ]]; then why="expected HTTP 200, got $http_code; $(body_excerpt)"; return 1; fi
}

judge_json() {
  local filter=$1 wanted=$2 rc=0
  judge_http_200 || return $?
  if ! is_json_type "$http_ctype"; then
    why="expected a JSON answer, got Content-Type '${http_ctype:-none}'"
    if looks_like_html; then why+=" (an HTML page: is a single-page-app fallback or a proxy page answering this path?)"; fi
    why+="; $(body_excerpt)"
    return 2
  fi
  json_value=$(jq -e "$filter" "$body_file" 2>/dev/null) || rc=$?
  if ((rc == 0)); then return 0; fi
  if ((rc == 1)); then why="expected $wanted; $(body_excerpt)"; else why="the body is not valid JSON; $(body_excerpt)"; fi
  return 2
}

readonly READY_FILTER='type == "object" and (.status | type == "string")
  and (.status | ascii_downcase | . == "ready" or . == "ok" or . == "healthy")'

judge_ready() {
  local rc=0
  judge_json "$READY_FILTER" 'a JSON object with "status": "ready"' || rc=$?
  # A JSON answer that is not ready yet (e.g. {"status":"starting"}) is worth waiting for.
  if ((rc == 2)) && [[ $http_code == 200 && $why == expected\ a\ JSON\ object* ]]; then rc=1; fi
  return $rc
}

# ---------------------------------------------------------------- checks

check_readiness() {
  local url=$api_base_url$READY_PATH attempt=1 delay=$backoff_ms rc started
  # Keep one request timeout (at most half the bound) for the other checks.
  local reserve=$((timeout_ms < total_ms / 2 ? timeout_ms : total_ms / 2))
  local ready_deadline=$((deadline - reserve))
  clock
  started=$now
  while :; do
    budget_until "$ready_deadline"
    ((budget > 0)) || budget=1
    http_get "$url" noauth "$budget" 'application/json'
    rc=0
    judge_ready || rc=$?
    clock
    if ((rc == 0)); then
      report PASS readiness "$http_code" "${http_ms}ms" "GET $url: ready (attempt $attempt of $ready_attempts, $(ms_text $((now - started)))s)"
      return
    fi
    if ((rc == 2)); then
      report FAIL readiness "$http_code" "${http_ms}ms" "GET $url: $why"
      return
    fi
    if ((attempt >= ready_attempts)); then
      report FAIL readiness "$http_code" "${http_ms}ms" "GET $url: not ready after $attempt attempts in $(ms_text $((now - started)))s; last answer: $why"
      return
    fi
    if ((now + delay >= ready_deadline)); then
      report FAIL readiness "$http_code" "${http_ms}ms" "GET $url: not ready within the time bound ($attempt attempts in $(ms_text $((now - started)))s); last answer: $why"
      return
    fi
    sleep "$(ms_text "$delay")"
    delay=$((delay * 2 > backoff_max_ms ? backoff_max_ms : delay * 2))
    attempt=$((attempt + 1))
  done
}

check_vehicles() {
  local url=$api_base_url$VEHICLES_PATH count
  budget_until "$deadline"
  if ((budget <= 0)); then out_of_time api-vehicles; return; fi
  http_get "$url" auth "$budget" 'application/json'
  if judge_json 'if type == "array" then length else false end' 'a JSON array of vehicles'; then
    count=$json_value
    local noun=vehicles
    if ((count == 1)); then noun=vehicle; fi
    report PASS api-vehicles "$http_code" "${http_ms}ms" "GET $url: JSON array with $count $noun"
  else
    report FAIL api-vehicles "$http_code" "${http_ms}ms" "GET $url: $why"
  fi
}

asset_url=""

check_frontend_page() {
  local url=$frontend_url/ html src
  budget_until "$deadline"
  if ((budget <= 0)); then out_of_time frontend-page; return; fi
  http_get "$url" noauth "$budget" 'text/html'
  judge_http_200 || { report FAIL frontend-page "$http_code" "${http_ms}ms" "GET $url: $why"; return; }
  if [[ ${http_ctype,,} != text/html* ]]; then
    report FAIL frontend-page "$http_code" "${http_ms}ms" "GET $url: expected an HTML page, got Content-Type '${http_ctype:-none}'; $(body_excerpt)"
    return
  fi
  html=$(head -c "$PAGE_BYTES" "$body_file" | tr -d '\0')
  local root_re='id[[:space:]]*=[[:space:]]*["'\'']root["'\'']'
  local script_re='<script[^>]*[[:space:]]src[[:space:]]*=[[:space:]]*["'\'']([^"'\'']+)["'\'']'
  if [[ ! $html =~ $root_re ]]; then
    report FAIL frontend-page "$http_code" "${http_ms}ms" "GET $url: HTML without the app's root element (id=\"root\"); $(body_excerpt)"
    return
  fi
  if [[ ! $html =~ $script_re ]]; then
    report FAIL frontend-page "$http_code" "${http_ms}ms" "GET $url: HTML without a <script src=...> of the app; $(body_excerpt)"
    return
  fi
  src=${BASH_REMATCH[1]//&amp;/&}
  asset_url=$(resolve_url "$src")
  report PASS frontend-page "$http_code" "${http_ms}ms" "GET $url: app page with its root element and script $src"
}

# Resolves a script src from the page at FRONTEND_URL/ to an absolute URL.
resolve_url() {
  local src=$1 origin scheme
  [[ $frontend_url =~ ^(https?)://[^/]+ ]]
  origin=${BASH_REMATCH[0]}
  scheme=${BASH_REMATCH[1]}
  case $src in
    http://* | https://*) printf '%s' "$src" ;;
    //*) printf '%s:%s' "$scheme" "$src" ;;
    /*) printf '%s%s' "$origin" "$src" ;;
    *) printf '%s/%s' "$frontend_url" "${src#./}" ;;
  esac
}

check_frontend_asset() {
  if [[ -z $asset_url ]]; then
    report SKIP frontend-asset "-" "-" "no script of the app to load (the frontend-page check failed)"
    return
  fi
  budget_until "$deadline"
  if ((budget <= 0)); then out_of_time frontend-asset; return; fi
  http_get "$asset_url" noauth "$budget" '*/*'
  local why_asset=""
  if judge_http_200; then
    if [[ ! ${http_ctype,,} =~ (java|ecma)script ]]; then
      why_asset="expected a JavaScript content type, got '${http_ctype:-none}'"
      if looks_like_html; then why_asset+=" (an HTML page: the asset is missing and a fallback answers)"; fi
      why_asset+="; $(body_excerpt)"
    elif [[ ! -s $body_file ]]; then
      why_asset="the script is empty"
    fi
  else
    why_asset=$why
  fi
  if [[ -n $why_asset ]]; then
    report FAIL frontend-asset "$http_code" "${http_ms}ms" "GET $asset_url: $why_asset"
  else
    report PASS frontend-asset "$http_code" "${http_ms}ms" "GET $asset_url: JavaScript ($(wc -c <"$body_file" | tr -d ' ') bytes)"
  fi
}

check_error_rate() {
  if ((probe_requests == 0)); then
    report SKIP error-rate "-" "-" "off (set SMOKE_PROBE_REQUESTS to probe)"
    return
  fi
  local url=$api_base_url$probe_path sent=0 errors=0 sum_ms=0 max_ms=0 first_error=""
  while ((sent < probe_requests)); do
    budget_until "$deadline"
    ((budget > 0)) || break
    http_get "$url" auth "$budget" 'application/json'
    sent=$((sent + 1))
    sum_ms=$((sum_ms + http_ms))
    ((http_ms <= max_ms)) || max_ms=$http_ms
    if [[ -z $http_err && $http_code == 2[0-9][0-9] ]]; then continue; fi
    errors=$((errors + 1))
    [[ -n $first_error ]] || first_error=${http_err:-HTTP $http_code; $(body_excerpt)}
  done
  report_error_rate "$url" "$sent" "$errors" "$sum_ms" "$max_ms" "$first_error"
}

report_error_rate() {
  local url=$1 sent=$2 errors=$3 sum_ms=$4 max_ms=$5 first_error=$6 rate_bp avg
  avg=$((sent > 0 ? sum_ms / sent : 0))
  rate_bp=$((sent > 0 ? errors * 10000 / sent : 0))
  local numbers
  numbers="$errors of $sent failed ($((rate_bp / 100)).$(printf '%02d' $((rate_bp % 100)))%), limit $max_error_rate%, max ${max_ms}ms"
  if ((sent < probe_requests)); then
    report FAIL error-rate "-" "${avg}ms" "GET $url: the time bound was used up after $sent of $probe_requests requests; $numbers"
  elif ((errors * 10000 > max_rate_bp * sent)); then
    report FAIL error-rate "-" "${avg}ms" "GET $url: $numbers; first error: $first_error"
  else
    report PASS error-rate "-" "${avg}ms" "GET $url: $numbers$(five_percent_chance "$sent")"
  fi
}

# What a pass with no failure allowed proves: a target failing 5 % of requests passes n of them all with 0.95^n
# (README "The error-rate probe's numbers"). Said only when the limit allows no failure at this count.
five_percent_chance() {
  local sent=$1
  ((sent > 0 && max_rate_bp * sent < 10000)) || return 0
  printf '; a target failing 5%% of requests would pass this with %s%% (0.95^%d)' \
    "$(jq -rn --argjson n "$sent" '(pow(0.95; $n) * 10000 | round) / 100')" "$sent"
}

# ---------------------------------------------------------------- main

main() {
  parse_args "$@"
  validate_settings
  require_tools
  load_token
  make_work_dir
  if ((trace_on)); then start_trace; fi

  clock
  local started=$now
  deadline=$((now + total_ms))
  local token_note=none
  if ((has_token)); then token_note=given; fi
  say "smoke: API $api_base_url, frontend $frontend_url, token $token_note, request timeout $(secs "$timeout_ms")s, bound $(secs "$total_ms")s"
  if ((${#extra_headers[@]} > 0)); then say "smoke: extra headers: $(IFS=';'; printf '%s' "${extra_headers[*]}")"; fi
  if ((${#resolves[@]} > 0)); then say "smoke: resolving $(IFS=' '; printf '%s' "${resolves[*]}")"; fi
  if [[ -n $expect_version ]]; then say "smoke: expecting build $expect_version${allow_version:+ (or $allow_version)} in $VERSION_HEADER"; fi

  check_readiness
  check_vehicles
  check_frontend_page
  check_frontend_asset
  check_error_rate
  if [[ -n $expect_version ]]; then check_version; fi

  clock
  local summary="smoke: $passed passed, $failed failed"
  if ((skipped > 0)); then summary+=", $skipped skipped"; fi
  say "$summary in $(ms_text $((now - started)))s"
  if ((failed > 0)); then exit 1; fi
  exit 0
}

main "$@"
