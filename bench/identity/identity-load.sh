#!/usr/bin/env bash
# Load test of sign-in (issue #5, Performance): password sign-ins through the real page handler with Argon2id at
# Keycloak's default cost (m = 7 MiB, t = 5, p = 1), the bare hashing cost measured in the same run, and
# refresh-token grants at the token endpoint. See bench/identity/README.md.
#
#   bench/identity/identity-load.sh
#
# Publishes Tongban (Release) and the Argon2id timer (bench/Tongban.Bench.Argon2), starts Tongban on a fresh
# database with Identity:PasswordCost set to the cost under test, registers citizens and one OAuth client
# (bench/identity/setup.py), times bare Argon2id hashes on one thread, then runs wrk: sign-ins (warm-up, full speed)
# and refresh-token grants (warm-up, full speed; every grant returns the next token of its chain).
# Prints a markdown table and the check: >= 30 sign-ins/s per core, >= 600 refresh grants/s per core, no errors.
# "Per core" is the rate divided by the machine's cores (wrk shares them with the server, as everywhere in bench/).
#
# Settings (environment):
#   BENCH_MEMORY_KIB=7168 BENCH_PASSES=5 BENCH_LANES=1   the Argon2id cost (Keycloak's default)
#   BENCH_ACCOUNTS=200       citizens registered (sign-ins cycle through them)
#   BENCH_DURATION=15        seconds per measured run;  BENCH_WARMUP=30;  BENCH_HASH_SECONDS=5
#   BENCH_THREADS=2 BENCH_CONNECTIONS=16   (4 x CONNECTIONS refresh chains are made: half for the warm-up)
#   BENCH_DATABASE=postgres  run on a throw-away PostgreSQL (.ci/postgres.sh) instead of SQLite
#   BENCH_KEEP=1             keep the temp dir
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"

MEMORY_KIB="${BENCH_MEMORY_KIB:-7168}"
PASSES="${BENCH_PASSES:-5}"
LANES="${BENCH_LANES:-1}"
ACCOUNTS="${BENCH_ACCOUNTS:-200}"
DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-30}"
HASH_SECONDS="${BENCH_HASH_SECONDS:-5}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
DATABASE="${BENCH_DATABASE:-sqlite}"
CORES="$(nproc)"
HOST=127.0.0.1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in wrk curl dotnet python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-identity.XXXXXX")"
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
dotnet publish src/Tongban.Web -c Release -o "$WORK/web" --nologo >"$WORK/publish-web.log" 2>&1 || { tail -30 "$WORK/publish-web.log" >&2; exit 1; }
dotnet publish bench/Tongban.Bench.Argon2 -c Release -o "$WORK/argon2" --nologo >"$WORK/publish-argon2.log" 2>&1 || { tail -30 "$WORK/publish-argon2.log" >&2; exit 1; }

mkdir -p "$WORK/data"
export Storage__DataDirectory="$WORK/data"
if [ "$DATABASE" = "postgres" ]; then
    # shellcheck source=.ci/postgres.sh
    source "$REPO_ROOT/.ci/postgres.sh"
    pg_start >&2
    psql -h 127.0.0.1 -p "$PG_PORT" -U tongban -d postgres -qc "CREATE DATABASE tongban_bench" >&2
    export Database__Provider=Postgres Database__ConnectionString="${PG_CONNECTION_STRING/Database=postgres/Database=tongban_bench}"
fi

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
URL="http://$HOST:$PORT"
(cd "$WORK/web" &&
    ASPNETCORE_ENVIRONMENT=Production Outbox__Enabled=false Logging__LogLevel__Default=Warning \
    Region__SeedDemoWhenEmpty=true Https__Require=false Operations__Restricted=false RateLimits__Enabled="${BENCH_RATE_LIMITS:-false}" \
    Authentication__DevelopmentSignIn=true \
    Identity__PasswordCost__MemoryKib="$MEMORY_KIB" Identity__PasswordCost__Passes="$PASSES" Identity__PasswordCost__Lanes="$LANES" \
    exec dotnet Tongban.Web.dll --urls "$URL") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$URL/health/ready" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done

CHAINS=$((2 * CONNECTIONS))   # per run: twice the connections, so a thread's queue never runs dry
echo "registering $ACCOUNTS citizens and $((4 * CHAINS)) refresh-token chains" >&2
python3 bench/identity/setup.py "$URL" "$WORK" "$ACCOUNTS" "$((4 * CHAINS))" >&2
# Separate chains for each warm-up and measured run: a refresh token is never presented twice.
for i in 1 2 3 4; do
    name=("" refresh-warmup refresh-run baseline-warmup baseline-run)
    sed -n "$(((i - 1) * CHAINS + 1)),$((i * CHAINS))p" "$WORK/refresh.txt" >"$WORK/${name[$i]}.txt"
done
stored="$(python3 - "$WORK/data/tongban.db" "$DATABASE" <<'PY' 2>/dev/null || echo "?"
import sqlite3, sys
if sys.argv[2] != "sqlite": print("?"); sys.exit()
print(sqlite3.connect(sys.argv[1]).execute("SELECT password_hash FROM idn_accounts WHERE password_hash LIKE '$argon2id$%' LIMIT 1").fetchone()[0].split("$")[3])
PY
)"

echo "bare Argon2id, one thread, ${HASH_SECONDS}s" >&2
HASH_LINE="$(dotnet "$WORK/argon2/Tongban.Bench.Argon2.dll" "$MEMORY_KIB" "$PASSES" "$LANES" "$HASH_SECONDS")"
HASH_RATE="$(sed -E 's/.*= ([0-9.]+) hashes\/s.*/\1/' <<<"$HASH_LINE")"
HASH_MS="$(sed -E 's/.*\(([0-9.]+) ms each\).*/\1/' <<<"$HASH_LINE")"

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }
server_cpu() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }   # user + system, in clock ticks
run() { # name script duration [args]
    local out="$WORK/wrk-$1.txt" before
    before="$(server_cpu)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3}s" --timeout 10s --latency -s "bench/identity/$2" "$URL" -- "${4:-}" >"$out"
    R_RPS="$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$out")"
    R_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    R_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    R_ERR="$(awk '/^BAD / { e += $2 } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$out")"
    # The server's own CPU time per request: what one request costs a core, whatever else the machine runs.
    R_CPU="$(awk -v a="$before" -v b="$(server_cpu)" -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.2f", (b - a) * 1000 / hz / $1 }' "$out")"
}
export WRK_ACCOUNTS="$WORK/accounts.txt" WRK_ANTIFORGERY="$WORK/antiforgery.txt" WRK_CLIENT="$WORK/client.txt"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "sign-ins: warm-up ${WARMUP}s, full speed ${DURATION}s" >&2
run signin-warmup signin.lua "$WARMUP"
run signin signin.lua "$DURATION"; SIGNIN=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU")
sleep 1
echo "refresh grants: warm-up ${WARMUP}s, full speed ${DURATION}s" >&2
WRK_REFRESH="$WORK/refresh-warmup.txt" run refresh-warmup refresh.lua "$WARMUP" "$THREADS"
WRK_REFRESH="$WORK/refresh-run.txt" run refresh refresh.lua "$DURATION" "$THREADS"; REFRESH=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU")
sleep 1
# The baseline, same server and client: the client authenticates with HTTP Basic, which the lean refresh path leaves to
# OpenIddict's pipeline (ADR 0011), so these grants cost what every grant cost before it.
echo "refresh grants through OpenIddict's pipeline (baseline): warm-up ${WARMUP}s, full speed ${DURATION}s" >&2
export WRK_BASIC="Basic $(python3 -c 'import sys, base64, urllib.parse as u; i, s = open(sys.argv[1]).read().split()[:2]; print(base64.b64encode((u.quote(i) + ":" + u.quote(s)).encode()).decode())' "$WORK/client.txt")"
WRK_REFRESH="$WORK/baseline-warmup.txt" run baseline-warmup refresh.lua "$WARMUP" "$THREADS"
WRK_REFRESH="$WORK/baseline-run.txt" run baseline refresh.lua "$DURATION" "$THREADS"; BASELINE=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU")
unset WRK_BASIC
per_core() { awk -v r="$1" -v c="$CORES" 'BEGIN { printf "%.1f", r / c }'; }

echo
echo "### Identity: password sign-ins and refresh-token grants, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$CORES cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); load average before the runs $LOAD_BEFORE;" \
    ".NET $(dotnet --version); database $DATABASE; Argon2id m=${MEMORY_KIB} KiB, t=$PASSES, p=$LANES (stored hashes: ${stored});" \
    "$ACCOUNTS citizens; wrk -t$THREADS -c$CONNECTIONS --timeout 10s, ${DURATION}s per run after a ${WARMUP}s warm-up; server and wrk on the same machine."
echo
echo "| run | per s | per s per core | server CPU ms each | p50 ms | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| bare Argon2id hash (one thread) | $HASH_RATE | $HASH_RATE | $HASH_MS | $HASH_MS | | |"
echo "| password sign-in (POST /account/sign-in) | ${SIGNIN[0]} | $(per_core "${SIGNIN[0]}") | ${SIGNIN[4]} | ${SIGNIN[1]} | ${SIGNIN[2]} | ${SIGNIN[3]} |"
echo "| refresh-token grant (POST /connect/token) | ${REFRESH[0]} | $(per_core "${REFRESH[0]}") | ${REFRESH[4]} | ${REFRESH[1]} | ${REFRESH[2]} | ${REFRESH[3]} |"
echo "| baseline: the same grant through OpenIddict's pipeline (client secret in HTTP Basic) | ${BASELINE[0]} | $(per_core "${BASELINE[0]}") | ${BASELINE[4]} | ${BASELINE[1]} | ${BASELINE[2]} | ${BASELINE[3]} |"
awk -v r="${REFRESH[0]}" -v b="${BASELINE[0]}" -v rc="${REFRESH[4]}" -v bc="${BASELINE[4]}" \
    'BEGIN { if (b > 0 && rc > 0) printf "Refresh grants: %.2f times the baseline'"'"'s rate, at %.2f of its server CPU per grant.\n", r / b, rc / bc }'
echo
verdict="$(awk -v s="$(per_core "${SIGNIN[0]}")" -v r="$(per_core "${REFRESH[0]}")" -v e="$((SIGNIN[3] + REFRESH[3] + BASELINE[3]))" 'BEGIN {
    ok = 1; msg = ""
    if (s < 30) { ok = 0; msg = msg sprintf(" %.1f sign-ins/s per core (needs >= 30);", s) }
    if (r < 600) { ok = 0; msg = msg sprintf(" %.1f refresh grants/s per core (needs >= 600);", r) }
    if (e > 0) { ok = 0; msg = msg sprintf(" %d errors;", e) }
    if (ok) printf "PASS: %.1f sign-ins/s and %.1f refresh grants/s per core, no errors.", s, r
    else printf "FAIL:%s", msg }')"
echo "$verdict"
[[ "$verdict" == PASS* ]]
