#!/usr/bin/env bash
# Load test of online license verification (验真) by identifier: POST /api/licenses/verify by a department system
# with a client-credentials token — the seal (signature under the issuer's key), the status, and the use log (every
# call committed before it is answered). See bench/licenses/verification.md.
#
#   bench/licenses/verify-load.sh
#
# Publishes Tongban (Release), seeds the demo region on SQLite, issues BENCH_LICENSES licenses through the admin API,
# fetches a token, then runs wrk: a warm-up, a run at full speed and a run paced at BENCH_RATE. Prints a markdown table
# and the check: >= 5,000 verifications/s, p99 <= 10 ms at 5,000/s, no errors, every call in the use log.
#
# Settings (environment): BENCH_LICENSES=2000 BENCH_RATE=5000 BENCH_DURATION=15 BENCH_WARMUP=30
#   BENCH_THREADS=2 BENCH_CONNECTIONS=32 BENCH_KEEP=1 (keep the temp dir)
#   BENCH_PUBLISHED=DIR  use DIR/web and DIR/cli published before (e.g. a kept temp dir) instead of publishing again
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"
LICENSES="${BENCH_LICENSES:-2000}" RATE="${BENCH_RATE:-5000}" DURATION="${BENCH_DURATION:-15}" WARMUP="${BENCH_WARMUP:-30}"
THREADS="${BENCH_THREADS:-2}" CONNECTIONS="${BENCH_CONNECTIONS:-32}"
CLIENT_ID="bench-verifier" CLIENT_SECRET="bench-secret" CONSUMER="11211200061416624L" # the demo's 人力资源和社会保障局
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in wrk curl dotnet python3 sqlite3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-verify.XXXXXX")"
SERVER_PID=""
cleanup() {
    local rc=$?
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT

PUBLISHED="${BENCH_PUBLISHED:-$WORK}"
publish() { # project dir dll
    [ -f "$2/$3" ] && return
    echo "publishing $1" >&2
    dotnet publish "src/$1" -c Release -o "$2" --nologo >"$WORK/publish.log" 2>&1 || { tail -30 "$WORK/publish.log" >&2; exit 1; }
}
publish Tongban.Web "$PUBLISHED/web" Tongban.Web.dll
publish Tongban.Cli "$PUBLISHED/cli" tongban.dll
mkdir -p "$WORK/data"
export Storage__DataDirectory="$WORK/data"
tongban() { (cd "$PUBLISHED/cli" && dotnet tongban.dll "$@"); }
tongban keys rotate-personal-data >&2 # a new installation's key (docs/operations.md, "Keys")
tongban seed demo >&2
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
URL="http://127.0.0.1:$PORT"
(cd "$PUBLISHED/web" &&
    ASPNETCORE_ENVIRONMENT=Production Outbox__Enabled=false Logging__LogLevel__Default=Warning \
    Region__SeedDemoWhenEmpty=true Https__Require=false Operations__Restricted=false RateLimits__Enabled="${BENCH_RATE_LIMITS:-false}" \
    Authentication__DevelopmentSignIn=true Authentication__DevelopmentClients__0__ClientId="$CLIENT_ID" \
    Authentication__DevelopmentClients__0__Secret="$CLIENT_SECRET" Authentication__DevelopmentClients__0__Department="$CONSUMER" \
    exec dotnet Tongban.Web.dll --urls "$URL") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$URL/health/ready" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done
echo "issuing $LICENSES licenses" >&2
python3 bench/licenses/issue.py "$URL" "$LICENSES" >"$WORK/keys.txt"
TOKEN="$(curl -fsS "$URL/connect/token" -d grant_type=client_credentials -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
check="$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$URL/api/licenses/verify" \
    -d "{\"identifier\":\"$(head -1 "$WORK/keys.txt")\",\"purpose\":\"check\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["valid"])')"
[ "$check" = "True" ] || { echo "ERROR: the first verification said valid=$check" >&2; exit 1; }

uses() { sqlite3 "$WORK/data/tongban.db" "SELECT count(*) FROM lic_uses"; }
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }
server_cpu() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
run() { # name [rate]
    local out="$WORK/wrk-$1.txt" before
    before="$(server_cpu)"
    export WRK_KEYS="$WORK/keys.txt" WRK_TOKEN="$TOKEN" WRK_PACER="$REPO_ROOT/bench/ratelimited.lua"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/licenses/verify.lua "$URL" ${2:+-- "$2" "$THREADS" "$CONNECTIONS"} >"$out"
    R_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
    R_REQ="$(awk '/requests in/ { print $1 }' "$out")"
    R_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    R_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    R_ERR="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$out")"
    R_CPU="$(awk -v a="$before" -v b="$(server_cpu)" -v hz="$(getconf CLK_TCK)" -v n="$R_REQ" 'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')"
}
echo "warm-up ${WARMUP}s" >&2
SAVED="$DURATION"; DURATION="$WARMUP"; run warmup; DURATION="$SAVED"
before="$(uses)"
echo "full speed ${DURATION}s" >&2
run max; MAX=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU"); total=$R_REQ
sleep 1
echo "paced at $RATE/s for ${DURATION}s" >&2
run paced "$RATE"; PACED=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU"); total=$((total + R_REQ))
sleep 1
logged=$(( $(uses) - before ))

echo
echo "### License verification by identifier (seal, status, use log), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET $(dotnet --version); SQLite; $LICENSES licenses;" \
    "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run after a ${WARMUP}s warm-up; server and wrk on the same machine."
echo
echo "| run | req/s | server CPU ms each | p50 ms | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
echo "| full speed | ${MAX[0]} | ${MAX[4]} | ${MAX[1]} | ${MAX[2]} | ${MAX[3]} |"
echo "| paced at $RATE/s | ${PACED[0]} | ${PACED[4]} | ${PACED[1]} | ${PACED[2]} | ${PACED[3]} |"
echo
echo "Use log: $logged entries written for $total requests completed in the two measured runs."
verdict="$(awk -v r="${MAX[0]}" -v p="${PACED[2]}" -v e="$((MAX[3] + PACED[3]))" -v l="$logged" -v t="$total" -v rate="$RATE" 'BEGIN {
    ok = 1; msg = ""
    if (r < rate) { ok = 0; msg = msg sprintf(" %d req/s at full speed (needs >= %d);", r, rate) }
    if (p > 10) { ok = 0; msg = msg sprintf(" p99 %.2f ms at %d/s (needs <= 10 ms);", p, rate) }
    if (e > 0) { ok = 0; msg = msg sprintf(" %d errors;", e) }
    if (l < t) { ok = 0; msg = msg sprintf(" only %d of %d calls logged;", l, t) }
    if (ok) printf "PASS: %d req/s at full speed; p99 %.2f ms at %d/s; every call logged.", r, p, rate
    else printf "FAIL:%s", msg }')"
echo "$verdict"
[[ "$verdict" == PASS* ]]
