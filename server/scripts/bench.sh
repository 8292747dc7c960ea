#!/usr/bin/env bash
# The dashboard benchmark: prints its figures, asserts nothing.
#   1. time to first and last byte of an authenticated dashboard, every source quick, then
#      with CoZo answering after 5 s (the portal's answer cache off: every request asks
#      every source);
#   2. requests per second (wrk), p50/p99 and audit entries written per request of: the
#      health check, the anonymous landing page, a logged-in page that reads no data (the
#      glossary), one record page, the dashboard (at 50 and 200 sessions), and nginx serving
#      a saved copy of the dashboard, all in the same run, with the ratios the targets name;
#   3. Lighthouse (mobile profile) on the dashboard and the record pages: LCP and the rest;
#      BENCH_LIGHTHOUSE=0 skips it;
#   4. two instances on one PostgreSQL behind nginx against one (BENCH_INSTANCES=0 skips),
#      and the audit log both wrote, verified as one;
#   5. the size of the browser bundle (WASM + JS), raw and gzip.
# Release builds; loopback only. BENCH_SECONDS (default 10) per load run. BENCH_PROFILE=1
# samples the portal with perf during the dashboard row and prints the top of the profile.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
PORT=3100 IDP=3102 HUBS=3110 NGINX=3120
WORK="$(mktemp -d /tmp/carnet-bench.XXXXXX)"
DATA_DIR="$WORK/data"
BIN=./target/release
PORTAL="http://127.0.0.1:$PORT"

ensure_all
command -v wrk >/dev/null || apt_install wrk
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_install nginx
command -v sqlite3 >/dev/null || apt_install sqlite3
build_site
log "building the portal and the demo hubs (release)"
cargo build --release -p carnet -p carnet-demo-hubs --quiet || die "release build failed"

NGINX_PID="" NGINX2_PID=""
cleanup() {
  stop_all
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$NGINX2_PID" ] && kill "$NGINX2_PID" 2>/dev/null || true
  [ -d "$WORK/pg" ] && stop_postgres "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT

audit_rows() {
  if [ -n "${PG:-}" ]; then psql -qAt "postgres://postgres@127.0.0.1:$PG/carnet" -c 'SELECT count(*) FROM audit_entries'
  else sqlite3 "$DATA_DIR/carnet.db" 'SELECT count(*) FROM audit_entries'; fi
}
fault() { curl -fsS -X PUT -H 'content-type: application/json' -d "$2" "http://127.0.0.1:$HUBS/admin/faults/$1" >/dev/null; }

# --- 1. Time to first and last byte, the answer cache off --------------------------------
log "starting the stack (answer cache off)"
export CARNET_RATE_AUTH_PER_MINUTE=100000   # 200 logins from one address
export CARNET_RATE_PAGES_PER_MINUTE=10000000   # wrk asks for one session's dashboard thousands of times a second
CARNET_CACHE_FRESH_SECONDS=0 start_stack "$PORT" "$IDP" "$HUBS"
log "logging in 200 sessions"
node server/scripts/bench.mjs login "$PORTAL" 200 "$WORK/cookies"
COOKIE="$(head -1 "$WORK/cookies")"   # Sofie: the richest record
node server/scripts/bench.mjs timing "$PORTAL" "$COOKIE" 3 >/dev/null   # warm up
FAST="$(node server/scripts/bench.mjs timing "$PORTAL" "$COOKIE" 21)"
# With a slow source each request follows 5 s of idleness; so does this one.
IDLE="$(node server/scripts/bench.mjs timing "$PORTAL" "$COOKIE" 7 5000)"
fault cozo '{"latency_ms":5000}'
SLOW="$(node server/scripts/bench.mjs timing "$PORTAL" "$COOKIE" 7)"
fault cozo '{}'
node server/scripts/bench.mjs save "$PORTAL" "$COOKIE" "$WORK/dashboard.html"

# --- 2. Throughput: the portal as deployed (answers kept 60 s per person) vs nginx --------
log "restarting the portal with its default answer cache"
kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true
start_portal "$PORT" "$IDP" "$HUBS"

mkdir -p "$WORK/www" "$WORK/nginx"
cp "$WORK/dashboard.html" "$WORK/www/dashboard.html"
chmod -R a+rX "$WORK"   # nginx's workers run as another user
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  server {
    listen 127.0.0.1:$NGINX;
    root $WORK/www;
    location = /dashboard { default_type text/html; try_files /dashboard.html =404; }
  }
}
CONF
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
"$NGINX_BIN" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 0.5

cat >"$WORK/sessions.lua" <<'LUA'
-- Each request carries the next session's cookie: every session is a different visitor.
local cookies = {}
for line in io.lines(os.getenv("BENCH_COOKIES")) do cookies[#cookies + 1] = line end
local path = os.getenv("BENCH_PATH")
local encoding = os.getenv("BENCH_ENCODING")
local i = math.random(#cookies)
request = function()
  i = i % #cookies + 1
  local headers = { ["Cookie"] = "carnet_session=" .. cookies[i] }
  if encoding ~= "" then headers["Accept-Encoding"] = encoding end
  return wrk.format("GET", path, headers)
end
LUA

# wrk's figures: requests/s, p50, p99, non-2xx responses. With a path as fourth argument,
# every request is a logged-in session's (round the 200 sessions).
load() {
  local url="$1" connections="$2" path="${3:-}" encoding="${4:-}"
  local out
  out="$(BENCH_COOKIES="$WORK/cookies" BENCH_PATH="$path" BENCH_ENCODING="$encoding" wrk -t2 -c"$connections" -d"${SECONDS_PER_RUN}s" \
    --latency ${path:+-s "$WORK/sessions.lua"} "$url")"
  local rps p50 p99 bad
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  bad="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  echo "$rps $p50 $p99 ${bad:-0}"
}

# One row: name, URL, connections, session path (empty: anonymous). Audit entries written
# per request are counted from the database.
declare -A RESULT AUDIT
ROWS=()
row() {
  local name="$1" url="$2" connections="$3" path="${4:-}" encoding="${5:-}"
  log "$name"
  local before
  before="$(audit_rows)"
  RESULT[$name]="$(load "$url" "$connections" "$path" "$encoding")"
  sleep 1
  AUDIT[$name]="$(( $(audit_rows) - before ))"
  ROWS+=("$name")
}

log "warming up"
load "$PORTAL/dashboard" 50 /dashboard >/dev/null
row "/healthz (axum alone)" "$PORTAL/healthz" 50
row "/ anonymous landing" "$PORTAL/" 50
row "/glossary anonymous" "$PORTAL/glossary" 50
row "/glossary logged in, no data" "$PORTAL/glossary" 50 /glossary
row "/vaccinations (one scope)" "$PORTAL/vaccinations" 50 /vaccinations
# With BENCH_PROFILE=1, perf samples the portal during a row; its profile is printed at the end.
profiled_row() {
  local file="$1"; shift
  if [ "${BENCH_PROFILE:-0}" != 1 ]; then row "$@"; return; fi
  command -v perf >/dev/null || apt_install linux-perf
  perf record -F 499 -o "$WORK/perf.data" -p "$PORTAL_PID" -- sleep "$SECONDS_PER_RUN" >/dev/null 2>&1 &
  local perf_pid=$!
  row "$@"
  wait "$perf_pid" || true
  perf report -i "$WORK/perf.data" --no-children --sort symbol --stdio 2>/dev/null \
    | grep -v '^#' | grep -v '^$' | sed -E 's/([[:space:]]+-)+[[:space:]]*$//; s/[[:space:]]+$//' | head -40 >"$WORK/$file" || true
}
profiled_row profile.txt "/dashboard (every scope)" "$PORTAL/dashboard" 50 /dashboard
# Compressed between two plain runs: the audit log grows with every request, so a later
# run meets a bigger database; the headline compares with the mean of the two around it.
profiled_row profile-gzip.txt "/dashboard, as browsers ask" "$PORTAL/dashboard" 50 /dashboard "gzip, deflate, br, zstd"
row "/dashboard (every scope), again" "$PORTAL/dashboard" 50 /dashboard
row "nginx, saved dashboard" "http://127.0.0.1:$NGINX/dashboard" 50
row "/dashboard, brotli only" "$PORTAL/dashboard" 50 /dashboard br
row "/dashboard, 200 sessions" "$PORTAL/dashboard" 200 /dashboard
row "nginx, saved dashboard, 200" "http://127.0.0.1:$NGINX/dashboard" 200
PAGE_BYTES="$(wc -c <"$WORK/dashboard.html")"
GLOSSARY_BYTES="$(curl -fsS -H "Cookie: carnet_session=$COOKIE" "$PORTAL/glossary" | wc -c)"
LANDING_BYTES="$(curl -fsS "$PORTAL/" | wc -c)"
BROTLI_BYTES="$(curl -fsS -H "Cookie: carnet_session=$COOKIE" -H 'Accept-Encoding: br' "$PORTAL/dashboard" | wc -c)"
GZIP_BYTES="$(curl -fsS -H "Cookie: carnet_session=$COOKIE" -H 'Accept-Encoding: gzip' "$PORTAL/dashboard" | wc -c)"

# --- 3. On a phone's network: Lighthouse, mobile profile (simulated slow 4G) -------------
LIGHTHOUSE=""
if [ "${BENCH_LIGHTHOUSE:-1}" != 0 ]; then
  command -v chromium >/dev/null || apt_install chromium
  ensure_npm server/scripts/lighthouse
  log "Lighthouse on the dashboard and the record pages"
  LIGHTHOUSE="$(node server/scripts/lighthouse/run.mjs "$PORTAL" "$COOKIE" \
    /dashboard /documents /vaccinations /medication /summary)"
fi

# --- 5. Two instances on PostgreSQL behind nginx ------------------------------------------
INSTANCES=""
if [ "${BENCH_INSTANCES:-1}" != 0 ]; then
  log "two instances on one PostgreSQL behind nginx"
  kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true
  PG=3130 A=3140 B=3141 ONE=3150 TWO=3151 IDP2=3152
  start_postgres "$WORK/pg" "$PG"
  psql -q "postgres://postgres@127.0.0.1:$PG/postgres" -c 'CREATE DATABASE carnet' >/dev/null
  IDP_PORT="$IDP2" IDP_REDIRECT_URIS="http://127.0.0.1:$ONE/auth/callback" \
    IDP_POST_LOGOUT_REDIRECT_URIS="http://127.0.0.1:$ONE/logged-out" \
    node server/idp/server.mjs >"$WORK/idp2.log" 2>&1 &
  PIDS+=($!)
  wait_for_line "$WORK/idp2.log" $! "the second identity provider" >/dev/null
  # Shared: the database and the keys; each instance its own logs and checkpoint file.
  export CARNET_SECRET_KEY_FILE="$WORK/shared/secret.key" CARNET_AUDIT_KEY_FILE="$WORK/shared/audit.key"
  mkdir -p "$WORK/shared"
  for instance in "$A" "$B"; do
    DATA_DIR="$WORK/instance-$instance" CARNET_PUBLIC_URL="http://127.0.0.1:$ONE" \
      CARNET_DATABASE_URL="postgres://postgres@127.0.0.1:$PG/carnet" start_portal "$instance" "$IDP2" "$HUBS"
  done
  cat >"$WORK/nginx/two.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/two.pid;
error_log $WORK/nginx/two-error.log;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  upstream one { server 127.0.0.1:$A; keepalive 64; }
  upstream two { server 127.0.0.1:$A; server 127.0.0.1:$B; keepalive 64; }
  server {
    listen 127.0.0.1:$ONE;
    location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; proxy_buffering off; }
  }
  server {
    listen 127.0.0.1:$TWO;
    location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; proxy_buffering off; }
  }
}
CONF
  "$NGINX_BIN" -c "$WORK/nginx/two.conf" -g 'daemon off;' &
  NGINX2_PID=$!
  sleep 0.5
  node server/scripts/bench.mjs login "http://127.0.0.1:$ONE" 200 "$WORK/cookies"
  load "http://127.0.0.1:$TWO/dashboard" 50 /dashboard >/dev/null   # warm both
  row "1 instance behind nginx" "http://127.0.0.1:$ONE/dashboard" 50 /dashboard
  row "2 instances behind nginx" "http://127.0.0.1:$TWO/dashboard" 50 /dashboard
  sleep 1.5   # a checkpoint of each chain
  INSTANCES="$(CARNET_DATABASE_URL="postgres://postgres@127.0.0.1:$PG/carnet" "$BIN/carnet" audit verify \
    "$WORK/instance-$A/audit-checkpoints.jsonl" "$WORK/instance-$B/audit-checkpoints.jsonl" 2>&1)" \
    || INSTANCES="DOES NOT VERIFY: $INSTANCES"
fi

# --- 6. The browser bundle --------------------------------------------------------------
size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
NAME="$(cat "$SITE/pkg/name.txt")"
WASM="$SITE/pkg/${NAME}_bg.wasm" JS="$SITE/pkg/$NAME.js"

# --- Figures ----------------------------------------------------------------------------
node - "$FAST" "$IDLE" "$SLOW" <<'JS'
const [fast, idle, slow] = process.argv.slice(2).map(JSON.parse);
const f = (x) => x.toFixed(1).padStart(8);
console.log('\nDashboard (Sofie, answer cache off), medians, ms:');
console.log(`  ${''.padEnd(34)}     TTFB      TTLB  TTFB max  TTLB max`);
const row = (label, x) => console.log(`  ${label.padEnd(34)} ${f(x.ttfb)}  ${f(x.ttlb)}  ${f(x.ttfbMax)}  ${f(x.ttlbMax)}`);
row('all quick, back to back (21)', fast);
row('all quick, 5 s idle before (7)', idle);
row('CoZo at 5 s (7)', slow);
console.log(`  TTFB ratio slow / quick after the same idleness: ${(slow.ttfb / idle.ttfb).toFixed(2)} (target <= 1.2);` +
  ` slow / back to back: ${(slow.ttfb / fast.ttfb).toFixed(2)}; page ${fast.bytes} bytes`);
JS
echo
echo "Requests per second, ${SECONDS_PER_RUN} s per run, wrk -t2 on the same 2 cores, 50 connections unless said;"
echo "logged-in rows go round 200 sessions (six demo citizens), the hubs' answers kept 60 s per person:"
printf '  %-32s %10s %10s %10s %8s %14s\n' "" "req/s" "p50" "p99" "non-2xx" "audit/request"
for name in "${ROWS[@]}"; do
  read -r r p50 p99 bad <<<"${RESULT[$name]}"
  total="$(awk -v r="$r" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%d", r * s}')"
  per="$(awk -v a="${AUDIT[$name]}" -v t="$total" 'BEGIN {if (t > 0) printf "%.2f", a / t; else print "-"}')"
  printf '  %-32s %10s %10s %10s %8s %14s\n' "$name" "$r" "$p50" "$p99" "$bad" "$per"
done
rps() { read -r r _ <<<"${RESULT[$1]}"; echo "$r"; }
ratio() { awk -v a="$(rps "$1")" -v b="$(rps "$2")" 'BEGIN {printf "%.1f %%", 100 * a / b}'; }
PLAIN="$(awk -v a="$(rps "/dashboard (every scope)")" -v b="$(rps "/dashboard (every scope), again")" 'BEGIN {printf "%.2f", (a + b) / 2}')"
echo "  HEADLINE dashboard as browsers ask: $(rps "/dashboard, as browsers ask") req/s," \
  "$(awk -v a="$(rps "/dashboard, as browsers ask")" -v b="$PLAIN" 'BEGIN {printf "%.1f %%", 100 * a / b}') of uncompressed" \
  "(the mean of the plain runs before and after it, $PLAIN req/s; target >= 85 %)"
echo "  page sizes: dashboard $PAGE_BYTES B (gzip $GZIP_BYTES B, brotli $BROTLI_BYTES B), glossary $GLOSSARY_BYTES B, landing $LANDING_BYTES B"
echo "  dashboard / logged-in glossary:   $(ratio "/dashboard (every scope)" "/glossary logged in, no data")  (target >= 75 %)"
echo "  logged-in glossary / landing:     $(ratio "/glossary logged in, no data" "/ anonymous landing")  (target >= 60 %)"
echo "  logged-in glossary / anonymous:   $(ratio "/glossary logged in, no data" "/glossary anonymous")  (the session layer alone, same page)"
echo "  dashboard / nginx (50):           $(ratio "/dashboard (every scope)" "nginx, saved dashboard")"
echo "  dashboard / nginx (200):          $(ratio "/dashboard, 200 sessions" "nginx, saved dashboard, 200")"
echo "  (\"as browsers ask\": Accept-Encoding: gzip, deflate, br, zstd, answered with gzip; \"brotli only\": a browser"
echo "   without gzip; the other rows ask for no compression)"
if [ -n "$INSTANCES" ]; then
  echo "  two instances / one: $(ratio "2 instances behind nginx" "1 instance behind nginx") (PostgreSQL, both on the same 2 cores as nginx, wrk and the database)"
  echo "  audit log of both instances, verified as one: $INSTANCES"
fi
if [ -n "$LIGHTHOUSE" ]; then
  echo
  echo "Lighthouse 12.2.3, mobile profile (simulated slow 4G, 4x CPU slowdown), Sofie's pages:"
  echo "$LIGHTHOUSE"
fi
for profile in profile.txt profile-gzip.txt; do
  if [ -s "$WORK/$profile" ]; then
    echo
    echo "Top of the portal's profile during the dashboard row${profile#profile}:" \
      "(perf, self time, by symbol; -gzip.txt: as browsers ask)"
    sed 's/^/  /' "$WORK/$profile"
  fi
done
echo
echo "Browser bundle: WASM $(size "$WASM") B raw, $(gz "$WASM") B gzip; JS $(size "$JS") B raw, $(gz "$JS") B gzip;" \
  "total $(( $(gz "$WASM") + $(gz "$JS") )) B gzip (target <= 250 KB)"
