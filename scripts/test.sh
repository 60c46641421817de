#!/usr/bin/env bash
# THE test command: everything CI checks, in order. Run from anywhere:
#
#   bash scripts/test.sh
#
# Steps (each one counts as one pass or one fail; a failed step does not stop the later ones):
#   setup        scripts/setup.sh (installs what is missing; fast when nothing is)
#   fmt          cargo fmt --all -- --check, and the same for the fuzz crate (its own workspace:
#                cargo fmt --manifest-path fuzz/Cargo.toml --all -- --check)
#   clippy       cargo clippy --workspace --all-targets -- -D warnings
#   test         cargo test --workspace (unit, integration and insta snapshot tests; under
#                CI=true insta never writes snapshots, a mismatch just fails)
#   fast_path    cargo test --release -p schemashift --test fast_path -- --ignored: the multi-MB
#                GitLab dumps of ../shared/bench-inputs read with the SQL frontend's fast lexer on
#                and off give the same schema and diagnostics (the smaller inputs: in `test`)
#   fuzz         scripts/fuzz.sh N: every fuzz target for N seconds (cargo-fuzz on nightly, builds
#                in fuzz/target). N = SCHEMASHIFT_FUZZ_SECONDS; under CI=true it defaults to 10
#                (a smoke); elsewhere the step runs only when the variable is set; 0 skips it
#   fuzz_clippy  only with SCHEMASHIFT_FUZZ_SECONDS=N set by hand: clippy -D warnings on the fuzz
#                crate (RUSTFLAGS="--cfg fuzzing", target dir fuzz/target/clippy)
#   postgres     a private PostgreSQL cluster in a temp dir (scripts/pg.sh), removed on exit
#   pg_roundtrip cargo test -p schemashift-cli --test pg_roundtrip, against that cluster
#                (SCHEMASHIFT_PGHOST / PGHOST = the socket dir, PGUSER=postgres)
#   verify       cargo test -p schemashift-cli --test verify against that cluster: `schemashift
#                verify` (seeded rows, UP, engine catalogs compared, DOWN, rows kept) on the
#                bundled SQLite and on the cluster (--database-url), three cases each, and the
#                same verdicts as the round trips on the own cases and a corpus sample
#   mariadb      a private MariaDB server in a temp dir (scripts/mariadb.sh), removed on exit
#   mysql_roundtrip cargo test -p schemashift-cli --test mysql_roundtrip, against that server
#                (SCHEMASHIFT_MYSQL_SOCKET = its socket): every MySQL/MariaDB core case and
#                ../shared/corpus/mysql, failures listed in cli/tests/mysql_corpus_known_failures.txt
#   alembic_mariadb cli/tests/alembic_mariadb.py with the venv (real Alembic + PyMySQL) on that
#                server: upgrade, catalog = desired, downgrade for every MySQL/MariaDB core case
#                and the corpus/mysql cases that pass the SQL round trip
#   models_mariadb models_check.py --mariadb against that server: SQLAlchemy's MariaDB DDL of every
#                models fixture run in it, dumped, and diffed with the models: no change
#   alembic      cli/tests/alembic_roundtrip.py with the venv of setup.sh (real Alembic,
#                SQLAlchemy, psycopg): every core case plus 80 cases of ../shared/corpus/postgres
#                against that cluster, and the SQLite cases and ../shared/corpus/sqlite against
#                SQLite files, through `alembic upgrade head`, `alembic check`,
#                `alembic downgrade -1`; and a chain of three revisions written with -o
#   models       models.py input vs real SQLAlchemy (core/tests/models_check.py, venv of setup.sh):
#                every core/tests/models/<case> imported with the pinned SQLModel/SQLAlchemy,
#                create_all on a mock engine per dialect (PostgreSQL, SQLite, MySQL, MariaDB) must equal the
#                committed expected.<dialect>.sql, and `schemashift diff expected.<dialect>.sql
#                <models> --exit-code --strict` must find no change and no warning; the same
#                against real databases built by create_all: a SQLite file's catalog and, on the
#                cluster, `pg_dump -s`
#   models_public  core/tests/models_public.py: SQLModel's documentation examples (docs_src of
#                the pinned release's sdist, from PyPI, cached in target/public-models), each
#                example module a fixture of models_check.py (same checks as `models`)
#   models_alembic  cli/tests/models_alembic.py: SQLModel models at step N and N+1 ->
#                `schemashift diff --format alembic` -> real `alembic upgrade head` -> `alembic
#                check` clean against the models (then downgrade -> check), on SQLite and on the
#                cluster
#   alembic_history  cli/tests/alembic_history.py: each Alembic history fixture
#                (core/tests/histories/<name>/versions) upgraded by real Alembic to every revision
#                on SQLite, the cluster and the MariaDB server must dump to what `schemashift diff
#                DUMP versions@REV` replays statically (no change); downgrades step by step too
#   npm          builds the npm package (npm/build.sh) and runs its node --test suites on the
#                packed tarball: ESM/CommonJS/npx vs the native CLI (release build), TypeScript
#                consumers, an esbuild bundle in headless Chromium, the GitLab pair, verify()
#                on PGlite and sql.js (from npm/tools) vs the CLI's verify on the cluster
#   python       the Python package (python/tests/test_wheel.sh): the manylinux2014 wheel
#                (maturin --zig), pip-installed into a fresh venv, vs the native CLI byte for
#                byte on every core case; the pre-commit hooks run by pre-commit in a
#                throw-away git repository (pass in sync, fail on drift and on a denied hazard)
#   wasm-tests   wasm-bindgen-test suites (wasm-tests/) in Node and in headless Chromium,
#                including the web app's component tests (wasm-tests/tests/web_components.rs)
#   web          builds the web app (trunk build --release --offline -> web/dist) and runs its
#                end-to-end tests (web/e2e, playwright-core driving Debian's headless Chromium)
#                against it; screenshots and measured figures go to target/web-artifacts/
#
# The last line is always "N passed, N failed"; the exit status is non-zero if any step failed.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PASSED=0
FAILED=0
RESULTS=()
LAST_STATUS=0

# step NAME CMD...: run CMD, record PASS/FAIL with its duration, never abort the script.
step() {
    local name="$1" t0=$SECONDS status=0
    shift
    printf '\n==> %s: %s\n' "$name" "$*"
    "$@" || status=$?
    LAST_STATUS=$status
    if [ "$status" -eq 0 ]; then
        PASSED=$((PASSED + 1))
        RESULTS+=("$(printf 'PASS  %-13s %4ss' "$name" $((SECONDS - t0)))")
    else
        FAILED=$((FAILED + 1))
        RESULTS+=("$(printf 'FAIL  %-13s %4ss  (exit %s)' "$name" $((SECONDS - t0)) "$status")")
    fi
    return 0
}

# A step that could not run at all (its prerequisite failed).
fail_step() {
    FAILED=$((FAILED + 1))
    RESULTS+=("$(printf 'FAIL  %-13s         (%s)' "$1" "$2")")
    printf '\n==> %s: not run: %s\n' "$1" "$2"
}

PGDIR=""
MYDIR=""
cleanup() {
    if [ -n "$PGDIR" ]; then
        bash "$REPO_ROOT/scripts/pg.sh" stop "$PGDIR" >/dev/null 2>&1 || true
    fi
    if [ -n "$MYDIR" ]; then
        bash "$REPO_ROOT/scripts/mariadb.sh" stop "$MYDIR" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_pg() {
    local envs
    envs="$(bash scripts/pg.sh start "$PGDIR")" || return 1
    eval "$envs"   # exports PGHOST, PGPORT, PGUSER, SCHEMASHIFT_PGHOST
}

step setup bash scripts/setup.sh
ensure_cargo_on_path   # setup may just have installed rustup
# The fuzz crate is a workspace of its own (fuzz/Cargo.toml), which `--all` does not reach.
fmt_check() {
    cargo fmt --all -- --check && cargo fmt --manifest-path fuzz/Cargo.toml --all -- --check
}
step fmt fmt_check
step clippy cargo clippy --workspace --all-targets -- -D warnings
# pg_roundtrip is also a test target of the workspace: here it sees no server and skips on
# purpose (PG_ROUNDTRIP_SKIP=1, else it fails under CI=true); it runs for real further down.
step test env -u SCHEMASHIFT_PGHOST -u SCHEMASHIFT_MYSQL_SOCKET PG_ROUNDTRIP_SKIP=1 \
    MYSQL_ROUNDTRIP_SKIP=1 VERIFY_PG_SKIP=1 cargo test --workspace
step fast_path cargo test --release -p schemashift --test fast_path -- --ignored
# Fuzz smoke (scripts/fuzz.sh): each of the 7 targets for N seconds. Under CI=true it runs by
# default for 10 s each (the cold nightly build of the fuzz crate is most of the step: ~5 min of
# CPU); by hand, SCHEMASHIFT_FUZZ_SECONDS=N turns it on (and the fuzz crate's clippy with it).
FUZZ_SECONDS="${SCHEMASHIFT_FUZZ_SECONDS:-}"
if [ -z "$FUZZ_SECONDS" ] && [ "${CI:-}" = "true" ]; then
    FUZZ_SECONDS=10
fi
if [ -n "$FUZZ_SECONDS" ] && [ "$FUZZ_SECONDS" != 0 ]; then
    step fuzz bash scripts/fuzz.sh "$FUZZ_SECONDS"
fi
if [ -n "${SCHEMASHIFT_FUZZ_SECONDS:-}" ] && [ "$SCHEMASHIFT_FUZZ_SECONDS" != 0 ]; then
    # Clippy on the fuzz crate (its own workspace, so the clippy step does not reach it), with
    # the cfg cargo-fuzz sets (core/tests/gen derives `arbitrary` under it); stable toolchain,
    # its own target dir. Cold: ~2 min of CPU (12 min wall on the shared machine).
    step fuzz_clippy env RUSTFLAGS="--cfg fuzzing" CARGO_TARGET_DIR=fuzz/target/clippy \
        cargo clippy --manifest-path fuzz/Cargo.toml --all-targets -- -D warnings
fi

# Under /tmp, not $TMPDIR: the server runs as user postgres (when we are root) and must reach
# the directory, and the socket path must stay short.
PGDIR="$(mktemp -d /tmp/schemashift-pg.XXXXXX)"
step postgres start_pg
if [ "$LAST_STATUS" -eq 0 ]; then
    step pg_roundtrip cargo test -p schemashift-cli --test pg_roundtrip -- --nocapture
    if [ "$LAST_STATUS" -ne 0 ] && [ -f "$PGDIR/postgres.log" ]; then
        printf '\n--- last lines of the server log (%s) ---\n' "$PGDIR/postgres.log"
        tail -n 20 "$PGDIR/postgres.log" || true
    fi
    step verify cargo test -p schemashift-cli --test verify
else
    fail_step pg_roundtrip "no PostgreSQL cluster"
    fail_step verify "no PostgreSQL cluster"
fi

# A private MariaDB server (as root it runs as user mysql: under /tmp, short socket path).
start_mariadb() {
    local envs
    envs="$(bash scripts/mariadb.sh start "$MYDIR")" || return 1
    eval "$envs"   # exports SCHEMASHIFT_MYSQL_SOCKET, MYSQL_UNIX_PORT
}
alembic_mariadb_tests() {
    cargo build --quiet -p schemashift-cli || return $?
    [ -x .venv/bin/python ] || { echo "no .venv (scripts/setup.sh makes it)" >&2; return 1; }
    SCHEMASHIFT_BIN="$REPO_ROOT/target/debug/schemashift" .venv/bin/python cli/tests/alembic_mariadb.py
}
# models.py input against real SQLAlchemy's DDL (models_check.py --mariadb: on that server).
models_check() {
    cargo build --quiet -p schemashift-cli || return $?
    [ -x .venv/bin/python ] || { echo "no .venv (scripts/setup.sh makes it)" >&2; return 1; }
    .venv/bin/python core/tests/models_check.py --cli "$REPO_ROOT/target/debug/schemashift" "$@"
}
MYDIR="$(mktemp -d /tmp/schemashift-my.XXXXXX)"
step mariadb start_mariadb
if [ "$LAST_STATUS" -eq 0 ]; then
    step mysql_roundtrip cargo test -p schemashift-cli --test mysql_roundtrip
    if [ "$LAST_STATUS" -ne 0 ] && [ -f "$MYDIR/mariadb.log" ]; then
        printf '\n--- last lines of the server log (%s) ---\n' "$MYDIR/mariadb.log"
        tail -n 20 "$MYDIR/mariadb.log" || true
    fi
    step models_mariadb models_check --mariadb
    step alembic_mariadb alembic_mariadb_tests
else
    fail_step mysql_roundtrip "no MariaDB server"
    fail_step models_mariadb "no MariaDB server"
    fail_step alembic_mariadb "no MariaDB server"
fi

# Real Alembic on the same cluster (one database pair per worker process).
alembic_tests() {
    cargo build --quiet -p schemashift-cli || return $?
    [ -x .venv/bin/python ] || { echo "no .venv (scripts/setup.sh makes it)" >&2; return 1; }
    SCHEMASHIFT_BIN="$REPO_ROOT/target/debug/schemashift" .venv/bin/python cli/tests/alembic_roundtrip.py
}
if [ -n "${SCHEMASHIFT_PGHOST:-}" ]; then
    step alembic alembic_tests
else
    fail_step alembic "no PostgreSQL cluster"
fi

# models.py input against real SQLAlchemy (and, through SCHEMASHIFT_PGHOST when the cluster
# runs, real PostgreSQL), then the models -> Alembic workflow with real Alembic.
step models models_check
# SQLModel's documentation examples (from the pinned release's sdist on PyPI), the same check.
models_public() {
    cargo build --quiet -p schemashift-cli || return $?
    .venv/bin/python core/tests/models_public.py --cli "$REPO_ROOT/target/debug/schemashift"
}
step models_public models_public
models_alembic() {
    cargo build --quiet -p schemashift-cli || return $?
    [ -x .venv/bin/python ] || { echo "no .venv (scripts/setup.sh makes it)" >&2; return 1; }
    .venv/bin/python cli/tests/models_alembic.py --cli "$REPO_ROOT/target/debug/schemashift"
}
step models_alembic models_alembic

# Alembic histories read statically against real `alembic upgrade` / `downgrade` on SQLite, the
# PostgreSQL cluster and the MariaDB server (each revision's dump must equal the replay).
alembic_history() {
    cargo build --quiet -p schemashift-cli || return $?
    [ -x .venv/bin/python ] || { echo "no .venv (scripts/setup.sh makes it)" >&2; return 1; }
    SCHEMASHIFT_BIN="$REPO_ROOT/target/debug/schemashift" .venv/bin/python cli/tests/alembic_history.py
}
if [ -n "${SCHEMASHIFT_PGHOST:-}" ] && [ -n "${SCHEMASHIFT_MYSQL_SOCKET:-}" ]; then
    step alembic_history alembic_history
else
    fail_step alembic_history "no PostgreSQL cluster or MariaDB server"
fi

# The npm package, tested as users get it: the packed tarball against the native CLI.
npm_tests() {
    local tgz
    cargo build --release --quiet -p schemashift-cli || return $?
    tgz="$(bash npm/build.sh | tail -n 1)" || return $?
    SCHEMASHIFT_NPM_TGZ="$tgz" SCHEMASHIFT_CLI="$REPO_ROOT/target/release/schemashift" \
        node --test --test-reporter=spec npm/test/*.test.mjs
}
step npm npm_tests
# The wheel as pip users get it, and the pre-commit hooks (builds reuse target/).
step python bash python/tests/test_wheel.sh
# Node and Chromium (tests/browser.rs; chromedriver from PATH).
# --no-fail-fast: every suite runs even when an earlier one fails (the web components too).
# The web components embed the editor bundle (web/editor/dist/editor.js): built first.
wasm_tests() {
    node web/editor/build.mjs || return $?
    env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
        cargo test -p wasm-tests --target wasm32-unknown-unknown --profile wasm-test --no-fail-fast
}
step wasm-tests wasm_tests

# The web app as users get it: the built dist/, served on 127.0.0.1, in headless Chromium.
web_tests() {
    local target_dir
    target_dir="$(cargo metadata --format-version 1 --no-deps \
        | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).target_directory))")"
    web_build || return $?
    # The e2e tests check that the page's output equals the native CLI's.
    cargo build --release --quiet -p schemashift-cli || return $?
    (cd web/e2e && SCHEMASHIFT_CLI="$target_dir/release/schemashift" \
        SCHEMASHIFT_E2E_ARTIFACTS="$target_dir/web-artifacts" npm test)
}
step web web_tests

printf '\n==> summary\n'
printf '%s\n' "${RESULTS[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
