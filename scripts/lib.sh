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

# web_build: build the web app into web/dist (`trunk build --release --offline`). Trunk takes
# wasm-bindgen and wasm-opt from PATH and, offline, fails instead of downloading when their
# versions differ from Trunk.toml's [tools] (wasm-bindgen-cli from cargo, wasm-opt from npm
# binaryen@132 in web/e2e; scripts/setup.sh installs both).
web_build() {
    local bin="$REPO_ROOT/web/e2e/node_modules/.bin"
    if [ ! -x "$bin/wasm-opt" ]; then
        log "missing $bin/wasm-opt: run scripts/setup.sh (npm ci in web/e2e)"
        return 1
    fi
    # Skip the build when web/dist was built from exactly these sources (examples/ too: the
    # examples menu embeds them; Verify's steps and engines, copied from npm/) and tools (a
    # warm test.sh run then saves wasm-bindgen + wasm-opt, ~1.5 min). Outside a git
    # checkout: build.
    local stamp="" stamp_file="$REPO_ROOT/web/dist/.schemashift-build-stamp" files
    if files="$(cd "$REPO_ROOT" && git ls-files -co --exclude-standard -- \
        web core examples Cargo.toml Cargo.lock npm/js/verify.mjs npm/tools/package-lock.json \
        2>/dev/null | grep -v '^web/e2e/' | sort)" \
        && [ -n "$files" ]; then
        stamp="$( (cd "$REPO_ROOT" && printf '%s\n' "$files" | xargs -d '\n' sha256sum \
            && trunk --version && wasm-bindgen --version && "$bin/wasm-opt" --version) \
            | sha256sum | cut -d' ' -f1)"
    fi
    if [ -n "$stamp" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
        log "web/dist is up to date with web/, core/, examples/ and Cargo.lock: not rebuilt"
        return 0
    fi
    log "trunk build --release --offline (web/ -> web/dist)"
    (cd "$REPO_ROOT/web" && PATH="$bin:$PATH" nice trunk build --release --offline) || return $?
    [ -z "$stamp" ] || echo "$stamp" >"$stamp_file"
}
