#!/usr/bin/env bash
# Benchmark the pipeline on real schemas (core/benches/gitlab.rs), then print the medians.
#
#   bash scripts/bench.sh            # all benchmarks (< 2 minutes)
#   bash scripts/bench.sh migrate    # only those whose id contains "migrate" (criterion filter)
#
# Needs ../shared/bench-inputs next to the repository. Criterion keeps its data in
# target/criterion and compares each run with the previous one.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

[ -d "$SHARED_DIR/bench-inputs" ] || die "no bench inputs at $SHARED_DIR/bench-inputs"

target_dir="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
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
