#!/usr/bin/env bash
# Filling the statistics' case facts from the cases (issue #20 backfill): `tongban statistics rebuild --facts` over
# BENCH_CASES generated cases, on SQLite.
#
#   bench/statistics/rebuild-facts.sh
#
# Publishes the tongban command (Release), migrates an empty database, loads the demo region, generates BENCH_CASES
# cases (`tongban generate cases`, which fills the statistics once itself), then times `tongban statistics rebuild
# --facts` twice: every fact deleted and made again from Applications' ICaseFacts (keyset pages of 2,000, one insert
# batch per page), then every day's roll-ups. The baseline in the same run is `tongban db status` (process start,
# settings, no work), so the rebuild's own time is the difference.
#
# Settings (environment): BENCH_CASES=100000, BENCH_KEEP=1 keeps the temp dir, BENCH_DATA=DIR reuses a data directory
# that already holds the generated cases (skips seeding and generating).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CASES="${BENCH_CASES:-100000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in dotnet sqlite3; do command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }; done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-statistics-facts.XXXXXX")"
cleanup() { local rc=$?; if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; exit "$rc"; }
trap cleanup EXIT

echo "publishing" >&2
dotnet publish src/Tongban.Cli -c Release -o "$WORK/cli" --nologo >"$WORK/publish.log" 2>&1 || { tail -30 "$WORK/publish.log" >&2; exit 1; }
export Storage__DataDirectory="${BENCH_DATA:-$WORK/data}"
mkdir -p "$Storage__DataDirectory"
DB="$Storage__DataDirectory/tongban.db"
tongban() { (cd "$WORK/cli" && dotnet tongban.dll "$@"); }
timed() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'; }

generate="(reused)"
if [ -z "${BENCH_DATA:-}" ] || [ ! -f "$DB" ]; then
  tongban keys rotate-personal-data >&2
  tongban db migrate >&2
  tongban seed demo >&2
  echo "generating $CASES cases" >&2
  generate=$(timed tongban generate cases --count "$CASES" --seed 1)
fi

baseline=$(timed tongban db status || true)
first=$(timed tongban statistics rebuild --facts)
second=$(timed tongban statistics rebuild --facts)
counts=$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM app_cases) || ' cases, ' || (SELECT count(*) FROM st_cases) || ' facts, '
  || (SELECT count(*) FROM st_daily) || ' roll-up rows, ' || (SELECT sum(figures_concluded) FROM st_daily) || ' concluded'")

echo
echo "| what | seconds |"
echo "|---|---|"
echo "| baseline: \`tongban db status\` (process start) | $baseline |"
echo "| \`tongban generate cases --count $CASES\` (with its own statistics fill) | $generate |"
echo "| \`tongban statistics rebuild --facts\` (first) | $first |"
echo "| \`tongban statistics rebuild --facts\` (again) | $second |"
echo
echo "$counts; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
