#!/usr/bin/env bash
# Load test of the exchange API: ID look-ups in the population resource by a department system,
# with the access log on (every call is logged before it is answered). See bench/README.md.
#
#   bench/exchange/exchange-load.sh
#
# Publishes Tongban (Release), seeds the demo region plus a generated population
# (tongban seed registries --people N), grants a test department the population resource through
# the sharing API (request, provider approves), fetches a client-credentials token, then runs wrk:
# a warm-up, a run at full speed (throughput), and a run paced at the issue's rate (latency there).
# Prints a markdown table and the check: >= 3,000 requests/s, p99 <= 10 ms at 3,000/s, no errors,
# and every call of the runs in the access log.
#
# Settings (environment):
#   BENCH_PEOPLE=200000      people generated into the population registry
#   BENCH_RATE=3000          the paced run's rate (requests/s)
#   BENCH_DURATION=15        seconds per measured run;  BENCH_WARMUP=30
#   BENCH_THREADS=2 BENCH_CONNECTIONS=32
#   BENCH_DATABASE=postgres  run on a throw-away PostgreSQL (.ci/postgres.sh) instead of SQLite
#   BENCH_KEEP=1             keep the temp dir
#   BENCH_SOURCE=DIR         publish Tongban from another checkout (the baseline of bench/exchange/compare.sh); default this one
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"
SOURCE="${BENCH_SOURCE:-$REPO_ROOT}"

PEOPLE="${BENCH_PEOPLE:-200000}"
RATE="${BENCH_RATE:-3000}"
DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-30}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
DATABASE="${BENCH_DATABASE:-sqlite}"
HOST=127.0.0.1
RESOURCE="11211200061012195B-00001"   # the demo pack's population resource (市公安局)
PROVIDER_ROLE="data-administrator"
CLIENT_ID="bench-social-security"
CLIENT_SECRET="bench-secret"
CONSUMER="11211200061416624L"         # the demo pack's 人力资源和社会保障局

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in wrk curl dotnet python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-exchange.XXXXXX")"
SERVER_PID=""
cleanup() {
    local rc=$?
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
    [ "$DATABASE" = "postgres" ] && { pg_stop || true; }
    if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT

echo "publishing" >&2
dotnet publish "$SOURCE/src/Tongban.Web" -c Release -o "$WORK/web" --nologo >"$WORK/publish-web.log" 2>&1 || { tail -30 "$WORK/publish-web.log" >&2; exit 1; }
dotnet publish "$SOURCE/src/Tongban.Cli" -c Release -o "$WORK/cli" --nologo >"$WORK/publish-cli.log" 2>&1 || { tail -30 "$WORK/publish-cli.log" >&2; exit 1; }

mkdir -p "$WORK/data"
export Storage__DataDirectory="$WORK/data"
export PersonalData__CreateKeyFile=true   # a new installation: the first run makes the personal-data key file
if [ "$DATABASE" = "postgres" ]; then
    # shellcheck source=.ci/postgres.sh
    source "$REPO_ROOT/.ci/postgres.sh"
    pg_start >&2
    psql -h 127.0.0.1 -p "$PG_PORT" -U tongban -d postgres -qc "CREATE DATABASE tongban_bench" >&2
    export Database__Provider=Postgres Database__ConnectionString="${PG_CONNECTION_STRING/Database=postgres/Database=tongban_bench}"
fi
tongban() { (cd "$WORK/cli" && dotnet tongban.dll "$@"); }
tongban seed demo >&2
# The people come from a generated file, imported: the same people for every build, and the keys of the load read
# from the file, not from the database (where the ID numbers are sealed).
echo "generating $PEOPLE people" >&2
tongban generate registry population --count "$PEOPLE" --seed 20261205 --out "$WORK/people.csv" >&2
tongban import registry population "$WORK/people.csv" >&2

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
URL="http://$HOST:$PORT"
(cd "$WORK/web" &&
    ASPNETCORE_ENVIRONMENT=Production Outbox__Enabled=false Logging__LogLevel__Default=Warning \
    Region__SeedDemoWhenEmpty=true Https__Require=false Operations__Restricted=false RateLimits__Enabled="${BENCH_RATE_LIMITS:-false}" \
    Authentication__DevelopmentSignIn=true \
    Authentication__DevelopmentClients__0__ClientId="$CLIENT_ID" \
    Authentication__DevelopmentClients__0__Secret="$CLIENT_SECRET" \
    Authentication__DevelopmentClients__0__Department="$CONSUMER" \
    exec dotnet Tongban.Web.dll --urls "$URL") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$URL/health/ready" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done

# Staff: the development sign-in, as a data administrator, with the page's antiforgery token.
sign_in() { # jar name department
    local token
    token="$(curl -fsS -c "$1" -b "$1" "$URL/sign-in" | python3 -c 'import re,sys,html; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()).group(1)))')"
    curl -fsS -o /dev/null -c "$1" -b "$1" --data-urlencode "Name=$2" --data-urlencode "Roles=$PROVIDER_ROLE" --data-urlencode "Department=$3" \
        --data-urlencode "__RequestVerificationToken=$token" "$URL/sign-in"
}
# Cookie-signed API writes must show they come from the site itself, as the pages do (CrossSiteApiGuard).
SAME_SITE="Sec-Fetch-Site: same-origin"
# Each in its own department: a department asks for data for itself, and the resource's owner approves.
sign_in "$WORK/consumer.jar" "bench-consumer" "$CONSUMER"
sign_in "$WORK/provider.jar" "bench-provider" "${RESOURCE%%-*}"
today="$(TZ=Asia/Shanghai date +%F)"; until="$(TZ=Asia/Shanghai date -d '+1 year' +%F)"
request_id="$(curl -fsS -b "$WORK/consumer.jar" -H "$SAME_SITE" -H 'Content-Type: application/json' "$URL/api/sharing/requests" \
    -d "{\"consumerCreditCode\":\"$CONSUMER\",\"resourceCode\":\"$RESOURCE\",\"purpose\":\"养老保险待遇资格认证\",\"fields\":[\"idNumber\",\"name\",\"status\"],\"validFrom\":\"$today\",\"validUntil\":\"$until\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
curl -fsS -o /dev/null -b "$WORK/provider.jar" -H "$SAME_SITE" -X POST "$URL/api/sharing/requests/$request_id/approve"
TOKEN="$(curl -fsS "$URL/connect/token" -d grant_type=client_credentials -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"

# Keys: 20,000 of the imported ID numbers, the same ones for every build.
tail -n +2 "$WORK/people.csv" | cut -d, -f1 | shuf -n 20000 --random-source=<(yes) >"$WORK/keys.txt"
check="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "$URL/api/exchange/$RESOURCE/query" -d "{\"key\":\"$(head -1 "$WORK/keys.txt")\",\"fields\":[\"name\",\"status\"],\"purpose\":\"check\"}")"
[ "$check" = "200" ] || { echo "ERROR: a first query answered HTTP $check" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

log_count() {
    if [ "$DATABASE" = "postgres" ]; then
        psql -h 127.0.0.1 -p "$PG_PORT" -U tongban -d tongban_bench -Atc "SELECT count(*) FROM reg_access_log"
    else
        sqlite3 "$WORK/data/tongban.db" "SELECT count(*) FROM reg_access_log"
    fi
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }
server_cpu() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }   # user + system, in clock ticks
run() { # name [rate]
    local out="$WORK/wrk-$1.txt" before
    before="$(server_cpu)"
    export WRK_KEYS="$WORK/keys.txt" WRK_TOKEN="$TOKEN" WRK_RESOURCE="$RESOURCE" WRK_PACER="$REPO_ROOT/bench/ratelimited.lua"
    if [ -n "${2:-}" ]; then
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/exchange/query.lua "$URL" -- "$2" "$THREADS" "$CONNECTIONS" >"$out"
    else
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/exchange/query.lua "$URL" >"$out"
    fi
    R_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
    R_REQ="$(awk '/requests in/ { print $1 }' "$out")"
    R_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    R_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    R_ERR="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$out")"
    # The server's own CPU time per request: what one request costs a core, whatever else the machine runs.
    R_CPU="$(awk -v a="$before" -v b="$(server_cpu)" -v hz="$(getconf CLK_TCK)" -v n="$R_REQ" 'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')"
}

echo "warm-up ${WARMUP}s" >&2
DURATION_SAVED="$DURATION"; DURATION="$WARMUP"; run warmup; DURATION="$DURATION_SAVED"
before="$(log_count)"
echo "full speed ${DURATION}s" >&2
run max; MAX=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU"); total=$R_REQ
sleep 1
echo "paced at $RATE/s for ${DURATION}s" >&2
run paced "$RATE"; PACED=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU"); total=$((total + R_REQ))
sleep 1
logged=$(( $(log_count) - before ))

echo
echo "### Exchange API: ID look-ups with the access log, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET $(dotnet --version); database $DATABASE;" \
    "$PEOPLE generated people; wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run after a ${WARMUP}s warm-up; server and wrk on the same machine."
echo
echo "| run | req/s | server CPU ms each | p50 ms | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
echo "| full speed | ${MAX[0]} | ${MAX[4]} | ${MAX[1]} | ${MAX[2]} | ${MAX[3]} |"
echo "| paced at $RATE/s | ${PACED[0]} | ${PACED[4]} | ${PACED[1]} | ${PACED[2]} | ${PACED[3]} |"
echo
echo "Access log: $logged entries written for $total requests sent in the two measured runs (wrk counts requests completed; the log also holds those still in flight when a run ended)."
verdict="$(awk -v r="${MAX[0]}" -v p="${PACED[2]}" -v e="$((MAX[3] + PACED[3]))" -v l="$logged" -v t="$total" -v rate="$RATE" 'BEGIN {
    ok = 1; msg = ""
    if (r < rate) { ok = 0; msg = msg sprintf(" %d req/s at full speed (needs >= %d);", r, rate) }
    if (p > 10) { ok = 0; msg = msg sprintf(" p99 %.2f ms at %d/s (needs <= 10 ms);", p, rate) }
    if (e > 0) { ok = 0; msg = msg sprintf(" %d errors;", e) }
    if (l < t) { ok = 0; msg = msg sprintf(" only %d of %d calls logged;", l, t) }
    if (ok) printf "PASS: %d req/s at full speed; p99 %.2f ms at %d/s; every call logged.", r, p, rate
    else printf "FAIL:%s", msg }')"
echo "$verdict"
# One line for scripts (bench/exchange/compare.sh): full-speed req/s, server CPU ms per request, p50, p99, errors.
echo "RESULT ${MAX[0]} ${MAX[4]} ${MAX[1]} ${MAX[2]} ${MAX[3]}"
[[ "$verdict" == PASS* ]]
