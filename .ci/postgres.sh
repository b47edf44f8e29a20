# shellcheck shell=bash
# A throw-away PostgreSQL 15 server for the test suite's PostgreSQL lane.
#
#   source .ci/postgres.sh
#   pg_start            # initdb in a temp dir, start on a free 127.0.0.1 port
#   export TONGBAN_TEST_POSTGRES="$PG_CONNECTION_STRING"
#   ...
#   pg_stop             # stop the server and delete the temp dir (safe to call twice)
#
# As root, the server runs as the system user `tongbanci` (created if missing): PostgreSQL
# refuses to run as root. As any other user it runs as that user. Authentication is `trust`
# for the superuser `tongban`, reachable only on 127.0.0.1 and a socket inside the temp dir.
# Durability is switched off (fsync, synchronous_commit, full_page_writes): it is test data.
#
# After pg_start: PG_PORT, PG_DIR (the temp dir; data in $PG_DIR/data, log in $PG_DIR/postgres.log)
# and PG_CONNECTION_STRING are set.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_OS_USER="${PG_OS_USER:-tongbanci}"
PG_DIR="${PG_DIR:-}"
PG_PORT="${PG_PORT:-}"

# Run a command as the server's OS user (or as ourselves when not root), from the temp dir
# so that nothing complains about an unreadable working directory.
_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$PG_DIR" && runuser -u "$PG_OS_USER" -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
pg_free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! ss -Hltn "sport = :$port" | grep -q .; then
            echo "$port"
            return
        fi
    done
    echo "pg_free_port: no free port found" >&2
    return 1
}

pg_start() {
    if [ ! -x "$PG_BIN/postgres" ] || [ ! -x "$PG_BIN/initdb" ]; then
        echo "pg_start: PostgreSQL 15 server binaries not found in $PG_BIN (apt-get install postgresql-15)" >&2
        return 1
    fi
    if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
        echo "pg_start: a server from this shell is already set up in $PG_DIR (pg_stop first)" >&2
        return 1
    fi

    if [ "$(id -u)" -eq 0 ] && ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
        useradd --system --create-home --home-dir "/var/lib/$PG_OS_USER" --shell /usr/sbin/nologin "$PG_OS_USER" \
            || { echo "pg_start: could not create user $PG_OS_USER" >&2; return 1; }
    fi

    PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/tongban-pg.XXXXXX")" || return 1
    chmod 700 "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        chown "$PG_OS_USER:" "$PG_DIR"
    fi

    local locale=C.UTF-8
    if ! locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then
        locale=C
    fi
    if ! _pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U tongban \
        --encoding=UTF8 --locale="$locale" --no-instructions >"$PG_DIR/initdb.log" 2>&1; then
        echo "pg_start: initdb failed:" >&2
        tail -n 30 "$PG_DIR/initdb.log" >&2
        return 1
    fi

    # A free port can be taken between choosing and binding it: try a few.
    local attempt
    for attempt in 1 2 3 4 5; do
        PG_PORT="$(pg_free_port)" || return 1
        rm -f "$PG_DIR/postgres.log"
        if _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
            -o "-c port=$PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$PG_DIR'" \
            -o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            -o "-c shared_buffers=128MB -c max_wal_size=1GB -c log_min_messages=warning" \
            start >"$PG_DIR/pg_ctl.log" 2>&1; then
            PG_CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Username=tongban;Database=postgres;Pooling=true"
            export PG_PORT PG_DIR PG_CONNECTION_STRING
            return 0
        fi
        if ! grep -qi "could not bind\|address already in use" "$PG_DIR/postgres.log" 2>/dev/null; then
            break
        fi
        echo "pg_start: port $PG_PORT was taken, retrying (attempt $attempt)" >&2
    done
    echo "pg_start: PostgreSQL did not start:" >&2
    tail -n 30 "$PG_DIR/pg_ctl.log" "$PG_DIR/postgres.log" >&2 2>/dev/null
    return 1
}

pg_stop() {
    if [ -z "$PG_DIR" ]; then
        return 0
    fi
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
            || echo "pg_stop: PostgreSQL in $PG_DIR did not stop" >&2
    fi
    case "$PG_DIR" in
        */tongban-pg.*) rm -rf "$PG_DIR" ;;
    esac
    PG_DIR=""
    PG_PORT=""
    PG_CONNECTION_STRING=""
    return 0
}
