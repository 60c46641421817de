#!/usr/bin/env bash
# Benchmark the pipeline on real schemas: in-process medians (criterion, core/benches/gitlab.rs),
# whole-process figures of the release CLI (wall time and peak memory, /usr/bin/time), the npm
# package in Node and the web app in headless Chromium.
#
#   bash scripts/bench.sh            # all benchmarks (~15 minutes with the builds)
#   bash scripts/bench.sh migrate    # only criterion ids containing "migrate" (criterion filter)
#   bash scripts/bench.sh process    # only the whole-process figures
#   bash scripts/bench.sh node       # only the npm package in Node (npm/bench.mjs)
#   bash scripts/bench.sh web        # only the web app in headless Chromium (perf.test.js)
#
# All of them (no argument, or a criterion filter) report each row of issue 16's table: the
# criterion medians, the whole-process rows below, the npm package's warm and cold diff() in
# Node against the native CLI (builds the package: npm/build.sh), and the web app's figures
# (builds web/dist: bundle sizes, GitLab paste to rendered migration, 5 MB drop; the perf test
# writes them to target/web-artifacts/perf.json, printed here). Needs what scripts/setup.sh
# installs.
#
# Whole-process rows (issue 16's table), each the median of BENCH_RUNS runs (default 5; the
# 50 MB row 3) of `schemashift diff`, output to /dev/null:
#   gitlab/up       the GitLab pg_dump pair 2025-05-29 -> 2026-02-12, UP script
#   gitlab/alembic  the same pair, the Alembic revision file
#   big/up          two generated ~50 MB dumps: 14 and 11 copies of those dumps, each copy in
#                   schemas of its own (public -> sN, gitlab_partitions_* -> .._N)
#   mariadb/up      a generated mariadb-dump --no-data pair of 2,000 tables (~2 MB each side;
#                   desired: every third table changed, every 50th dropped, 40 new), UP script,
#                   --dialect mariadb: the MySQL frontend, planner and writer at scale
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
    # gen_mysql DESIRED(0|1): a mariadb-dump --no-data style schema of 2,000 tables, each with a
    # key to the one before; the desired side changes every third table, drops every 50th
    # and adds 40.
    gen_mysql() {
        awk -v desired="$1" 'BEGIN {
            print "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;"
            print "/*!40101 SET NAMES utf8mb4 */;"
            print "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;"
            n = desired ? 2040 : 2000
            for (i = 0; i < n; i++) {
                t = sprintf("t%04d", i)
                if (desired && i % 50 == 49) continue
                changed = desired && i % 3 == 0
                printf "\n--\n-- Table structure for table `%s`\n--\n\n", t
                printf "DROP TABLE IF EXISTS `%s`;\n", t
                print "/*!40101 SET @saved_cs_client     = @@character_set_client */;"
                print "/*!40101 SET character_set_client = utf8 */;"
                printf "CREATE TABLE `%s` (\n", t
                print "  `id` int(11) NOT NULL AUTO_INCREMENT,"
                print "  `parent_id` int(11) DEFAULT NULL,"
                printf "  `name` varchar(%d) NOT NULL,\n", changed ? 150 : 100
                print "  `email` varchar(255) DEFAULT NULL,"
                print "  `status` enum(\x27new\x27,\x27active\x27,\x27closed\x27) NOT NULL DEFAULT \x27new\x27,"
                print "  `amount` decimal(12,2) NOT NULL DEFAULT 0.00,"
                print "  `flag` tinyint(1) NOT NULL DEFAULT 0,"
                print "  `body` text DEFAULT NULL,"
                if (changed) print "  `note` varchar(200) DEFAULT NULL COMMENT \x27added\x27,"
                print "  `created_at` datetime NOT NULL DEFAULT current_timestamp(),"
                print "  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),"
                print "  PRIMARY KEY (`id`),"
                print "  UNIQUE KEY `email` (`email`),"
                if (changed) printf "  KEY `%s_status` (`status`,`created_at`),\n", t
                else printf "  KEY `%s_name` (`name`),\n", t
                if (i > 0 && !(desired && (i - 1) % 50 == 49)) {
                    print "  KEY `parent_id` (`parent_id`),"
                    printf "  CONSTRAINT `%s_ibfk_1` FOREIGN KEY (`parent_id`) REFERENCES `t%04d` (`id`) ON DELETE CASCADE\n", t, i - 1
                } else {
                    print "  KEY `parent_id` (`parent_id`)"
                }
                print ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;"
                print "/*!40101 SET character_set_client = @saved_cs_client */;"
            }
            print "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;"
        }'
    }
    gen_mysql 0 >"$tmp/mariadb_a.sql"
    gen_mysql 1 >"$tmp/mariadb_b.sql"
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
    row mariadb/up "$runs" --dialect mariadb "$tmp/mariadb_a.sql" "$tmp/mariadb_b.sql"
    rm -rf "$tmp"
}

# node_figures: the npm package in Node 20 against the native CLI on the GitLab pair (warm and
# cold diff(), medians of BENCH_RUNS runs, default 3).
node_figures() {
    cargo build --release --quiet -p schemashift-cli
    bash npm/build.sh >/dev/null
    node npm/bench.mjs --runs "${BENCH_RUNS:-3}"
}

# web_figures: the web app as users get it (web/dist), in Debian's headless Chromium.
web_figures() {
    web_build
    (cd web/e2e && SCHEMASHIFT_E2E_ARTIFACTS="$target_dir/web-artifacts" \
        node --test --test-concurrency=1 tests/perf.test.js)
    printf '\nweb (%s)\n' "$target_dir/web-artifacts/perf.json"
    cat "$target_dir/web-artifacts/perf.json"
}

case "${1:-}" in
    process) whole_process; exit 0 ;;
    node) node_figures; exit 0 ;;
    web) web_figures; exit 0 ;;
esac

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
node_figures
web_figures
