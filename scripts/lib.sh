# shellcheck shell=bash
# Helpers shared by the scripts in this directory. Source it, don't run it:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Repository root (the parent of scripts/), whatever the caller's working directory.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# Shared data (bench inputs, external test corpus) lives next to the repository.
export SHARED_DIR="${SCHEMASHIFT_SHARED:-$REPO_ROOT/../shared}"

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

have() { command -v "$1" >/dev/null 2>&1; }

# rustup installs into ~/.cargo/bin; a fresh login shell may not have it on PATH yet.
ensure_cargo_on_path() {
    if ! have cargo && [ -f "${CARGO_HOME:-$HOME/.cargo}/env" ]; then
        # shellcheck disable=SC1091
        . "${CARGO_HOME:-$HOME/.cargo}/env"
    fi
}
ensure_cargo_on_path
