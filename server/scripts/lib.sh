# Shared by run.sh and test.sh: install what is missing, build the site and the servers.
# Sourced, not run. Everything installs from the package registries only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# Debian packages, installed only when a command is missing.
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    $SUDO apt-get update -qq >/dev/null || die "apt-get update failed"
    apt_updated=1
  fi
  log "apt-get install $*"
  # dpkg sometimes fails to read a freshly downloaded archive: try twice.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null \
    || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null \
    || die "apt-get install $* failed"
}

ensure_toolchain() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
  command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed (Node 20)"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown >/dev/null || die "could not add the wasm32 target"
  fi
  # The test command checks formatting and lints.
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    log "rustup component add rustfmt clippy"
    rustup component add rustfmt clippy >/dev/null || die "could not add rustfmt and clippy"
  fi
}

# wasm-bindgen's CLI must be exactly the version in Cargo.lock.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    log "cargo install wasm-bindgen-cli $want (about 3 minutes, once)"
    # Not --locked: its pinned webpki-roots was yanked.
    cargo install wasm-bindgen-cli --version "$want" --quiet || die "could not install wasm-bindgen-cli $want"
  fi
}

# npm packages of one folder, installed when package-lock.json changed.
ensure_npm() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci in $dir failed"
  fi
}

# A Python environment with the FHIR validator the test command runs on the patient
# summaries (fhir.resources from PyPI, pinned in requirements-fhir.txt), in target/.
FHIR_VENV="$ROOT/target/fhir-venv"
ensure_fhir_validator() {
  local want="$ROOT/server/scripts/requirements-fhir.txt"
  if [ -x "$FHIR_VENV/bin/python" ] && cmp -s "$want" "$FHIR_VENV/requirements.txt"; then return 0; fi
  python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
  log "pip install the FHIR validator (fhir.resources) into target/fhir-venv"
  rm -rf "$FHIR_VENV"
  python3 -m venv "$FHIR_VENV" || die "could not make a Python environment"
  "$FHIR_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$want" || die "could not install fhir.resources"
  cp "$want" "$FHIR_VENV/requirements.txt"
}

ensure_all() {
  ensure_toolchain
  ensure_wasm_bindgen
  ensure_npm server/idp
  ensure_npm app/hydrate
}

SITE="$ROOT/target/site"

# The hydrate WASM (release profile: small), its JS glue, the stylesheet and the public
# files. The WASM, the JS and the CSS are minified and named by their content
# (carnet.<hash>.js, carnet.<hash>_bg.wasm, carnet.<hash>.css; the name in pkg/name.txt, read
# by the server at start), with brotli and gzip copies beside them: browsers keep them a year.
# The WASM is built in a target directory of its own (target/wasm), so that it can be built
# beside another cargo command (the test command builds it while clippy runs: each leaves a
# core idle at times, clippy in its last crates, the WASM in its single-threaded LTO).
WASM_TARGET="$ROOT/target/wasm"
build_site() {
  log "building the browser bundle (WASM)"
  CARGO_TARGET_DIR="$WASM_TARGET" \
    cargo build -p carnet-hydrate --lib --target wasm32-unknown-unknown --profile wasm-release --quiet \
    || die "WASM build failed"
  rm -rf "$SITE/pkg"
  mkdir -p "$SITE/pkg"
  local work="$SITE/pkg/.build"
  mkdir -p "$work"
  wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name carnet \
    "$WASM_TARGET/wasm32-unknown-unknown/wasm-release/carnet_hydrate.wasm" || die "wasm-bindgen failed"
  if [ "${CARNET_WASM_OPT:-1}" != 0 ]; then
    # binaryen from npm: Debian's binaryen 108 produces WASM that fails to hydrate.
    node app/hydrate/node_modules/binaryen/bin/wasm-opt -Oz --enable-bulk-memory \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$work/carnet_bg.wasm" -o "$work/carnet_bg.wasm" || die "wasm-opt failed"
  fi
  local esbuild=app/hydrate/node_modules/.bin/esbuild
  "$esbuild" "$work/carnet.js" --minify --format=esm --log-level=warning --outfile="$work/carnet.min.js" \
    || die "minifying the JS failed"
  "$esbuild" style/main.css --minify --log-level=warning --outfile="$work/carnet.min.css" \
    || die "minifying the CSS failed"
  local hash name
  hash="$(cat "$work/carnet.min.js" "$work/carnet_bg.wasm" "$work/carnet.min.css" | sha256sum | cut -c1-16)"
  name="carnet.$hash"
  mv "$work/carnet.min.js" "$SITE/pkg/$name.js"
  mv "$work/carnet_bg.wasm" "$SITE/pkg/${name}_bg.wasm"
  mv "$work/carnet.min.css" "$SITE/pkg/$name.css"
  rm -rf "$work"
  cp -r public/. "$SITE/"
  node -e '
    const zlib = require("zlib"), fs = require("fs");
    for (const file of process.argv.slice(1)) {
      const raw = fs.readFileSync(file);
      fs.writeFileSync(file + ".br", zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      fs.writeFileSync(file + ".gz", zlib.gzipSync(raw, { level: 9 }));
    }' "$SITE/pkg/$name.js" "$SITE/pkg/${name}_bg.wasm" "$SITE/pkg/$name.css" "$SITE/favicon.svg" \
    || die "compressing the static files failed"
  echo "$name" >"$SITE/pkg/name.txt"
}

build_servers() {
  log "building the portal and the demo hubs"
  cargo build -p carnet -p carnet-demo-hubs --quiet || die "server build failed"
}

# Waits until a child prints its "listening on" line; echoes the URL.
wait_for_line() {
  local file="$1" pid="$2" what="$3"
  for _ in $(seq 1 600); do
    if grep -q "listening on" "$file" 2>/dev/null; then
      grep -m1 -o 'http://[0-9.:]*' "$file"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$file" >&2; die "$what stopped"; }
    sleep 0.1
  done
  die "$what did not start"
}

# PostgreSQL (Debian's), a throwaway cluster in $1 on 127.0.0.1:$2 (trust, fsync off).
# Free loopback ports for a run: below the kernel's ephemeral range (no outgoing
# connection can take one between this check and the server's bind) and never the same
# twice while the file PORTS_TAKEN lasts (test.sh hands it on to soak.sh). `free_port`: one;
# `free_port_run`: a port P with P+1 … P+5 free too (the demo hubs give each of their five
# sources its own).
PORTS_TAKEN="${PORTS_TAKEN:-$(mktemp /tmp/carnet-ports.XXXXXX)}"
export PORTS_TAKEN
free_ports() {
  python3 - "$1" "$PORTS_TAKEN" <<'PY'
import random, socket, sys
count, taken_file = int(sys.argv[1]), sys.argv[2]
with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
    ephemeral = int(f.read().split()[0])
try:
    with open(taken_file) as f:
        taken = {int(p) for p in f.read().split()}
except FileNotFoundError:
    taken = set()
def free(port):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        s.close()
for _ in range(1000):
    first = random.randint(10000, ephemeral - count - 1)
    run = range(first, first + count)
    if not taken.intersection(run) and all(free(p) for p in run):
        with open(taken_file, "a") as f:
            f.write(" ".join(map(str, run)) + "\n")
        print(first)
        sys.exit(0)
sys.exit("no free loopback port")
PY
}
free_port() { free_ports 1; }
free_port_run() { free_ports 6; }

as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
pg_bin() { dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)"; }
start_postgres() {
  local dir="$1" port="$2"
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
  log "starting PostgreSQL on 127.0.0.1:$port"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "'$(pg_bin)/initdb' -D '$dir' -U postgres --auth=trust -E UTF8 --no-locale" >"$dir.initdb.log" 2>&1 \
    || { cat "$dir.initdb.log"; die "initdb failed"; }
  pg_ctl_in "$dir" start "$port"
}
# pg_ctl start|restart|stop for the cluster in $1 (port $3 for start and restart).
pg_ctl_in() {
  local dir="$1" action="$2" port="${3:-}"
  case "$action" in
    stop) as_pg "'$(pg_bin)/pg_ctl' -D '$dir' -m immediate stop" >/dev/null 2>&1 || true ;;
    *) as_pg "'$(pg_bin)/pg_ctl' -D '$dir' -l '$dir/server.log' -w -m fast -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off\" $action" >/dev/null \
      || { cat "$dir/server.log"; die "PostgreSQL did not $action"; } ;;
  esac
}
stop_postgres() { pg_ctl_in "$1" stop; }

PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

# Starts demo hubs, identity provider and portal on the given ports, in the background.
# Uses $DATA_DIR for the SQLite database and the logs, the binaries in $BIN (debug builds
# unless told otherwise).
BIN="${BIN:-./target/debug}"
start_stack() {
  local portal_port="$1" idp_port="$2" hubs_port="$3"
  mkdir -p "$DATA_DIR"
  "$BIN/carnet-demo-hubs" --port "$hubs_port" >"$DATA_DIR/demo-hubs.log" 2>&1 &
  PIDS+=($!)
  wait_for_line "$DATA_DIR/demo-hubs.log" $! "the demo hubs" >/dev/null
  IDP_PORT="$idp_port" \
    IDP_REDIRECT_URIS="http://127.0.0.1:$portal_port/auth/callback" \
    IDP_POST_LOGOUT_REDIRECT_URIS="http://127.0.0.1:$portal_port/logged-out" \
    node server/idp/server.mjs >"$DATA_DIR/idp.log" 2>"$DATA_DIR/idp.err" &
  PIDS+=($!)
  wait_for_line "$DATA_DIR/idp.log" $! "the identity provider" >/dev/null
  start_portal "$portal_port" "$idp_port" "$hubs_port"
}

# Starts the portal alone (its pid in PORTAL_PID), against a running provider and hubs.
start_portal() {
  local portal_port="$1" idp_port="$2" hubs_port="$3"
  mkdir -p "$DATA_DIR"
  CARNET_BIND="127.0.0.1:$portal_port" \
    CARNET_DATABASE_URL="${CARNET_DATABASE_URL:-sqlite://$DATA_DIR/carnet.db}" \
    CARNET_SITE_ROOT="$SITE" \
    CARNET_OIDC_ISSUER="http://127.0.0.1:$idp_port" \
    CARNET_DEMO_HUBS_URL="http://127.0.0.1:$hubs_port" \
    CARNET_DATA_DIR="$DATA_DIR" \
    CARNET_DEMO_SEED=1 \
    "$BIN/carnet" serve >"$DATA_DIR/carnet.out" 2>"$DATA_DIR/carnet.log" &
  PORTAL_PID=$!
  PIDS+=($PORTAL_PID)
  wait_for_line "$DATA_DIR/carnet.out" $PORTAL_PID "the portal" >/dev/null
}
