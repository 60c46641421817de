#!/usr/bin/env bash
# Benchmark the pipeline on real schemas: in-process medians (criterion, core/benches/gitlab.rs),
# then whole-process figures of the release CLI (wall time and peak memory, /usr/bin/time).
#
#   bash scripts/bench.sh            # all benchmarks (a few minutes)
#   bash scripts/bench.sh migrate    # only criterion ids containing "migrate" (criterion filter)
#   bash scripts/bench.sh process    # only the whole-process figures
#
# Whole-process rows (issue 16's table), each the median of BENCH_RUNS runs (default 5; the
# 50 MB row 3) of `schemashift diff`, output to /dev/null:
#   gitlab/up       the GitLab pg_dump pair 2025-05-29 -> 2026-02-12, UP script
#   gitlab/alembic  the same pair, the Alembic revision file
#   big/up          two generated ~50 MB dumps: 14 and 11 copies of those dumps, each copy in
#                   schemas of its own (public -> sN, gitlab_partitions_* -> .._N)
# Wall time depends on what else the machine runs: CPU (user + sys) is printed beside it.
#
# Needs ../shared/bench-inputs next to the repository. Criterion keeps its data in
# target/criterion and compares each run with the previous one.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

inputs="$SHARED_DIR/bench-inputs"
[ -d "$inputs" ] || die "no bench inputs at $inputs"
target_dir="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"

# The median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# whole_process: the release CLI under /usr/bin/time, one row per workload.
whole_process() {
    [ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian package: time)"
    cargo build --release -p schemashift-cli
    local tmp
    tmp="$(mktemp -d)"
    # A private copy: another build sharing the target directory may replace the binary.
    cp "$target_dir/release/schemashift" "$tmp/schemashift"
    local current="$inputs/large_gitlab_pgdump15_2025-05-29.sql"
    local desired="$inputs/large_gitlab_pgdump15_2026-02-12.sql"
    # gen NAME COPIES DUMP: COPIES copies of DUMP, each in schemas of its own.
    gen() {
        local i
        for i in $(seq 1 "$2"); do
            echo "CREATE SCHEMA s$i;"
            sed -e "s/\bpublic\./s$i./g" \
                -e "s/\bgitlab_partitions_dynamic\b/gitlab_partitions_dynamic_$i/g" \
                -e "s/\bgitlab_partitions_static\b/gitlab_partitions_static_$i/g" "$3"
        done >"$tmp/$1"
    }
    gen big_a.sql 14 "$current"
    gen big_b.sql 11 "$desired"
    local alembic=(--format alembic -m bench --rev-id 000000000000 --create-date "2026-01-01 00:00:00")
    printf '\n%-16s %10s %10s %12s  %s\n' "process" "wall" "cpu" "peak RSS" "(median of runs; max RSS)"
    row() {
        local id="$1" runs="$2"
        shift 2
        local walls="" cpus="" rss=0 out
        for _ in $(seq 1 "$runs"); do
            out="$(/usr/bin/time -f '%e %U %S %M' "$tmp/schemashift" diff "$@" 2>&1 >/dev/null | tail -n 1)"
            read -r wall user sys kb <<<"$out"
            walls+="$wall"$'\n'
            cpus+="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"$'\n'
            if [ "$kb" -gt "$rss" ]; then rss="$kb"; fi
        done
        printf '%-16s %8.2f s %8.2f s %9.1f MB\n' "$id" \
            "$(printf '%s' "$walls" | median)" "$(printf '%s' "$cpus" | median)" \
            "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
    }
    local runs="${BENCH_RUNS:-5}"
    row gitlab/up "$runs" "$current" "$desired"
    row gitlab/alembic "$runs" "${alembic[@]}" "$current" "$desired"
    row big/up "${BENCH_RUNS:-3}" "$tmp/big_a.sql" "$tmp/big_b.sql"
    rm -rf "$tmp"
}

if [ "${1:-}" = process ]; then
    whole_process
    exit 0
fi

stamp="$(mktemp)"
trap 'rm -f "$stamp"' EXIT

cargo bench -p schemashift --bench gitlab -- "$@"

# Criterion writes <target>/criterion/<group>/<function>/new/estimates.json; report the ones
# this run wrote. Medians are in nanoseconds.
printf '\n%-28s %12s\n' "benchmark" "median"
found=0
while IFS= read -r file; do
    id="${file#"$target_dir/criterion/"}"
    id="${id%/new/estimates.json}"
    ns="$(sed -nE 's/.*"median":\{"confidence_interval":\{[^}]*\},"point_estimate":([-0-9.eE+]+).*/\1/p' "$file")"
    [ -n "$ns" ] || continue
    awk -v id="$id" -v ns="$ns" 'BEGIN {
        if (ns >= 1e9) printf "%-28s %9.3f s\n", id, ns / 1e9
        else if (ns >= 1e6) printf "%-28s %9.2f ms\n", id, ns / 1e6
        else if (ns >= 1e3) printf "%-28s %9.2f us\n", id, ns / 1e3
        else printf "%-28s %9.2f ns\n", id, ns
    }'
    found=$((found + 1))
done < <(find "$target_dir/criterion" -path '*/new/estimates.json' -newer "$stamp" 2>/dev/null | sort)
[ "$found" -gt 0 ] || die "no criterion results found under $target_dir/criterion"

whole_process
