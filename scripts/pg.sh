#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster in a directory of your choice.
#
#   scripts/pg.sh start DIR   initdb into DIR/data (first time) and start the server, listening
#                             only on a unix socket in DIR (no TCP); prints the env to use
#   scripts/pg.sh stop DIR    stop the server and delete DIR
#   scripts/pg.sh env DIR     print the env to use
#
# The env is printed as shell on stdout (messages go to stderr), so this works:
#   eval "$(scripts/pg.sh start /tmp/pg)"; psql -c 'select 1'; scripts/pg.sh stop /tmp/pg
#
# Durability is switched off (fsync, full_page_writes, synchronous_commit): test data only.
# As root, the server runs as user `postgres` (PostgreSQL refuses to run as root), so DIR and
# every parent directory must be reachable by that user (/tmp and mktemp -d are fine).
# Binaries: the newest /usr/lib/postgresql/*/bin (override with PG_BINDIR); install them with
# scripts/setup.sh.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=5432                 # only names the socket file (DIR/.s.PGSQL.5432); no TCP at all
MARKER=.schemashift-pg    # written by `start`; `stop` deletes only directories that have it

usage() {
    echo "usage: $0 start|stop|env DIR" >&2
    exit 2
}

pg_bindir() {
    if [ -n "${PG_BINDIR:-}" ]; then
        echo "$PG_BINDIR"
        return
    fi
    local dir
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null \
        | sort -V | tail -n 1)"
    if [ -z "$dir" ] || [ ! -x "$dir/pg_ctl" ]; then
        die "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (run scripts/setup.sh)"
    fi
    echo "$dir"
}

# Run a command as the cluster owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

print_env() {
    local dir="$1"
    printf "export PGHOST='%s'\n" "$dir"
    printf "export PGPORT=%s\n" "$PORT"
    printf "export PGUSER=postgres\n"
    printf "export SCHEMASHIFT_PGHOST='%s'\n" "$dir"
}

is_running() {
    local bindir="$1" dir="$2"
    [ -f "$dir/data/PG_VERSION" ] && as_owner "$bindir/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

cmd_start() {
    local dir="$1" bindir
    bindir="$(pg_bindir)"
    mkdir -p "$dir"
    touch "$dir/$MARKER"

    # A unix socket path must fit in sockaddr_un (107 bytes).
    if [ $((${#dir} + ${#PORT} + 10)) -gt 107 ]; then
        die "socket path too long, use a shorter DIR: $dir/.s.PGSQL.$PORT"
    fi
    case "$dir" in *"'"* | *" "*) die "DIR must not contain quotes or spaces: $dir" ;; esac

    if is_running "$bindir" "$dir"; then
        log "already running in $dir"
        print_env "$dir"
        return 0
    fi

    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "user 'postgres' missing (run scripts/setup.sh)"
        chown postgres: "$dir"
        chmod 0755 "$dir"
    fi

    if [ ! -f "$dir/data/PG_VERSION" ]; then
        log "initdb $dir/data ($("$bindir/postgres" --version))"
        if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale \
            --no-sync >"$dir/initdb.log" 2>&1; then
            cat "$dir/initdb.log" >&2
            die "initdb failed"
        fi
    fi

    log "starting server (socket $dir/.s.PGSQL.$PORT)"
    if ! as_owner "$bindir/pg_ctl" start -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -s \
        -o "-p $PORT -k '$dir' -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off"; then
        tail -n 30 "$dir/postgres.log" >&2 || true
        die "server did not start (log: $dir/postgres.log)"
    fi
    print_env "$dir"
}

cmd_stop() {
    local dir="$1" bindir
    [ -d "$dir" ] || return 0
    if [ ! -f "$dir/$MARKER" ]; then
        die "refusing to delete $dir: it was not created by '$0 start' (no $MARKER)"
    fi
    if [ -f "$dir/data/postmaster.pid" ]; then
        bindir="$(pg_bindir)"
        as_owner "$bindir/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 -s \
            || as_owner "$bindir/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 -s \
            || log "warning: could not stop the server in $dir"
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
