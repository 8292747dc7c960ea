#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole portal locally:
# demo hubs, the local identity provider and the portal. Ctrl-C stops everything.
#   CARNET_PORT (default 3000), IDP_PORT (3002), DEMO_HUBS_PORT (3010), DATA_DIR (./data)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT="${CARNET_PORT:-3000}"
IDP="${IDP_PORT:-3002}"
HUBS="${DEMO_HUBS_PORT:-3010}"
DATA_DIR="${DATA_DIR:-$ROOT/data}"

ensure_all
build_site
build_servers
trap 'echo; log "stopping"; stop_all; exit 0' INT TERM
trap 'stop_all' EXIT
start_stack "$PORT" "$IDP" "$HUBS"

cat <<MSG

  Carnet is running:   http://127.0.0.1:$PORT
  Identity provider:   http://127.0.0.1:$IDP   (demo logins, password: carnet-demo)
  Demo hubs:           http://127.0.0.1:$HUBS   (faults: PUT /admin/faults/<source>)

  Demo accounts:
    sofie    Sofie Janssens          adult with a rich record
    marc     Marc Dubois             parent of Emma (5), Lucas (13) and Nora (17)
    maria    Maria Van den Bossche   elderly; her son Pieter is her trusted person
    pieter   Pieter Van den Bossche  trusted person
    nora     Nora Dubois             17: manages her own record; her father no longer sees it
    lotte    Lotte Claes             helpdesk staff (role claim), almost no data
    karim    Karim Haddad            a second helpdesk agent
    cora     Cora Canary             every kind of data carries a canary (the content matrix test)
    jonas    Jonas Wouters           some records malformed on purpose
    hostile  Hostile Tester          every record attacks the portal (markup, bad links, lying files)
    broken   (invalid national register number: shows the error page)

  Logs and the SQLite database: $DATA_DIR
  Press Ctrl-C to stop.
MSG
wait
