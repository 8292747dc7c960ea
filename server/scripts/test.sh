#!/usr/bin/env bash
# Installs what the tests need, checks formatting and lints (rustfmt, clippy with warnings
# as errors, cargo deny), then runs every test: unit and integration tests (against
# SQLite and a real PostgreSQL started here), the identity provider's self-test, and the
# browser tests (Playwright driving Debian's Chromium) against the real running stack.
# Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# The phases and their seconds, printed as a table at the end (and when a phase fails).
PHASES=()
phase_name=""
phase_start=$SECONDS
phase() {
  local now=$SECONDS
  [ -n "$phase_name" ] && PHASES+=("$phase_name|$((now - phase_start))")
  phase_name="$1"; phase_start=$now
}
print_phases() {
  phase ""
  [ "${#PHASES[@]}" -gt 0 ] || return 0
  echo
  printf '%-58s %6s\n' "phase" "s"
  local row
  for row in "${PHASES[@]}"; do printf '%-58s %6s\n' "${row%|*}" "${row##*|}"; done
  [ -f "${WORK:-/nonexistent}/binaries.tsv" ] && while IFS='|' read -r name secs; do
    printf '  %-56s %6s\n' "$name" "$secs"
  done <"$WORK/binaries.tsv"
  [ "${E2E_RAN:-}" = 1 ] && (cd "$ROOT/end2end" && node -e '
    const r = require("./test-results/results.json"), per = {};
    const walk = (s, file) => { file = s.file || file;
      for (const spec of s.specs || []) for (const t of spec.tests) for (const x of t.results) per[file] = (per[file] || 0) + x.duration;
      for (const c of s.suites || []) walk(c, file); };
    for (const s of r.suites) walk(s);
    for (const [f, ms] of Object.entries(per).sort((a, b) => b[1] - a[1])) console.log("  " + f.padEnd(56) + " " + String(Math.round(ms / 1000)).padStart(6));
  ' 2>/dev/null)
  printf '%-58s %6s\n' "total" "$SECONDS"
}

phase "install what is missing"
ensure_all
command -v chromium >/dev/null || apt_install chromium
command -v xmllint >/dev/null || apt_install libxml2-utils   # validates hub messages against the eHealth XSDs
command -v pdftotext >/dev/null || apt_install poppler-utils  # reads the export's PDFs back
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
ensure_npm end2end
ensure_fhir_validator
if [ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" != "0.20.2" ]; then
  log "cargo install cargo-deny 0.20.2 (about 8 minutes, once)"
  cargo install cargo-deny --version 0.20.2 --locked --quiet || die "could not install cargo-deny"
fi

WORK="$(mktemp -d /tmp/carnet-test.XXXXXX)"
chmod 755 "$WORK"
DATA_DIR="$WORK/stack"
PG_DIR="$WORK/pg"

SITE_PID=""
cleanup() {
  set +e
  [ -n "$SITE_PID" ] && kill -- -"$SITE_PID" 2>/dev/null
  print_phases
  stop_all
  stop_postgres "$PG_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT

# PostgreSQL in a temporary directory on a loopback port (initdb refuses to run as root).
PG_PORT="$(free_port)"
start_postgres "$PG_DIR" "$PG_PORT"
export CARNET_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"

phase "cargo fmt --check"
log "cargo fmt --check"
cargo fmt --all --check || die "the code is not formatted: run cargo fmt --all"
phase "cargo clippy, and beside it the browser bundle (WASM)"
# Two builds at once on two cores: each leaves a core idle at times (clippy in its last
# crates, the WASM in its single-threaded link-time optimisation). The WASM has a target
# directory of its own (see build_site), so neither waits for the other's lock.
log "building the browser bundle (WASM) in the background (its output: at the end of this phase)"
# In a process group of its own, so that a failure elsewhere stops its cargo too (cleanup).
setsid bash -c 'source server/scripts/lib.sh && build_site' >"$WORK/site-build.log" 2>&1 &
SITE_PID=$!
log "cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked --quiet -- -D warnings || die "clippy found something (above)"
log "waiting for the browser bundle"
wait "$SITE_PID" || { SITE_PID=""; cat "$WORK/site-build.log"; die "the browser bundle did not build"; }
SITE_PID=""
cat "$WORK/site-build.log" >&2

phase "cargo deny"
log "cargo deny check (advisories from the dated snapshot in ../shared/advisory-db)"
# cargo-deny reads its advisory database as a git checkout under deny.toml's db-path; the
# snapshot is plain files, so it is committed into a local repository there once.
ADVISORY_SRC="$ROOT/../shared/advisory-db"
[ -d "$ADVISORY_SRC/crates" ] || die "../shared/advisory-db is missing (it sits beside the repository)"
ADVISORY_DB="$ROOT/target/advisory-dbs/advisory-db-3157b0e258782691"
if [ ! -f "$ADVISORY_DB/.snapshot" ] || ! cmp -s "$ADVISORY_SRC/SOURCE.md" "$ADVISORY_DB/.snapshot"; then
  rm -rf "$ADVISORY_DB"; mkdir -p "$ADVISORY_DB"
  cp -r "$ADVISORY_SRC/." "$ADVISORY_DB/"
  (cd "$ADVISORY_DB" && git init -q && git add -A \
    && git -c user.name=snapshot -c user.email=snapshot@localhost commit -qm "RustSec advisory-db snapshot") \
    || die "could not prepare the advisory database"
  cp "$ADVISORY_SRC/SOURCE.md" "$ADVISORY_DB/.snapshot"
fi
# cargo-deny reads the metadata of every platform's crates, offline: fetch them first (a
# fresh machine has only what its own builds downloaded).
cargo fetch --locked --quiet || die "cargo fetch failed"
cargo deny --offline --locked check || die "cargo deny check failed"

phase "build: portal and demo hubs"
build_servers

phase "build: test binaries"
log "building the unit and integration tests"
cargo test --no-run --quiet 2>&1 || die "the tests do not build"
phase "unit and integration tests (each binary below)"
log "unit and integration tests"
# cargo names each test binary ("Running …") before its results ("… finished in 1.23s").
# The export tests leave the patient summaries they made here, for the FHIR validator.
rm -rf target/exports
if ! cargo test 2>&1 -- -q | tee "$WORK/cargo-test.log"; then die "cargo test failed"; fi
awk '/^ *Running / { bin = $NF; sub(/^.*\//, "", bin); sub(/-[0-9a-f]+\)$/, "", bin)
                    name = ($2 == "unittests") ? bin " (unit)" : bin " " $2 }
     /^ *Doc-tests / { name = $2 " (doc)" }
     /^test result:/ && name != "" { secs = $NF; sub(/s$/, "", secs); printf "%s|%.0f\n", name, secs; name = "" }' \
  "$WORK/cargo-test.log" | sort -t'|' -k2 -rn >"$WORK/binaries.tsv"
rust_passed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^passed;?$/) s += $(i-1) } END { print s + 0 }' "$WORK/cargo-test.log")

phase "FHIR validator: the patient summaries the tests made"
log "validating the patient summaries (fhir.resources, and the IPS document's rules)"
"$FHIR_VENV/bin/python" server/scripts/validate_ips.py target/exports || die "a patient summary is not valid FHIR"

phase "identity provider self-test"
log "identity provider self-test"
node server/idp/selftest.mjs >"$WORK/idp-selftest.log" 2>&1 || { cat "$WORK/idp-selftest.log"; die "idp self-test failed"; }
tail -n1 "$WORK/idp-selftest.log"

phase "load and soak (60 s)"
log "load and soak, 60 s on the debug build, with kill -9 and a database restart under load"
BIN=./target/debug SOAK_SECONDS=60 ./server/scripts/soak.sh || die "the soak test failed"

phase "browser tests"
log "browser tests"
PORT="$(free_port)"; IDP="$(free_port)"; HUBS="$(free_port_run)"; METRICS="$(free_port)"
# The browser tests log in many times from one address: lift the login rate limit (it has
# an integration test of its own). They put the demo hubs back to their seeded state
# between tests that write: no answer is kept fresh in Carnet's cache across them. Support
# codes run 45 seconds instead of 15 minutes, and the helpdesk test moves the portal's clock
# forward (on its metrics listener) to see one run out rather than waiting.
SUPPORT_CODE_SECONDS=45
CARNET_CACHE_FRESH_SECONDS=0 CARNET_RATE_AUTH_PER_MINUTE=100000 CARNET_SUPPORT_CODE_SECONDS=$SUPPORT_CODE_SECONDS \
  CARNET_METRICS_BIND="127.0.0.1:$METRICS" CARNET_CLOCK_MOVABLE=1 \
  start_stack "$PORT" "$IDP" "$HUBS"
E2E_RAN=1
(cd end2end && CARNET_URL="http://127.0.0.1:$PORT" IDP_URL="http://127.0.0.1:$IDP" HUBS_URL="http://127.0.0.1:$HUBS" \
  CLOCK_URL="http://127.0.0.1:$METRICS" SUPPORT_CODE_SECONDS=$SUPPORT_CODE_SECONDS npx playwright test) \
  || { tail -n 50 "$DATA_DIR/carnet.log"; die "browser tests failed"; }
phase ""
e2e_passed=$(cd end2end && node -e 'const r=require("./test-results/results.json"); console.log(r.stats.expected)' 2>/dev/null || echo 0)

echo
echo "rust: $rust_passed passed, 0 failed; browser: $e2e_passed passed, 0 failed"
echo "$((rust_passed + e2e_passed)) passed, 0 failed"
