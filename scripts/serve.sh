#!/usr/bin/env bash
# The "see it work" command: build the web app and serve it at http://127.0.0.1:8080.
#
#   bash scripts/serve.sh            # setup, trunk build --release --offline, serve web/dist
#   PORT=9000 bash scripts/serve.sh  # another port
#   bash scripts/serve.sh --cli      # instead: the CLI's migration for examples/tasks/
#
# The page runs entirely in the browser; the server (node web/e2e/serve.js) only hands out the
# files of web/dist on 127.0.0.1 and needs no network. Ctrl+C stops it.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

bash scripts/setup.sh
ensure_cargo_on_path   # setup may just have installed rustup

if [ "${1:-}" = "--cli" ]; then
    log "building the CLI (release)"
    cargo build --release --quiet -p schemashift-cli
    schemashift() { cargo run --release --quiet -p schemashift-cli --bin schemashift -- "$@"; }
    current=examples/tasks/current.sql
    desired=examples/tasks/desired.sql
    printf '\n===== UP: %s -> %s =====\n\n' "$current" "$desired"
    schemashift diff "$current" "$desired"
    printf '\n===== DOWN: %s -> %s =====\n\n' "$desired" "$current"
    schemashift diff "$current" "$desired" --down
    exit 0
fi

web_build
exec node web/e2e/serve.js --port "${PORT:-8080}" --dist web/dist
