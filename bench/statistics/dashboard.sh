#!/usr/bin/env bash
# The leader's dashboard (领导驾驶舱) over the roll-ups a year of BENCH_CASES cases leaves (issue #20: p95 ≤ 100 ms at
# 10,000,000 cases), against the same dashboard over the demo's own few roll-ups (the baseline), in one run, on SQLite.
#
#   bench/statistics/dashboard.sh        # BENCH_CASES=10000000 BENCH_REQUESTS=60
#
# Publishes the CLI and the web host (Release), migrates an empty database, loads the demo region and generates 20,000
# cases (`tongban generate cases --seed 1`: their statistics as the platform keeps them). Every combination of
# department, division, item and channel those cases have in the daily roll-ups (`st_daily`) is then given a row on
# every day of the last 365 (one of its generated rows copied, dated that day), the counts are scaled so that the
# year's received cases sum to BENCH_CASES, and the monthly roll-ups are summed from those days: the rows a dashboard over a year of that many cases reads, since it reads
# roll-ups only, never the cases (generating 10 million cases themselves takes hours). The host starts with background
# work off; a leader signs in through the development sign-in; the dashboard of the last 12 months is asked for
# BENCH_REQUESTS times, one at a time, after 5 warm-up requests — first before the year is written (the baseline),
# then after. Prints p50, p95 and the slowest, in milliseconds. Then a department's tables of the year (by day, by
# item, by month) are exported as Excel and CSV, each BENCH_EXPORTS times, and the slowest of each is printed (issue
# #20: an Excel export of a year per department ≤ 5 s).
#
# BENCH_DB=postgres runs it all on a throw-away PostgreSQL server (.ci/postgres.sh) instead of SQLite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
CASES="${BENCH_CASES:-10000000}"
REQUESTS="${BENCH_REQUESTS:-60}"
EXPORTS="${BENCH_EXPORTS:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in dotnet sqlite3 curl python3; do command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }; done
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-dashboard.XXXXXX")"
SERVER_PID=""
# shellcheck source=../../.ci/postgres.sh
source .ci/postgres.sh
# shellcheck source=database.sh
source bench/statistics/database.sh
cleanup() {
  local rc=$?
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null
  pg_stop >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT

echo "publishing" >&2
dotnet publish src/Tongban.Cli -c Release -o "$WORK/cli" --nologo >"$WORK/publish.log" 2>&1 || { tail -30 "$WORK/publish.log" >&2; exit 1; }
dotnet publish src/Tongban.Web -c Release -o "$WORK/web" --nologo >>"$WORK/publish.log" 2>&1 || { tail -30 "$WORK/publish.log" >&2; exit 1; }
export Storage__DataDirectory="$WORK/data"
mkdir -p "$Storage__DataDirectory"
DB="$Storage__DataDirectory/tongban.db"
use_database dashboard "$DB"
tongban() { (cd "$WORK/cli" && dotnet tongban.dll "$@"); }
tongban keys rotate-personal-data >&2
tongban db migrate >&2
tongban seed demo >&2
tongban generate cases --count 20000 --seed 1 >&2

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
URL="http://127.0.0.1:$PORT"
start_host() {
  (cd "$WORK/web" && ASPNETCORE_ENVIRONMENT=Production Outbox__Enabled=false Applications__DeferredReminderInterval=00:00:00 \
      Statistics__PublishCheckInterval=00:00:00 Logging__LogLevel__Default=Warning Https__Require=false Operations__Restricted=false Region__SeedDemoWhenEmpty=true \
      RateLimits__Enabled=false Authentication__DevelopmentSignIn=true exec dotnet Tongban.Web.dll --urls "$URL") >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$URL/health/ready" 2>/dev/null && return
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "ERROR: the host did not become ready" >&2; exit 1
}
stop_host() { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
sign_in() {
  local token
  token="$(curl -fsS -c "$WORK/jar" -b "$WORK/jar" "$URL/sign-in" | python3 -c 'import re,sys,html; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()).group(1)))')"
  curl -fsS -o /dev/null -c "$WORK/jar" -b "$WORK/jar" --data-urlencode "Name=bench-leader" --data-urlencode "Roles=leader" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/sign-in"
}
FROM="$(date -u -d '-364 days' +%F)"; TO="$(date -u +%F)"
PAGE="/statistics?From=$FROM&To=$TO"
measure() { # prints p50 p95 max (ms)
  for _ in 1 2 3 4 5; do curl -fsS -o /dev/null -b "$WORK/jar" "$URL$PAGE"; done
  for _ in $(seq 1 "$REQUESTS"); do curl -fsS -o /dev/null -b "$WORK/jar" -w '%{time_total}\n' "$URL$PAGE"; done |
    sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.0f %.0f %.0f", t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
}

start_host; sign_in
read -r b50 b95 bmax <<<"$(measure)"
baseline_rows="$(sql "SELECT count(*) FROM st_daily")"
stop_host

echo "writing a year of roll-ups" >&2
columns="$(columns_of st_daily | awk '$1 != "day" && $1 != "month" { print $1 }' | paste -sd, -)"
counts="$(columns_of st_daily | awk '$1 ~ /^figures_/ && ($2 == "integer" || $2 == "bigint") { print $1 }')"
if [ "$DB_KIND" = sqlite ]; then
  sql "CREATE TABLE bench_templates AS SELECT * FROM st_daily WHERE rowid IN (
         SELECT min(rowid) FROM st_daily GROUP BY department_code, division_code, item_code, channel);
       DELETE FROM st_daily;
       WITH RECURSIVE days(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM days WHERE n < 364)
       INSERT INTO st_daily (day, month, $columns)
         SELECT date('$TO', '-' || n || ' days'), substr(date('$TO', '-' || n || ' days'), 1, 7), $columns FROM days, bench_templates;
       DROP TABLE bench_templates;"
else
  sql "CREATE TABLE bench_templates AS SELECT DISTINCT ON (department_code, division_code, item_code, channel) * FROM st_daily
         ORDER BY department_code, division_code, item_code, channel, day;
       DELETE FROM st_daily;
       INSERT INTO st_daily (day, month, $columns)
         SELECT d::date, to_char(d, 'YYYY-MM'), $columns FROM generate_series(date '$TO' - 364, date '$TO', interval '1 day') d, bench_templates;
       DROP TABLE bench_templates;"
fi
sum="$(sql "SELECT sum(figures_received) FROM st_daily")"
factor="$(python3 -c "print(max(1, round($CASES / max($sum, 1))))")"
sql "UPDATE st_daily SET $(for c in $counts; do printf '%s = %s * %s, ' "$c" "$c" "$factor"; done | sed 's/, $//')"
# The monthly roll-ups, as the platform keeps them beside the daily ones: each month's days summed.
keys="month, department_code, division_code, item_code, channel"
figures="$(columns_of st_monthly | awk '$1 ~ /^figures_/ { print $1 }' | paste -sd, -)"
sums="$(columns_of st_monthly | awk '$1 ~ /^figures_/ { print "sum(" $1 ")" }' | paste -sd, -)"
sql "DELETE FROM st_monthly; INSERT INTO st_monthly ($keys, item_name, revision, $figures)
  SELECT $keys, max(item_name), 0, $sums FROM st_daily GROUP BY $keys; ANALYZE;"
monthly_rows="$(sql "SELECT count(*) FROM st_monthly")"
rows="$(sql "SELECT count(*) FROM st_daily")"
combos="$(sql "SELECT count(*) FROM (SELECT DISTINCT department_code, division_code, item_code, channel FROM st_daily) c")"
received="$(sql "SELECT sum(figures_received) FROM st_daily")"
department="$(sql "SELECT department_code FROM st_daily GROUP BY department_code ORDER BY count(*) DESC, department_code LIMIT 1")"
department_rows="$(sql "SELECT count(*) FROM st_daily WHERE department_code = '$department'")"

start_host; sign_in
read -r a50 a95 amax <<<"$(measure)"
# A department's year exported, each table EXPORTS times: the slowest, in milliseconds, and the file's size.
export_rows=""
for by in day item month; do
  for format in xlsx csv; do
    address="$URL/statistics/export.$format?indicator=received&by=$by&from=$FROM&to=$TO&department=$department"
    slowest="$(for _ in $(seq 1 "$EXPORTS"); do curl -fsS -o "$WORK/export.$format" -b "$WORK/jar" -w '%{time_total}\n' "$address"; done |
      sort -n | tail -1 | awk '{ printf "%.0f", $1 * 1000 }')"
    export_rows+="| by $by | $format | $(stat -c %s "$WORK/export.$format") | $slowest |"$'\n'
  done
done
stop_host

echo
echo "| roll-ups | rows | received cases | p50 ms | p95 ms | slowest ms |"
echo "|---|---|---|---|---|---|"
echo "| baseline: the demo's, after 20,000 generated cases | $baseline_rows | 20,000 | $b50 | $b95 | $bmax |"
echo "| a year: $combos combinations × 365 days ($monthly_rows monthly rows) | $rows | $received | $a50 | $a95 | $amax |"
echo
echo "a department's year exported ($department: $department_rows daily rows), $EXPORTS times each:"
echo
echo "| table | format | bytes | slowest ms |"
echo "|---|---|---|---|"
printf '%s' "$export_rows"
echo
echo "database: $DB_KIND; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %H:%M UTC'), $REQUESTS requests of $PAGE one at a time"
