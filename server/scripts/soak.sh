#!/usr/bin/env bash
# The load and soak test, with a crash and a database restart. Prints its figures; fails
# only on what must never happen (no timing is asserted):
#   1. soak: SOAK_SESSIONS (200) demo sessions of every role browse for SOAK_SECONDS (600)
#      against the demo hubs with 1 % injected faults, on PostgreSQL: requests/s, p50/p99,
#      errors (must be 0), the portal's RSS and open file descriptors every 10 s; then
#      `carnet audit verify` must pass and the audit log must hold exactly the entries of
#      the data page views the load tool made (one per kind of data per view);
#   2. crash: `kill -9` of the portal under load, restarted on the same database: the
#      sessions still work (no new login), every page view acknowledged before the crash
#      still has its entries, and the audit log verifies;
#   3. database restart under load: while PostgreSQL is down the portal answers with its
#      translated error page or a page that names what failed, never hangs, and
#      `/readyz` says so; afterwards it serves again without being restarted.
# BIN (default ./target/release, built here) picks the binaries; the test command runs a
# 60-second version on its debug build (SOAK_SECONDS=60). Loopback only.
set -euo pipefail
WANT_BIN="${BIN:-}"
source "$(dirname "$0")/lib.sh"

SECONDS_TOTAL="${SOAK_SECONDS:-600}"
SESSIONS="${SOAK_SESSIONS:-200}"
WORK="$(mktemp -d /tmp/carnet-soak.XXXXXX)"
chmod 755 "$WORK"
DATA_DIR="$WORK/stack"
PG_DIR="$WORK/pg"
PORT="$(free_port)" IDP="$(free_port)" HUBS="$(free_port_run)" PG_PORT="$(free_port)"
PORTAL="http://127.0.0.1:$PORT"

BIN="$WANT_BIN"
if [ -z "$BIN" ]; then
  BIN=./target/release
  ensure_all
  build_site
  log "building the portal and the demo hubs (release)"
  cargo build --release -p carnet -p carnet-demo-hubs --quiet || die "release build failed"
fi

cleanup() {
  set +e
  stop_all
  stop_postgres "$PG_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT

start_postgres "$PG_DIR" "$PG_PORT"
psql -q "postgres://postgres@127.0.0.1:$PG_PORT/postgres" -c 'CREATE DATABASE carnet' >/dev/null
export CARNET_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/carnet"
export CARNET_RATE_AUTH_PER_MINUTE=100000 CARNET_RATE_API_PER_MINUTE=100000 CARNET_RATE_PAGES_PER_MINUTE=100000
start_stack "$PORT" "$IDP" "$HUBS"
for source in $(awk -F'"' '/^id = / {print $2}' server/carnet/sources.toml); do
  curl -fsS -X PUT -H 'content-type: application/json' -d '{"error_rate":0.01}' \
    "http://127.0.0.1:$HUBS/admin/faults/$source" >/dev/null || true
done

audit_tsv() {
  psql -qAt -F $'\t' "$CARNET_DATABASE_URL" -c "SELECT request_id, action, outcome FROM audit_entries WHERE request_id IS NOT NULL" >"$1"
}
verify_audit() {
  CARNET_DATA_DIR="$DATA_DIR" "$BIN/carnet" audit verify 2>&1
}
wait_browsing() { # until the load tool's sessions are logged in
  for _ in $(seq 1 600); do [ -f "$1/browsing" ] && return 0; kill -0 "$LOAD" || die "the load tool stopped"; sleep 0.1; done
  die "the load tool did not log in"
}
sample() { # rss_kb fds
  echo "$(awk '/VmRSS/ {print $2}' "/proc/$PORTAL_PID/status") $(ls "/proc/$PORTAL_PID/fd" | wc -l)"
}

# --- 1. Soak ----------------------------------------------------------------------------
log "soak: $SESSIONS sessions for $SECONDS_TOTAL s, 1 % faults at every source"
mkdir -p "$WORK/soak"
node server/scripts/load.mjs run "$PORTAL" "$SECONDS_TOTAL" "$SESSIONS" "$WORK/soak" >"$WORK/soak/figures.json" &
LOAD=$!
SAMPLES=()
while kill -0 "$LOAD" 2>/dev/null; do
  SAMPLES+=("$(sample)")
  sleep 10
done
wait "$LOAD" || die "the load tool failed"
SAMPLES+=("$(sample)")
VERIFY="$(verify_audit)" || die "the audit log does not verify after the soak: $VERIFY"
audit_tsv "$WORK/soak/audit.tsv"
CHECK="$(node server/scripts/load.mjs check "$WORK/soak" "$WORK/soak/audit.tsv")" \
  || die "the audit log does not match the page views: $CHECK"

# --- 2. kill -9 under load ---------------------------------------------------------------
log "crash: kill -9 under load, restart on the same database"
mkdir -p "$WORK/crash"
node server/scripts/load.mjs run "$PORTAL" 30 50 "$WORK/crash" >"$WORK/crash/figures.json" &
LOAD=$!
wait_browsing "$WORK/crash"
sleep 8
kill -9 "$PORTAL_PID"
wait "$PORTAL_PID" 2>/dev/null || true
KILLED_AT="$(date +%s.%N)"
start_portal "$PORT" "$IDP" "$HUBS"
RESTARTED_IN="$(awk -v a="$KILLED_AT" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')"
wait "$LOAD" || die "the load tool failed"
CRASH_VERIFY="$(verify_audit)" || die "the audit log does not verify after kill -9: $CRASH_VERIFY"
audit_tsv "$WORK/crash/audit.tsv"
CRASH_CHECK="$(node server/scripts/load.mjs check "$WORK/crash" "$WORK/crash/audit.tsv")" \
  || die "a page view acknowledged before the crash lost its audit entries: $CRASH_CHECK"

# --- 3. PostgreSQL restarted under load ----------------------------------------------------
log "database restart under load"
mkdir -p "$WORK/db"
node server/scripts/load.mjs run "$PORTAL" 30 50 "$WORK/db" >"$WORK/db/figures.json" &
LOAD=$!
wait_browsing "$WORK/db"
sleep 6
pg_ctl_in "$PG_DIR" stop
DOWN_READY="$(curl -s -o /dev/null -w '%{http_code}' "$PORTAL/readyz")"
# A session the portal has not seen yet cannot be told from a logged-out one: its page
# is the translated "try again" page, not a login.
DOWN_PAGE="$(curl -s -H 'Accept-Language: nl' -H 'Cookie: carnet_session=AAAAAAAAAAAAAAAAAAAAAA' -w '\n%{http_code}' "$PORTAL/dashboard")"
sleep 4
pg_ctl_in "$PG_DIR" start "$PG_PORT"
UP_READY=""
for _ in $(seq 1 100); do
  UP_READY="$(curl -s -o /dev/null -w '%{http_code}' "$PORTAL/readyz")"
  [ "$UP_READY" = 200 ] && break
  sleep 0.1
done
wait "$LOAD" || die "the load tool failed"
DB_VERIFY="$(verify_audit)" || die "the audit log does not verify after the database restart: $DB_VERIFY"

# --- Figures ----------------------------------------------------------------------------
node - "$WORK" "$SECONDS_TOTAL" "$RESTARTED_IN" "$DOWN_READY" "$UP_READY" "${SAMPLES[@]}" <<'JS'
const fs = require('fs');
const [work, seconds, restartedIn, downReady, upReady, ...samples] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(`${work}/${f}`, 'utf8'));
const soak = read('soak/figures.json'), crash = read('crash/figures.json'), db = read('db/figures.json');
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`\nSoak: ${soak.sessions} sessions (${Object.entries(soak.roles).map(([r, n]) => `${n} ${r}`).join(', ')}), ${seconds} s, 1 % faults:`);
console.log(`  ${soak.requests} requests, ${soak.rps.toFixed(0)} req/s, p50 ${ms(soak.p50)}, p99 ${ms(soak.p99)}, errors ${soak.errors} (target 0)`);
if (soak.errors) console.log(`  first errors: ${soak.first_errors.join(' | ')}`);
const pts = samples.map((s) => s.split(' ').map(Number));
const [rss0, fd0] = pts[0], [rss1, fd1] = pts[pts.length - 1];
console.log(`  portal RSS ${(rss0 / 1024).toFixed(1)} MB -> ${(rss1 / 1024).toFixed(1)} MB, open files ${fd0} -> ${fd1}`);
const mid = pts[Math.floor((pts.length - 1) / 2)];
console.log(`  over the second half (warm caches): RSS ${((rss1 - mid[0]) / 1024).toFixed(1)} MB, open files ${fd1 - mid[1]} (target: no growth trend)`);
console.log(`  every 10 s: RSS ${pts.map(([r]) => (r / 1024).toFixed(0)).join(' ')} MB; open files ${pts.map(([, f]) => f).join(' ')}`);
console.log(`Crash: kill -9 after 10 s of load, serving again ${restartedIn} s later; ${crash.requests} requests, ` +
  `${crash.errors} failed while it was down (${JSON.stringify(crash.by_status)})`);
console.log(`Database restart: /readyz ${downReady} while PostgreSQL was down, ${upReady} after; ` +
  `${db.requests} requests, statuses ${JSON.stringify(db.by_status)}, ${db.bare_server_errors} without the translated page`);
if (db.errors) console.log(`  first: ${db.first_errors.join(' | ')}`);
JS
echo "  audit after the soak: $VERIFY"
echo "  audit log against the load tool's page views: $CHECK"
echo "  after kill -9: $CRASH_VERIFY; $CRASH_CHECK"
echo "  after the database restart: $DB_VERIFY"
status="$(tail -n1 <<<"$DOWN_PAGE")"
errors="$(node -p "require('$WORK/soak/figures.json').errors")"
[ "$errors" = 0 ] || die "$errors requests failed during the soak"
[ "$DOWN_READY" = 503 ] || die "/readyz answered $DOWN_READY while the database was down"
[ "$UP_READY" = 200 ] || die "/readyz did not come back after the database restart"
[ "$status" = 503 ] && grep -q 'data-code="error-session-unavailable"' <<<"$DOWN_PAGE" \
  || die "while the database was down a page answered $status without the translated error page"
db_bad="$(node -p "const f=require('$WORK/db/figures.json'); (f.by_status['0']||0) + f.bare_server_errors")"
[ "$db_bad" = 0 ] || die "$db_bad requests hung or failed without the translated error page during the database restart"
echo "soak passed"
