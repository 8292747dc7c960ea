#!/usr/bin/env bash
# The dashboard benchmark: prints its figures, asserts nothing.
#   1. time to first and last byte of an authenticated dashboard, every source quick, then
#      with CoZo answering after 5 s (the portal's answer cache off: every request asks
#      every source);
#   2. authenticated dashboard requests per second at 50 and 200 concurrent sessions (wrk),
#      next to nginx serving a saved copy of the same page on the same machine, in the same
#      run; p50/p99 latency; audit entries written per request;
#   3. the size of the browser bundle (WASM + JS), raw and gzip.
# Release builds; loopback only. BENCH_SECONDS (default 10) per load run.
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

NGINX_PID=""
cleanup() {
  stop_all
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

audit_rows() { sqlite3 "$DATA_DIR/carnet.db" 'SELECT count(*) FROM audit_entries'; }
fault() { curl -fsS -X PUT -H 'content-type: application/json' -d "$2" "http://127.0.0.1:$HUBS/admin/faults/$1" >/dev/null; }

# --- 1. Time to first and last byte, the answer cache off --------------------------------
log "starting the stack (answer cache off)"
export CARNET_RATE_AUTH_PER_MINUTE=100000   # 200 logins from one address
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
local i = math.random(#cookies)
request = function()
  i = i % #cookies + 1
  return wrk.format("GET", "/dashboard", { ["Cookie"] = "carnet_session=" .. cookies[i] })
end
LUA

# wrk's figures: requests/s, p50, p99, non-2xx responses.
load() {
  local url="$1" connections="$2" script="${3:-}"
  local out
  out="$(BENCH_COOKIES="$WORK/cookies" wrk -t2 -c"$connections" -d"${SECONDS_PER_RUN}s" --latency ${script:+-s "$script"} "$url")"
  local rps p50 p99 bad
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  bad="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  echo "$rps $p50 $p99 ${bad:-0}"
}

log "warming up"
load "$PORTAL/dashboard" 50 "$WORK/sessions.lua" >/dev/null
declare -A RESULT
for c in 50 200; do
  log "nginx, $c connections"
  RESULT[nginx-$c]="$(load "http://127.0.0.1:$NGINX/dashboard" "$c")"
  log "Carnet, $c sessions"
  before="$(audit_rows)"
  RESULT[carnet-$c]="$(load "$PORTAL/dashboard" "$c" "$WORK/sessions.lua")"
  sleep 1
  RESULT[audit-$c]="$(( $(audit_rows) - before ))"
done

# --- 3. The browser bundle --------------------------------------------------------------
size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
WASM="$SITE/pkg/carnet_bg.wasm" JS="$SITE/pkg/carnet.js"

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
echo "Authenticated dashboard, ${SECONDS_PER_RUN} s per run, wrk -t2 (on the same 2 cores):"
printf '  %-28s %10s %10s %10s %8s %14s\n' "" "req/s" "p50" "p99" "non-2xx" "audit/request"
for c in 50 200; do
  read -r nr np50 np99 nbad <<<"${RESULT[nginx-$c]}"
  read -r cr cp50 cp99 cbad <<<"${RESULT[carnet-$c]}"
  total="$(awk -v r="$cr" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%d", r * s}')"
  per="$(awk -v a="${RESULT[audit-$c]}" -v t="$total" 'BEGIN {if (t > 0) printf "%.2f", a / t; else print "-"}')"
  [ "$nbad" = 0 ] || die "nginx answered $nbad requests with an error: see $WORK/nginx/error.log"
  printf '  %-28s %10s %10s %10s %8s %14s\n' "nginx, saved page, $c conn." "$nr" "$np50" "$np99" "$nbad" "-"
  printf '  %-28s %10s %10s %10s %8s %14s\n' "Carnet, $c sessions" "$cr" "$cp50" "$cp99" "$cbad" "$per"
  awk -v c="$cr" -v n="$nr" -v k="$c" 'BEGIN {printf "  Carnet / nginx at %d: %.1f %% (target >= 25 %%)\n", k, 100 * c / n}'
done
echo
echo "Browser bundle: WASM $(size "$WASM") B raw, $(gz "$WASM") B gzip; JS $(size "$JS") B raw, $(gz "$JS") B gzip;" \
  "total $(( $(gz "$WASM") + $(gz "$JS") )) B gzip (target <= 250 KB)"
