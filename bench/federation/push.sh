#!/usr/bin/env bash
# The city's push to the province and the reconciliation of a day (issue #21): >= 1,000 records/s pushed on loopback,
# and a day of 100,000 cases with one missing on the province found and sent again in <= 10 s. The city on SQLite; the
# province on SQLite, or on PostgreSQL as a province runs (BENCH_PROVINCE_DB=postgres: a throw-away server from
# .ci/postgres.sh).
#
#   bench/federation/push.sh
#
# Publishes the host and the command (Release); a province with the demo region (its catalog knows the cases' item) and
# a city with an empty database, the city's SM2 key made with OpenSSL and registered at the province as an operator
# does. Both hosts start; then BENCH_CASES cases of one day are staged in the city's fed_outgoing in one transaction
# (in the national shape, as the case kind writes them) and the time from that commit until the province has
# acknowledged every one is the push figure. Then one record is deleted on the province and
# `tongban federation reconcile --day DAY` runs on the city: it narrows the day to that record, sends it again and
# compares the day once more (exit 0 only when the day matches). Baselines in the same run: the province's
# /health/live under wrk (a plain request on this machine, for the push's requests/s) and `tongban db status`
# (the command's process start, inside the reconciliation's time).
#
# Settings (environment): BENCH_CASES=100000 BENCH_BATCH=500 BENCH_DAY=2026-11-02 BENCH_PROVINCE_DB=sqlite|postgres
#   BENCH_KEEP=1 (keep the temp dir)
#   BENCH_PUBLISHED=DIR  use DIR/web and DIR/cli published before instead of publishing again
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
CASES="${BENCH_CASES:-100000}" BATCH="${BENCH_BATCH:-500}" DAY="${BENCH_DAY:-2026-11-02}" PROVINCE_DB="${BENCH_PROVINCE_DB:-sqlite}"
CITY="211200" ITEM="11211200025881318U00012100600001" # 铁岭市, and 个体工商户设立登记 in the demo catalog
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in wrk curl dotnet python3 sqlite3 openssl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-federation.XXXXXX")"
chmod 755 "$WORK"
# shellcheck source=../../.ci/postgres.sh
source .ci/postgres.sh
PIDS=()
cleanup() {
    local rc=$?
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    pg_stop >/dev/null 2>&1 || true
    if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT

PUBLISHED="${BENCH_PUBLISHED:-$WORK}"
publish() { # project-path out-dir dll
    [ -f "$2/$3" ] && return
    echo "publishing $1" >&2
    dotnet publish "$1" -c Release -o "$2" --nologo >"$WORK/publish.log" 2>&1 || { tail -30 "$WORK/publish.log" >&2; exit 1; }
}
publish src/Tongban.Web "$PUBLISHED/web" Tongban.Web.dll
publish src/Tongban.Cli "$PUBLISHED/cli" tongban.dll
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PROVINCE="http://127.0.0.1:$(free_port)" CITY_URL="http://127.0.0.1:$(free_port)"
mkdir -p "$WORK/province" "$WORK/city/keys"

# Every process: production settings (the province holds the demo region, so says it is one), plain HTTP on loopback, warnings only in the logs, no rate limits (one city is
# the only client here).
common() { echo ASPNETCORE_ENVIRONMENT=Production Https__Require=false Operations__Restricted=false RateLimits__Enabled=false \
    Logging__LogLevel__Default=Warning Region__SeedDemoWhenEmpty=false; }
city_env() { echo Storage__DataDirectory="$WORK/city" Federation__Role=city Federation__Upstream__Address="$PROVINCE/" \
    Federation__Upstream__CityCode="$CITY" Federation__PushInterval=00:00:00.100 Federation__BatchSize="$BATCH" \
    Federation__ReconcileInterval=00:00:00 Federation__CatalogPullInterval=00:00:00; }
tongban() { # env... -- args...
    local envs=(); while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
    (cd "$PUBLISHED/cli" && env $(common) "${envs[@]}" dotnet tongban.dll "$@")
}
start() { # name log env... -- command...
    local name="$1" log="$2"; shift 2
    local envs=(); while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
    (cd "$PUBLISHED/web" && exec env $(common) "${envs[@]}" "$@") >"$log" 2>&1 &
    PIDS+=($!); echo "started $name (pid $!)" >&2
}
wait_for() { # url log
    for _ in $(seq 1 600); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return
        sleep 0.5
    done
    echo "ERROR: $1 did not answer" >&2; tail -40 "$2" >&2; exit 1
}

province_env() { echo Storage__DataDirectory="$WORK/province"; [ -z "${PROVINCE_CONNECTION:-}" ] || echo Database__Provider=Postgres "Database__ConnectionString=$PROVINCE_CONNECTION"; }
province_sql() { # statement: one value back
    if [ -n "${PROVINCE_CONNECTION:-}" ]; then "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U tongban -At -d province -c "$1"
    else sqlite3 -cmd ".timeout 30000" "$WORK/province/tongban.db" "$1"; fi
}
if [ "$PROVINCE_DB" = "postgres" ]; then
    pg_start >&2
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U tongban -At -d postgres -c "CREATE DATABASE province" >/dev/null
    PROVINCE_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=tongban;Database=province"
fi
echo "seeding the province ($PROVINCE_DB), migrating the city" >&2
tongban $(province_env) -- keys rotate-personal-data >>"$WORK/cli.log" 2>&1
tongban $(province_env) -- seed demo >>"$WORK/cli.log" 2>&1
tongban $(city_env) -- keys rotate-personal-data >>"$WORK/cli.log" 2>&1
tongban $(city_env) -- db migrate >>"$WORK/cli.log" 2>&1
# The city's signing key as the host would make it (PKCS#8 PEM in the key directory), and its public half for the province.
openssl genpkey -algorithm SM2 -out "$WORK/city/keys/federation.key" 2>/dev/null
chmod 600 "$WORK/city/keys/federation.key"
openssl pkey -in "$WORK/city/keys/federation.key" -pubout -out "$WORK/city.pub"

start province "$WORK/province.log" $(province_env) Region__SeedDemoWhenEmpty=true Federation__Role=province \
    Federation__Cities__0__Code="$CITY" Federation__Cities__0__Name=铁岭市 Federation__Cities__0__NameEn=Tieling \
    Federation__Cities__0__PublicKey="$(cat "$WORK/city.pub")" -- dotnet Tongban.Web.dll --urls "$PROVINCE"
PROVINCE_PID="${PIDS[-1]}"
start city "$WORK/city.log" $(city_env) -- dotnet Tongban.Web.dll --urls "$CITY_URL"
CITY_PID="${PIDS[-1]}"
wait_for "$PROVINCE/health/ready" "$WORK/province.log"
wait_for "$CITY_URL/health/ready" "$WORK/city.log"

echo "baseline: the province's /health/live under wrk, 10 s" >&2
wrk -t2 -c16 -d10s "$PROVINCE/health/live" >"$WORK/wrk-baseline.txt"
BASELINE_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk-baseline.txt")"

CITY_DB="$WORK/city/tongban.db"
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
now() { date +%s.%N; }
echo "staging $CASES cases of $DAY in the city's fed_outgoing" >&2
c0="$(cpu "$CITY_PID")" p0="$(cpu "$PROVINCE_PID")"
sqlite3 "$CITY_DB" <<SQL
.timeout 30000
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $CASES)
INSERT INTO fed_outgoing (kind, key, version, day, item_code, payload, sent, staged_at, next_attempt_at, attempts)
SELECT 'case', printf('BENCH%08d', i), 3, '$DAY', '$ITEM', json_object(
    'caseNumber', printf('BENCH%08d', i), 'implementationCode', '$ITEM', 'itemName', '个体工商户设立登记', 'divisionCode', '211202',
    'acceptingUnitCreditCode', '11211200025881318U', 'sourceCode', '1', 'applyTime', '20261102090000',
    'applicant', json_object('name', '王**', 'idTypeCode', '111', 'idNumber', '211221********902X'),
    'acceptTime', '20261102093000', 'caseTypeCode', '2', 'promisedEndTime', '20261109235959', 'endTime', '20261102103000',
    'result', 'concluded', 'steps', json_array(json_object('action', 'submitted', 'time', '20261102090000'),
        json_object('action', 'accepted', 'time', '20261102093000'), json_object('action', 'concluded', 'time', '20261102103000')),
    'statusCode', '3'), 0, 0, 0, 0
FROM n;
SQL
staged="$(now)"
pending() { sqlite3 -cmd ".timeout 30000" "$CITY_DB" "SELECT count(*) FROM fed_outgoing WHERE sent = 0"; }
until [ "$(pending)" = "0" ]; do
    sleep 0.2
    awk -v s="$staged" -v n="$(now)" 'BEGIN { exit !(n - s > 600) }' && { echo "ERROR: not all pushed in 10 minutes" >&2; tail -20 "$WORK/city.log" >&2; exit 1; }
done
pushed="$(now)"
PUSH_S="$(awk -v a="$staged" -v b="$pushed" 'BEGIN { printf "%.2f", b - a }')"
PUSH_RATE="$(awk -v n="$CASES" -v s="$PUSH_S" 'BEGIN { printf "%.0f", n / s }')"
PUSH_CPU="$(awk -v a="$c0" -v b="$(cpu "$CITY_PID")" -v c="$p0" -v d="$(cpu "$PROVINCE_PID")" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.1f / %.1f", (b - a) / hz, (d - c) / hz }')"
ON_PROVINCE="$(province_sql "SELECT count(*) FROM fed_records WHERE city = '$CITY' AND kind = 'case' AND day = '$DAY' AND version = 3")"
HELD="$(province_sql "SELECT count(*) FROM fed_records WHERE held_reason IS NOT NULL")"

MISSING="$(printf 'BENCH%08d' $((CASES / 2 + 7)))"
province_sql "DELETE FROM fed_records WHERE city = '$CITY' AND kind = 'case' AND key = '$MISSING'" >/dev/null
timed() { local start end; start=$(now); "$@" >>"$WORK/cli.log" 2>&1; end=$(now); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'; }
echo "reconciling $DAY with $MISSING missing on the province" >&2
STATUS_S="$(timed tongban $(city_env) -- db status)"
RECONCILE_S="$(timed tongban $(city_env) -- federation reconcile --day "$DAY")" || { echo "ERROR: the reconciliation did not end matched" >&2; tail -20 "$WORK/cli.log" >&2; exit 1; }
BACK="$(province_sql "SELECT count(*) FROM fed_records WHERE city = '$CITY' AND kind = 'case' AND key = '$MISSING' AND version = 3")"
AFTER="$(province_sql "SELECT count(*) FROM fed_records WHERE city = '$CITY' AND kind = 'case' AND day = '$DAY'")"

echo
echo "### The city's push and a day's reconciliation, the city on SQLite, the province on $PROVINCE_DB, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET $(dotnet --version); city and province" \
    "as two processes of the host on loopback, SM2 signatures, batches of $BATCH."
echo
echo "| what | figure |"
echo "| --- | ---: |"
echo "| baseline: the province's \`/health/live\` under wrk (requests/s) | $BASELINE_RPS |"
echo "| $CASES cases pushed, staged to all acknowledged (s) | $PUSH_S |"
echo "| records/s pushed | $PUSH_RATE |"
echo "| push requests/s ($BATCH records each) | $(awk -v r="$PUSH_RATE" -v b="$BATCH" 'BEGIN { printf "%.1f", r / b }') |"
echo "| CPU seconds, city / province, while pushing | $PUSH_CPU |"
echo "| baseline: \`tongban db status\` (the command's start, s) | $STATUS_S |"
echo "| \`tongban federation reconcile --day $DAY\`, one of $CASES missing (s) | $RECONCILE_S |"
echo
echo "On the province after the push: $ON_PROVINCE cases at version 3 ($HELD held); after the reconciliation: $AFTER cases, the missing one back: $BACK."
verdict="$(awk -v r="$PUSH_RATE" -v s="$RECONCILE_S" -v p="$ON_PROVINCE" -v a="$AFTER" -v b="$BACK" -v n="$CASES" 'BEGIN {
    ok = 1; msg = ""
    if (r < 1000) { ok = 0; msg = msg sprintf(" %d records/s pushed (needs >= 1,000);", r) }
    if (s > 10) { ok = 0; msg = msg sprintf(" reconciliation took %.2f s (needs <= 10 s);", s) }
    if (p != n || a != n || b != 1) { ok = 0; msg = msg sprintf(" %d, then %d of %d records on the province;", p, a, n) }
    if (ok) printf "PASS: %d records/s pushed; the missing record found and sent again in %.2f s; %d of %d on the province.", r, s, a, n
    else printf "FAIL:%s", msg }')"
echo "$verdict"
[[ "$verdict" == PASS* ]]
