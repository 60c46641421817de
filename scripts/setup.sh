#!/usr/bin/env bash
# Install everything schemashift's build, tests and tools need on a Debian 12 machine.
#
# Idempotent: each ensure_* function checks first and installs only what is missing, so a
# second run takes well under a second. `apt-get update` runs at most once, and only when an
# apt package actually has to be installed. Safe without a terminal (CI=true, no stdin).
#
# Reachable from this project's machines: crates.io, npm, PyPI and Debian apt. GitHub release
# downloads are NOT reachable (see ../shared/TOOLCHAIN.md), so nothing here may use them.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DEBIAN_FRONTEND=noninteractive

# Root runs apt directly; anyone else needs sudo.
if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif have sudo; then
    SUDO=(sudo -n)
else
    SUDO=()
fi

# ---------------------------------------------------------------------------------------------
# apt
# ---------------------------------------------------------------------------------------------
APT_UPDATED=0

apt_update_once() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        "${SUDO[@]}" apt-get update -qq
        APT_UPDATED=1
    fi
}

apt_pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_apt_pkg PKG...: install the packages that are not installed yet, in one apt-get call.
ensure_apt_pkg() {
    local missing=() pkg
    for pkg in "$@"; do
        apt_pkg_installed "$pkg" || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    apt_update_once
    log "apt-get install ${missing[*]}"
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null
}

# ---------------------------------------------------------------------------------------------
# Rust
# ---------------------------------------------------------------------------------------------

# ensure_rust: a rustup-managed stable toolchain (Debian's rustc is too old for this workspace),
# plus a C linker, which rustc needs on a bare machine.
ensure_rust() {
    have cc || ensure_apt_pkg gcc libc6-dev
    if have rustup && have cargo; then
        return 0
    fi
    ensure_apt_pkg curl ca-certificates
    log "installing rustup (stable, minimal profile)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs \
        | sh -s -- -y --no-modify-path --profile minimal --default-toolchain stable
    ensure_cargo_on_path
    have cargo || die "rustup installed but cargo is not on PATH"
}

# ensure_rustup_component NAME: e.g. rustfmt, clippy (for the active toolchain).
ensure_rustup_component() {
    local name="$1"
    if rustup component list --installed 2>/dev/null | grep -q "^${name}\(-\|$\)"; then
        return 0
    fi
    log "rustup component add $name"
    rustup component add "$name"
}

# ensure_rustup_target TRIPLE: e.g. wasm32-unknown-unknown.
ensure_rustup_target() {
    local triple="$1"
    if rustup target list --installed 2>/dev/null | grep -qx "$triple"; then
        return 0
    fi
    log "rustup target add $triple"
    rustup target add "$triple"
}

# ensure_cargo_install CRATE BIN VERSION [cargo install flags...]: install CRATE@VERSION unless
# `BIN --version` already reports exactly VERSION.
ensure_cargo_install() {
    local crate="$1" bin="$2" version="$3"
    shift 3
    if have "$bin" && "$bin" --version 2>/dev/null \
        | grep -qE -- "(^|[^0-9.])${version//./\\.}([^0-9.]|\$)"; then
        return 0
    fi
    log "cargo install $crate@$version $*"
    cargo install "$crate" --version "$version" "$@"
}

# lock_version CRATE: the version of CRATE that Cargo.lock pins (empty if absent).
lock_version() {
    awk -v want="$1" '
        $1 == "name" && $3 == "\"" want "\"" { found = 1; next }
        found && $1 == "version" { gsub(/"/, "", $3); print $3; exit }
        /^\[\[package\]\]/ { found = 0 }
    ' "$REPO_ROOT/Cargo.lock" 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# The npm package (npm/): wasm toolchain, build and test tools
# ---------------------------------------------------------------------------------------------

# ensure_node: node and npm (this machine image has Node 20; Debian 12's nodejs is 18, enough).
ensure_node() {
    have node && have npm && return 0
    ensure_apt_pkg nodejs npm
}

# ensure_npm_ci DIR: `npm ci` in DIR unless its node_modules already matches package-lock.json.
ensure_npm_ci() {
    local dir="$1" sum stamp="$1/node_modules/.schemashift-lock.sha256"
    sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
        return 0
    fi
    log "npm ci in ${dir#"$REPO_ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
    echo "$sum" >"$stamp"
}

# ensure_npm_toolchain: what npm/build.sh and the npm/wasm-tests steps of test.sh need.
ensure_npm_toolchain() {
    ensure_rustup_target wasm32-unknown-unknown
    # Must match the wasm-bindgen library pinned in Cargo.lock exactly; no --locked (a pinned
    # dependency is missing from the registry mirror). Also installs wasm-bindgen-test-runner.
    ensure_cargo_install wasm-bindgen-cli wasm-bindgen "$(lock_version wasm-bindgen)"
    ensure_node
    # binaryen 132 (wasm-opt; never Debian's binaryen), esbuild, playwright-core, typescript.
    ensure_npm_ci "$REPO_ROOT/npm/tools"
    # Headless browser tests (wasm-bindgen-test via chromedriver, playwright-core).
    ensure_apt_pkg chromium chromium-driver
}

# ensure_web_toolchain: what the web app's build (trunk) and its end-to-end tests need, on top
# of ensure_npm_toolchain (wasm32 target, wasm-bindgen-cli, node, chromium, and npm/tools,
# whose PGlite and sql.js the build copies into web/dist for Verify).
ensure_web_toolchain() {
    # ~11 min to build once; skipped when `trunk --version` already says 0.22.1. --locked for
    # reproducibility, --ignore-rust-version because 0.22.1 declares a newer rust-version than
    # it needs.
    ensure_cargo_install trunk trunk 0.22.1 --locked --ignore-rust-version
    # binaryen@132 (the wasm-opt trunk runs; never Debian's binaryen) and playwright-core.
    # Trunk never downloads a tool: web_build (lib.sh) puts these on PATH and runs it with
    # --offline, and Trunk.toml pins the versions it accepts.
    ensure_npm_ci "$REPO_ROOT/web/e2e"
    # The editor (CodeMirror 6 + esbuild, pinned in web/editor/package-lock.json): trunk's
    # pre_build hook bundles it (web/editor/build.mjs).
    ensure_npm_ci "$REPO_ROOT/web/editor"
}

# ---------------------------------------------------------------------------------------------
# Python: real Alembic for the Alembic round trip (cli/tests/alembic_roundtrip.py)
# ---------------------------------------------------------------------------------------------
VENV="$REPO_ROOT/.venv"
# Pinned; bump together (alembic >= 1.16.2 has the script.py.mako our files match).
# sqlmodel (+ pydantic's email-validator for EmailStr fields): the ground truth of the models.py
# input (core/tests/models_check.py runs create_all on every fixture); with SQLAlchemy 2.0.58 the
# fixtures' DDL is SQLModel >= 0.0.45 (datetime WITH TIME ZONE) and SQLAlchemy 2.0 (Mapped[float]
# FLOAT), the profile the checker passes the CLI. PyMySQL: real Alembic on MariaDB
# (cli/tests/alembic_mariadb.py). Flask-SQLAlchemy: the ground truth of `db.Model` models.
PY_PKGS=(alembic==1.20.1 sqlalchemy==2.0.58 psycopg==3.3.9 psycopg-binary==3.3.9
    sqlmodel==0.0.50 pydantic==2.14.4 email-validator==2.4.0
    PyMySQL==1.1.1 optuna==5.1.0 flask==3.1.3 flask-sqlalchemy==3.1.1)

# ensure_python_venv: $VENV with exactly the pinned packages (from PyPI); skipped when
# `pip freeze` already lists them all.
ensure_python_venv() {
    if [ -x "$VENV/bin/python" ]; then
        local frozen pkg missing=0
        frozen="$("$VENV/bin/python" -m pip freeze 2>/dev/null | tr 'A-Z' 'a-z')"
        for pkg in "${PY_PKGS[@]}"; do
            grep -qx "$(echo "$pkg" | tr 'A-Z' 'a-z')" <<<"$frozen" || missing=1
        done
        # The entry points must run too: a venv moved to another path keeps stale shebangs.
        if [ "$missing" -eq 0 ] && "$VENV/bin/alembic" --version >/dev/null 2>&1; then
            return 0
        fi
    fi
    have python3 || ensure_apt_pkg python3
    # Debian's python3 needs python3-venv for `-m venv` (ensurepip).
    python3 -c 'import venv, ensurepip' 2>/dev/null || ensure_apt_pkg python3-venv
    if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/alembic" --version >/dev/null 2>&1; then
        log "python3 -m venv --clear .venv"
        python3 -m venv --clear "$VENV"
    fi
    log "pip install ${PY_PKGS[*]}"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PY_PKGS[@]}"
}

# ---------------------------------------------------------------------------------------------
# Python package (pyproject.toml, python/): the wheel of the CLI and the pre-commit hooks
# ---------------------------------------------------------------------------------------------
# Pinned, into $VENV (next to Alembic): maturin builds the wheel; ziglang is Zig from PyPI, which
# maturin's --zig links with against glibc 2.17, so the wheel is manylinux2014 (the machine's
# own glibc 2.36 would make it manylinux_2_34); pre-commit runs .pre-commit-hooks.yaml.
PY_TOOLS=(maturin==1.16.0 ziglang==0.17.1 pre-commit==4.7.0)

# ensure_python_tools: PY_TOOLS in $VENV (after ensure_python_venv made it); skipped when each
# tool reports its pinned version.
ensure_python_tools() {
    local want=() pkg name version got
    for pkg in "${PY_TOOLS[@]}"; do
        name="${pkg%%==*}" version="${pkg#*==}"
        case "$name" in
            ziglang) got="$("$VENV/bin/python" -m ziglang version 2>/dev/null)" || got="" ;;
            *) got="$("$VENV/bin/$name" --version 2>/dev/null)" || got="" ;;
        esac
        [ "${got##* }" = "$version" ] || want+=("$pkg")
    done
    [ "${#want[@]}" -eq 0 ] && return 0
    log "pip install ${want[*]}"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${want[@]}"
}

# ensure_fuzz_toolchain: the nightly toolchain and cargo-fuzz, for scripts/fuzz.sh (libFuzzer
# needs nightly's -Z flags; the image usually has a nightly already).
ensure_fuzz_toolchain() {
    if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
        log "rustup toolchain install nightly"
        rustup toolchain install nightly --profile minimal
    fi
    ensure_cargo_install cargo-fuzz cargo-fuzz 0.13.2
}

# ---------------------------------------------------------------------------------------------
# What this project needs
# ---------------------------------------------------------------------------------------------
main() {
    local t0=$SECONDS

    # Server binaries land in /usr/lib/postgresql/15/bin; scripts/pg.sh runs private clusters
    # from them (it never uses the system cluster).
    ensure_apt_pkg postgresql
    # mariadbd, mariadb-install-db and the mariadb client; scripts/mariadb.sh runs private
    # servers from them (never the system one).
    ensure_apt_pkg mariadb-server mariadb-client

    ensure_rust
    ensure_rustup_component rustfmt
    ensure_rustup_component clippy
    ensure_npm_toolchain
    ensure_python_venv
    ensure_python_tools
    ensure_web_toolchain
    ensure_fuzz_toolchain

    log "ready ($((SECONDS - t0))s)"
}

# Run main only when executed, so later scripts can source this file for its ensure_* helpers.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
