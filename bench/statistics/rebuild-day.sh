#!/usr/bin/env bash
# Rebuilding the statistics' roll-ups of one day (issue #20: a day of 100,000 cases in <= 10 s), on SQLite or, with
# BENCH_DB=postgres, on a throw-away PostgreSQL server (.ci/postgres.sh).
#
#   bench/statistics/rebuild-day.sh            # BENCH_DB=sqlite|postgres
#
# Publishes the tongban command (Release), migrates an empty database, writes BENCH_CASES case facts (st_cases) all
# received, accepted and concluded on one day, spread over 40 departments x 200 items x 3 channels, then times
# `tongban statistics rebuild --from DAY` (twice: the second has a warm file cache). The baseline in the same run is
# `tongban db status` (process start, settings, no work), so the rebuild's own time is the difference.
#
# Settings (environment): BENCH_CASES=100000, BENCH_DAY=2026-11-02, BENCH_KEEP=1 keeps the temp dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CASES="${BENCH_CASES:-100000}"
DAY="${BENCH_DAY:-2026-11-02}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in dotnet sqlite3; do command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }; done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-statistics.XXXXXX")"
# shellcheck source=../../.ci/postgres.sh
source .ci/postgres.sh
# shellcheck source=database.sh
source bench/statistics/database.sh
cleanup() { local rc=$?; pg_stop >/dev/null 2>&1 || true; if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; exit "$rc"; }
trap cleanup EXIT

echo "publishing" >&2
dotnet publish src/Tongban.Cli -c Release -o "$WORK/cli" --nologo >"$WORK/publish.log" 2>&1 || { tail -30 "$WORK/publish.log" >&2; exit 1; }
export Storage__DataDirectory="$WORK/data"
mkdir -p "$Storage__DataDirectory"
DB="$Storage__DataDirectory/tongban.db"
use_database statistics "$DB"
tongban() { (cd "$WORK/cli" && dotnet tongban.dll "$@"); }
tongban keys rotate-personal-data >&2   # a new installation makes its personal-data key first
tongban db migrate >&2

echo "writing $CASES case facts on $DAY ($DB_KIND)" >&2
if [ "$DB_KIND" = sqlite ]; then numbers="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $CASES)"; id="upper(hex(randomblob(16)))"; from="n"; day="'$DAY'"
else numbers=""; id="gen_random_uuid()"; from="generate_series(1, $CASES) AS n(i)"; day="DATE '$DAY'"; fi
sql "$numbers
INSERT INTO st_cases (case_id, case_number, item_code, item_name, department_code, division_code, channel,
    received_on, accepted_on, due_on, concluded_on, corrections, deferred, working_days, rating_level, rated_on, revision)
SELECT $id, 'B' || i, 'ITEM-' || (i % 200), '事项' || (i % 200), 'DEPT' || (i % 40), '211200',
    CASE i % 3 WHEN 0 THEN 'online' WHEN 1 THEN 'window' ELSE 'station' END,
    $day, $day, $day, $day, i % 2, false, i % 5, CASE WHEN i % 4 = 0 THEN 1 + i % 5 END, CASE WHEN i % 4 = 0 THEN $day END, 1
FROM $from;
ANALYZE;"

timed() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'; }
baseline=$(timed tongban db status || true)
first=$(timed tongban statistics rebuild --from "$DAY")
second=$(timed tongban statistics rebuild --from "$DAY")
rows=$(sql "SELECT count(*) || ' rows, ' || sum(figures_received) || ' received' FROM st_daily WHERE day = '$DAY'")

echo
echo "| what | seconds |"
echo "|---|---|"
echo "| baseline: \`tongban db status\` (process start) | $baseline |"
echo "| rebuild of $DAY, $CASES cases (first) | $first |"
echo "| rebuild again (warm cache) | $second |"
echo
echo "roll-up of the day: $rows; database: $DB_KIND; machine: $(nproc) cores, $(date -u +%F); target: <= 10 s (issue #20)"
