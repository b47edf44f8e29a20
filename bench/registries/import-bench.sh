#!/usr/bin/env bash
# Bulk import of the population registry against the database's own CSV loader, in one run on one
# machine. See docs/benchmarks.md.
#
#   bench/registries/import-bench.sh                         # SQLite: sqlite3 .import vs tongban import
#   BENCH_DATABASE=postgres bench/registries/import-bench.sh # PostgreSQL: psql \copy vs tongban import
#
# Publishes src/Tongban.Cli (Release), generates the population file once (kept in BENCH_CACHE), then:
#   1. the baseline: the database's CSV loader into a plain table with the file's columns, no index,
#      no checks (sqlite3 .import into a fresh file; psql \copy into a fresh table);
#   2. ours: `tongban import registry population FILE` into a fresh database holding the demo region
#      (migrated and seeded first, not timed): every line checked, staged, merged, versioned, indexed.
#
# Settings (environment):
#   BENCH_PEOPLE=2235402   records in the generated file
#   BENCH_DATABASE=sqlite  or postgres (a throw-away PostgreSQL 15 from .ci/postgres.sh)
#   BENCH_CACHE=/tmp/tongban-registries-bench   where the file (and the published CLI) are kept
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"
PEOPLE="${BENCH_PEOPLE:-2235402}"
DATABASE="${BENCH_DATABASE:-sqlite}"
CACHE="${BENCH_CACHE:-${TMPDIR:-/tmp}/tongban-registries-bench}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$CACHE"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-regbench.XXXXXX")"
cleanup() {
    if [ "$DATABASE" = "postgres" ] && declare -F pg_stop >/dev/null; then pg_stop; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "publishing src/Tongban.Cli (Release)" >&2
dotnet publish "$REPO_ROOT/src/Tongban.Cli" -c Release -o "$CACHE/cli" -v q --nologo >&2
TONGBAN="$CACHE/cli/tongban"

FILE="$CACHE/population-$PEOPLE.csv"
if [ ! -s "$FILE" ]; then
    echo "generating $PEOPLE people into $FILE" >&2
    "$TONGBAN" generate registry population --count "$PEOPLE" --out "$FILE" --seed 1 >&2
fi
LINES=$(($(wc -l <"$FILE") - 1))
SIZE_MB=$(($(stat -c %s "$FILE") / 1048576))

seconds() { # command...: runs it, prints the wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" >"$WORK/last.out" 2>&1 || { cat "$WORK/last.out" >&2; return 1; }
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.1f}')"
}

export Storage__DataDirectory="$WORK/data"
if [ "$DATABASE" = "postgres" ]; then
    # shellcheck source=.ci/postgres.sh
    source "$REPO_ROOT/.ci/postgres.sh"
    pg_start
    PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U tongban -v ON_ERROR_STOP=1 -q)
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE tongban_bench" -c "CREATE DATABASE plain_bench"
    export Database__Provider=Postgres Database__ConnectionString="${PG_CONNECTION_STRING/Database=postgres/Database=tongban_bench}"
    COLUMNS_SQL="$(head -1 "$FILE" | sed 's/,/ text, /g; s/$/ text/')"
    "${PSQL[@]}" -d plain_bench -c "CREATE TABLE persons ($COLUMNS_SQL)"
    BASELINE_NAME='psql \copy'
    BASELINE=$(seconds "${PSQL[@]}" -d plain_bench -c "\\copy persons FROM '$FILE' WITH (FORMAT csv, HEADER true)")
    BASELINE_ROWS=$("${PSQL[@]}" -d plain_bench -Atc "SELECT count(*) FROM persons")
    SERVER="PostgreSQL $("${PSQL[@]}" -d postgres -Atc 'SHOW server_version') (.ci/postgres.sh, fsync off)"
else
    BASELINE_NAME='sqlite3 .import'
    BASELINE=$(seconds sqlite3 "$WORK/plain.db" ".import --csv $FILE persons")
    BASELINE_ROWS=$(sqlite3 "$WORK/plain.db" "SELECT count(*) FROM persons")
    SERVER="SQLite (sqlite3 $(sqlite3 --version | cut -d' ' -f1); Microsoft.Data.Sqlite for Tongban)"
fi

echo "seeding the demo region (not timed)" >&2
"$TONGBAN" seed demo >"$WORK/seed.out" 2>&1 || { cat "$WORK/seed.out" >&2; exit 1; }
OURS=$(seconds "$TONGBAN" import registry population "$FILE")
SUMMARY=$(tr -d "\n" <"$WORK/last.out" | grep -ao "lines: added[^(]*" | tail -1)
AGAIN=$(seconds "$TONGBAN" import registry population "$FILE")
AGAIN_SUMMARY=$(tr -d "\n" <"$WORK/last.out" | grep -ao "lines: added[^(]*" | tail -1)

echo
echo "file: $LINES records, $SIZE_MB MiB ($FILE)"
echo "database: $SERVER"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
echo
echo "| step | seconds | records/s | result |"
echo "| --- | ---: | ---: | --- |"
echo "| baseline: $BASELINE_NAME into a plain table | $BASELINE | $(python3 -c "print(f'{$BASELINE_ROWS / $BASELINE:,.0f}')") | $BASELINE_ROWS rows |"
echo "| tongban import registry population | $OURS | $(python3 -c "print(f'{$LINES / $OURS:,.0f}')") | $SUMMARY |"
echo "| the same file again (all unchanged) | $AGAIN | $(python3 -c "print(f'{$LINES / $AGAIN:,.0f}')") | $AGAIN_SUMMARY |"
LIMIT=$([ "$DATABASE" = "postgres" ] && echo 30 || echo 60)
echo
python3 -c "import sys; ok = $OURS <= $LIMIT; print(('PASS' if ok else 'FAIL') + f': {$OURS} s for the import (target <= $LIMIT s on $DATABASE), {$OURS / $BASELINE:.1f} x the baseline'); sys.exit(0 if ok else 1)"
