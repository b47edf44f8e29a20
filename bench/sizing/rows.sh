#!/usr/bin/env bash
# What a case costs on disk on PostgreSQL (issue #21: the sizes behind the plan for province and national scale in
# docs/operations.md). Starts a throw-away PostgreSQL (.ci/postgres.sh), migrates, loads the demo region, generates
# BENCH_CASES cases (`tongban generate cases`: their events, visits, ratings, audit entries and statistics facts as
# the platform writes them), then prints every table of more than 1 MB with its rows and its bytes per generated case
# (table, indexes and TOAST: pg_total_relation_size), biggest first.
#
#   bench/sizing/rows.sh                 # BENCH_CASES=20000
#
# The baseline is the same database before generating (the demo region): its sizes are subtracted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
CASES="${BENCH_CASES:-20000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-sizing.XXXXXX")"
# shellcheck source=../../.ci/postgres.sh
source .ci/postgres.sh
cleanup() { local rc=$?; pg_stop >/dev/null 2>&1 || true; rm -rf "$WORK"; exit "$rc"; }
trap cleanup EXIT
pg_start >&2
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U tongban -At)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE sizing" >/dev/null
export Database__Provider=Postgres Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=tongban;Database=sizing"
export Storage__DataDirectory="$WORK/data"
mkdir -p "$Storage__DataDirectory"

echo "publishing" >&2
dotnet publish src/Tongban.Cli -c Release -o "$WORK/cli" --nologo >"$WORK/publish.log" 2>&1 || { tail -30 "$WORK/publish.log" >&2; exit 1; }
tongban() { (cd "$WORK/cli" && dotnet tongban.dll "$@"); }
tongban keys rotate-personal-data >&2
tongban db migrate >&2
tongban seed demo >&2
sizes() {
  "${PSQL[@]}" -d sizing -F ' ' -c "VACUUM ANALYZE" -c "SELECT c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public'" | grep -v '^VACUUM'
}
sizes >"$WORK/before"
echo "generating $CASES cases" >&2
tongban generate cases --count "$CASES" --seed 1 >&2
sizes >"$WORK/after"
echo "PostgreSQL $("${PSQL[@]}" -d sizing -c 'SHOW server_version'), $CASES generated cases, $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-34s %12s %14s %12s\n' table rows "bytes/case" "MB"
join -a 2 <(sort "$WORK/before") <(sort "$WORK/after") | awk -v n="$CASES" '
  NF == 5 { rows = $4 - $2; bytes = $5 - $3 } NF == 3 { rows = $2; bytes = $3 }
  bytes > 1048576 { printf "%-34s %12d %14.0f %12.1f\n", $1, rows, bytes / n, bytes / 1048576 }' | sort -k3 -nr
total=$(join -a 2 <(sort "$WORK/before") <(sort "$WORK/after") | awk '{ b += (NF == 5 ? $5 - $3 : $3) } END { print b }')
echo "all tables: $((total / CASES)) bytes per case"
