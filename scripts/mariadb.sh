#!/usr/bin/env bash
# A private, throw-away MariaDB server in a directory of your choice (modelled on pg.sh).
#
#   scripts/mariadb.sh start DIR   mariadb-install-db into DIR/data (first time) and start
#                                  mariadbd on a unix socket DIR/mysqld.sock (no TCP);
#                                  prints the env to use
#   scripts/mariadb.sh stop DIR    stop the server and delete DIR
#   scripts/mariadb.sh env DIR     print the env to use
#
# The env is printed as shell on stdout (messages go to stderr), so this works:
#   eval "$(scripts/mariadb.sh start /tmp/my)"; mariadb -e 'select 1'; scripts/mariadb.sh stop /tmp/my
#
# Durability is switched off (innodb_flush_log_at_trx_commit=0, no doublewrite): test data
# only. As root, the server runs as user `mysql`, so DIR and every parent directory must be
# reachable by that user (/tmp and mktemp -d are fine). Install the server with scripts/setup.sh
# (Debian's mariadb-server and mariadb-client).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MARKER=.schemashift-mariadb   # written by `start`; `stop` deletes only directories that have it

usage() {
    echo "usage: $0 start|stop|env DIR" >&2
    exit 2
}

run_user() {
    if [ "$(id -u)" -eq 0 ]; then echo mysql; else id -un; fi
}

print_env() {
    local dir="$1"
    printf "export SCHEMASHIFT_MYSQL_SOCKET='%s'\n" "$dir/mysqld.sock"
    printf "export MYSQL_UNIX_PORT='%s'\n" "$dir/mysqld.sock"
}

is_running() {
    local dir="$1"
    [ -S "$dir/mysqld.sock" ] && mariadb-admin --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1
}

cmd_start() {
    local dir="$1" user
    have mariadbd || die "no mariadbd (run scripts/setup.sh)"
    user="$(run_user)"
    mkdir -p "$dir"
    touch "$dir/$MARKER"
    if [ $((${#dir} + 12)) -gt 107 ]; then
        die "socket path too long, use a shorter DIR: $dir/mysqld.sock"
    fi
    case "$dir" in *"'"* | *" "*) die "DIR must not contain quotes or spaces: $dir" ;; esac
    if [ "$(id -u)" -eq 0 ]; then
        id mysql >/dev/null 2>&1 || die "user 'mysql' missing (run scripts/setup.sh)"
        chown mysql: "$dir"
        chmod 0755 "$dir"
    fi
    if is_running "$dir"; then
        log "already running in $dir"
        print_env "$dir"
        return 0
    fi
    if [ ! -d "$dir/data/mysql" ]; then
        log "mariadb-install-db $dir/data ($(mariadbd --version | head -n 1))"
        if ! mariadb-install-db --no-defaults --datadir="$dir/data" --user="$user" \
            --auth-root-authentication-method=normal --skip-test-db \
            >"$dir/install.log" 2>&1; then
            cat "$dir/install.log" >&2
            die "mariadb-install-db failed"
        fi
    fi
    log "starting mariadbd (socket $dir/mysqld.sock)"
    mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/mysqld.sock" \
        --pid-file="$dir/mysqld.pid" --skip-networking --user="$user" \
        --log-error="$dir/mariadb.log" --innodb-flush-log-at-trx-commit=0 \
        --innodb-doublewrite=0 --innodb-buffer-pool-size=64M --skip-log-bin \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
        >/dev/null 2>&1 &
    local i
    for i in $(seq 1 120); do
        if is_running "$dir"; then
            print_env "$dir"
            return 0
        fi
        sleep 0.5
    done
    tail -n 30 "$dir/mariadb.log" >&2 || true
    die "server did not start (log: $dir/mariadb.log)"
}

cmd_stop() {
    local dir="$1" pid i
    [ -d "$dir" ] || return 0
    if [ ! -f "$dir/$MARKER" ]; then
        die "refusing to delete $dir: it was not created by '$0 start' (no $MARKER)"
    fi
    if [ -f "$dir/mysqld.pid" ]; then
        pid="$(cat "$dir/mysqld.pid")"
        kill "$pid" 2>/dev/null || true
        for i in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf -- "$dir"
}

[ $# -eq 2 ] || usage
case "$2" in
    /*) dir="${2%/}" ;;
    *) dir="$(pwd)/${2%/}" ;;
esac
if [ -z "$dir" ] || [ "$dir" = "/" ]; then usage; fi

case "$1" in
    start) cmd_start "$dir" ;;
    stop) cmd_stop "$dir" ;;
    env) print_env "$dir" ;;
    *) usage ;;
esac
