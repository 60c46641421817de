#!/usr/bin/env bash
# Fuzz every target of fuzz/ (cargo-fuzz, libFuzzer) for SECONDS each (default 60):
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Targets: sql_postgres, sql_sqlite, sql_mysql (MySQL and MariaDB), models_py, pipeline
# (both sides parsed, diffed, SQL up/down, Alembic, JSON; diff(A, A) must be empty and the
# output deterministic), schema_pairs (structure-aware: an `arbitrary` schema pair from the
# property tests' generator, core/tests/gen, rendered to DDL per dialect; UP and DOWN must
# converge in the model, the output must not depend on statement order) and alembic_history
# (revision files separated by NUL bytes: replayed to head and base, and reviewed). Seeds: fuzz/seeds/<target> (committed) and fuzz/corpus/<target>
# (made by fuzz/make_corpus.py from the core test cases, ../shared/corpus and
# ../shared/bench-inputs; the fuzzer adds what it finds there). Crashes are written to
# fuzz/artifacts/<target>/; reproduce one with
#   cd fuzz && cargo +nightly fuzz run --sanitizer none -a TARGET artifacts/TARGET/crash-...
#
# Needs the nightly toolchain and cargo-fuzz (installed here when missing, as by
# scripts/setup.sh). Builds go to FUZZ_TARGET_DIR (default fuzz/target), not the workspace's
# target dir. The last line is "fuzz: N executions, N crashes"; exit status 1 on a crash.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

# All in a function: bash reads the whole of it before running it, so editing this file
# during a long run does not derail the run.
main() {
    SECS="${1:-60}"
    if [ "$#" -gt 0 ]; then shift; fi
    ALL=(sql_postgres sql_sqlite sql_mysql models_py pipeline schema_pairs alembic_history)
    TARGETS=("$@")
    if [ "${#TARGETS[@]}" -eq 0 ]; then TARGETS=("${ALL[@]}"); fi

    . "$REPO_ROOT/scripts/setup.sh"
    ensure_fuzz_toolchain

    export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$REPO_ROOT/fuzz/target}"
    for t in "${TARGETS[@]}"; do
        if [ ! -d "fuzz/corpus/$t" ]; then
            python3 fuzz/make_corpus.py
            break
        fi
    done

    cd fuzz
    # -a: debug assertions (integer overflow panics); no sanitizer: the code is safe Rust, and
    # without ASan the targets run several times faster.
    FLAGS=(--sanitizer none -a)
    t0=$SECONDS
    cargo +nightly fuzz build "${FLAGS[@]}"
    log "build: $((SECONDS - t0)) s"

    TOTAL=0
    CRASHES=0
    SUMMARY=()
    mkdir -p "$REPO_ROOT/fuzz/logs"
    for t in "${TARGETS[@]}"; do
        opts=(-dict=dict/sql.dict -max_len=8192)
        case "$t" in
            models_py) opts=(-dict=dict/python.dict -max_len=8192) ;;
            alembic_history) opts=(-dict=dict/python.dict -max_len=32768) ;;
            schema_pairs) opts=(-max_len=4096) ;;
        esac
        mkdir -p "corpus/$t" "seeds/$t" "artifacts/$t"
        out="$REPO_ROOT/fuzz/logs/$t.log"
        status=0
        cargo +nightly fuzz run "${FLAGS[@]}" "$t" "corpus/$t" "seeds/$t" -- \
            -max_total_time="$SECS" "${opts[@]}" -timeout=20 \
            -rss_limit_mb=2048 -print_final_stats=1 -close_fd_mask=1 >"$out" 2>&1 || status=$?
        execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out" | grep -o '[0-9]*$' | tail -1 || true)"
        execs="${execs:-0}"
        TOTAL=$((TOTAL + execs))
        if [ "$status" -ne 0 ]; then
            CRASHES=$((CRASHES + 1))
            SUMMARY+=("$(printf 'CRASH %-13s %10s executions  (see fuzz/logs/%s.log, fuzz/artifacts/%s/)' "$t" "$execs" "$t" "$t")")
            grep -m 5 -E 'panicked|ERROR|Test unit written' "$out" >&2 || true
        else
            SUMMARY+=("$(printf 'ok    %-13s %10s executions in %s s' "$t" "$execs" "$SECS")")
        fi
    done
    printf '%s\n' "${SUMMARY[@]}"
    echo "fuzz: $TOTAL executions, $CRASHES crashes"
    [ "$CRASHES" -eq 0 ]
}

main "$@"
