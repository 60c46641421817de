#!/usr/bin/env bash
# The "see it work" command:
#
#   bash scripts/serve.sh
#
# TODO(web): once the web app exists, this script will build it (trunk build --release
# --offline) and serve it at http://127.0.0.1:8080. Until then it builds the CLI in release
# mode and shows the migration for the bundled example, examples/tasks/{current,desired}.sql.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

bash scripts/setup.sh
ensure_cargo_on_path   # setup may just have installed rustup

log "building the CLI (release)"
cargo build --release --quiet -p schemashift-cli

current=examples/tasks/current.sql
desired=examples/tasks/desired.sql
schemashift() { cargo run --release --quiet -p schemashift-cli --bin schemashift -- "$@"; }

printf '\n===== UP: %s -> %s =====\n\n' "$current" "$desired"
schemashift diff "$current" "$desired"

printf '\n===== DOWN: %s -> %s =====\n\n' "$desired" "$current"
schemashift diff "$current" "$desired" --down
