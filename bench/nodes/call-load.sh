#!/usr/bin/env bash
# Load test of the exchange nodes (issue #18): a department system's calls through its node, signed, checked, logged at
# both nodes, answered by the housing fund's own system through the provider node's adapter — against the same lookups
# made directly to the department's system in the same run. See bench/nodes/README.md.
#
#   bench/nodes/call-load.sh
#
# Publishes Tongban and the demo department systems (Release), seeds the demo region as the centre, makes both nodes'
# keys and registers them with the service as an operator does (`tongban node keys|add|service add`), makes the grant
# through the sharing API (grant.py), starts the centre, the housing fund's system and the two nodes, and STOPS THE
# CENTRE before measuring (calls do not need it). Then wrk: a warm-up, direct calls at full speed, node calls at full
# speed and paced at BENCH_RATE. Prints a markdown table and the check: >= 1,000 pairs/s, p99 <= 50 ms at 1,000/s,
# no errors, every call logged at both nodes.
#
# Settings (environment): BENCH_RATE=1000 BENCH_DURATION=15 BENCH_WARMUP=30 BENCH_THREADS=2 BENCH_CONNECTIONS=32
#   BENCH_ALGORITHM=SM2|P-256 (the nodes' signing keys) BENCH_KEEP=1 (keep the temp dir)
#   BENCH_PUBLISHED=DIR  use DIR/web, DIR/cli and DIR/departments published before instead of publishing again
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"
RATE="${BENCH_RATE:-1000}" DURATION="${BENCH_DURATION:-15}" WARMUP="${BENCH_WARMUP:-30}"
THREADS="${BENCH_THREADS:-2}" CONNECTIONS="${BENCH_CONNECTIONS:-32}" ALGORITHM="${BENCH_ALGORITHM:-SM2}"
PROVIDER="12211200031892486P" CONSUMER="11211200023387148M" # the demo's 住房公积金管理中心 and 自然资源局
RESOURCE="$PROVIDER-00001" PURPOSE="公积金贷款审核" ITEMS="accountStatus,balance,employerName"
CLIENT_ID="bench-land-system" CLIENT_SECRET="a-long-bench-secret-of-the-land-system"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in wrk curl dotnet python3 sqlite3 sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-nodes.XXXXXX")"
PIDS=()
cleanup() {
    local rc=$?
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
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
publish samples/Tongban.DemoDepartments "$PUBLISHED/departments" Tongban.DemoDepartments.dll
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
CENTRE_PORT="$(free_port)" CONSUMER_PORT="$(free_port)" PROVIDER_PORT="$(free_port)" DEPARTMENT_PORT="$(free_port)"
CENTRE="http://127.0.0.1:$CENTRE_PORT" CONSUMER_URL="http://127.0.0.1:$CONSUMER_PORT"
PROVIDER_URL="http://127.0.0.1:$PROVIDER_PORT" DEPARTMENT="http://127.0.0.1:$DEPARTMENT_PORT"
mkdir -p "$WORK/centre" "$WORK/consumer" "$WORK/provider"

# Every process of the run: production settings, plain HTTP on loopback, warnings only in the logs.
common() { echo ASPNETCORE_ENVIRONMENT=Production Https__Require=false Operations__Restricted=false RateLimits__Enabled=false \
    Logging__LogLevel__Default=Warning Nodes__Algorithm="$ALGORITHM" Nodes__AllowPlainHttpOnLoopback=true; }
node_env() { # data-dir member code (the anchor once the centre wrote it)
    echo Storage__DataDirectory="$1" Tongban__Role=node Region__SeedDemoWhenEmpty=false Nodes__Member="$2" Nodes__Code="$3" \
        Nodes__DirectoryAddress="$CENTRE" Nodes__RefreshInterval=01:00:00 Nodes__StampInterval=00:00:00
    if [ -f "$WORK/anchor.pem" ]; then echo Nodes__AnchorFile="$WORK/anchor.pem"; fi; }
tongban() { # env... -- args...
    local envs=(); while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
    (cd "$PUBLISHED/cli" && env $(common) "${envs[@]}" dotnet tongban.dll "$@") >>"$WORK/cli.log" 2>&1 || { tail -20 "$WORK/cli.log" >&2; exit 1; }
}
start() { # name log dir env... -- command...
    local name="$1" log="$2" dir="$3"; shift 3
    local envs=(); while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
    (cd "$dir" && exec env $(common) "${envs[@]}" "$@") >"$log" 2>&1 &
    PIDS+=($!); echo "started $name (pid $!)" >&2
}
wait_for() { # url log
    for _ in $(seq 1 600); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return
        sleep 0.5
    done
    echo "ERROR: $1 did not answer" >&2; tail -40 "$2" >&2; exit 1
}

echo "seeding the centre" >&2
tongban Storage__DataDirectory="$WORK/centre" -- keys rotate-personal-data
tongban Storage__DataDirectory="$WORK/centre" -- seed demo
for side in "consumer $CONSUMER land-1" "provider $PROVIDER fund-1"; do
    set -- $side
    tongban $(node_env "$WORK/$1" "$2" "$3") -- keys rotate-personal-data
    tongban $(node_env "$WORK/$1" "$2" "$3") -- node keys --out "$WORK/$1.pem"
done
fingerprint() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; } # plain HTTP carries no certificate; the directory still wants one
tongban Storage__DataDirectory="$WORK/centre" -- node add --member "$PROVIDER" --code fund-1 --address "$PROVIDER_URL" \
    --public-key "$WORK/provider.pem" --tls-fingerprint "$(fingerprint fund-1)"
tongban Storage__DataDirectory="$WORK/centre" -- node add --member "$CONSUMER" --code land-1 --address "$CONSUMER_URL" \
    --public-key "$WORK/consumer.pem" --tls-fingerprint "$(fingerprint land-1)" --anchor-out "$WORK/anchor.pem"
tongban Storage__DataDirectory="$WORK/centre" -- node service add --provider "$PROVIDER" --code fund-account --title 住房公积金账户状态 \
    --resource "$RESOURCE" --items "$ITEMS"

start centre "$WORK/centre.log" "$PUBLISHED/web" Storage__DataDirectory="$WORK/centre" Authentication__DevelopmentSignIn=true Region__SeedDemoWhenEmpty=true \
    -- dotnet Tongban.Web.dll --urls "$CENTRE"
CENTRE_PID="${PIDS[-1]}"
start "housing fund system" "$WORK/department.log" "$PUBLISHED/departments" \
    -- dotnet Tongban.DemoDepartments.dll --system housing-fund --population "$REPO_ROOT/regions/tieling/registries/population.csv" --urls "$DEPARTMENT"
wait_for "$CENTRE/health/ready" "$WORK/centre.log"
wait_for "$DEPARTMENT/health" "$WORK/department.log"
python3 bench/nodes/grant.py "$CENTRE" "$CONSUMER" "$PROVIDER" "$RESOURCE" "$PURPOSE" "$ITEMS" >/dev/null

start "provider node" "$WORK/provider.log" "$PUBLISHED/web" $(node_env "$WORK/provider" "$PROVIDER" fund-1) \
    Nodes__Adapters__fund-account__BaseAddress="$DEPARTMENT" Nodes__Adapters__fund-account__Path=/housing-fund/accounts \
    Nodes__Adapters__fund-account__Items__accountStatus=accountStatus Nodes__Adapters__fund-account__Items__balance=balance \
    Nodes__Adapters__fund-account__Items__employerName=employerName -- dotnet Tongban.Web.dll --urls "$PROVIDER_URL"
PROVIDER_PID="${PIDS[-1]}"
start "consumer node" "$WORK/consumer.log" "$PUBLISHED/web" $(node_env "$WORK/consumer" "$CONSUMER" land-1) \
    Nodes__Clients__0__Id="$CLIENT_ID" Nodes__Clients__0__SecretSha256="$(printf '%s' "$CLIENT_SECRET" | sha256sum | cut -d' ' -f1)" \
    -- dotnet Tongban.Web.dll --urls "$CONSUMER_URL"
CONSUMER_PID="${PIDS[-1]}"
configured() { curl -fsS "$1/node/status" 2>/dev/null | python3 -c 'import json,sys; v = json.load(sys.stdin).get("configurationVersion"); sys.exit(0 if isinstance(v, int) and v > 0 else 1)' 2>/dev/null; }
for url in "$PROVIDER_URL" "$CONSUMER_URL"; do
    for _ in $(seq 1 240); do configured "$url" && break; sleep 0.5; done
    configured "$url" || { echo "ERROR: $url holds no configuration" >&2; tail -30 "$WORK/consumer.log" "$WORK/provider.log" >&2; exit 1; }
done
echo "stopping the centre: calls go on without it" >&2
kill -TERM "$CENTRE_PID"; wait "$CENTRE_PID" 2>/dev/null || true

# The living adults of the demo region's people: each has an account in the housing fund's system.
python3 - "$REPO_ROOT/regions/tieling/registries/population.csv" >"$WORK/keys.txt" <<'PY'
import csv, datetime, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["status"] == "living" and datetime.date.fromisoformat(row["birthDate"]) < datetime.date(2006, 1, 1):
        print(row["idNumber"])
PY
# The system's access token from its node (OAuth2 client credentials): one for the whole run, as a system keeps its token.
TOKEN="$(curl -fsS -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$CONSUMER_URL/node/token" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')" \
    || { echo "ERROR: the consumer node gave no access token" >&2; tail -20 "$WORK/consumer.log" >&2; exit 1; }
AUTH="Bearer $TOKEN"
first="$(curl -fsS -H "Authorization: $AUTH" -H 'X-On-Behalf-Of: bench-clerk' -H 'Content-Type: application/json' \
    "$CONSUMER_URL/node/services/$PROVIDER/fund-account" -d "{\"key\":\"$(head -1 "$WORK/keys.txt")\",\"items\":[\"accountStatus\"],\"purpose\":\"$PURPOSE\"}")" \
    || { echo "ERROR: the first call through the nodes failed" >&2; tail -20 "$WORK/consumer.log" "$WORK/provider.log" >&2; exit 1; }
echo "first call: $first" >&2

logged() { sqlite3 "$1/tongban.db" "SELECT count(*) FROM nd_message_log"; }
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
run() { # name url path [rate] — with WRK_ITEMS set for node calls, unset for direct ones
    local out="$WORK/wrk-$1.txt" c0 p0 d0
    c0="$(cpu "$CONSUMER_PID")" p0="$(cpu "$PROVIDER_PID")"
    export WRK_KEYS="$WORK/keys.txt" WRK_PATH="$3" WRK_AUTH="$AUTH" WRK_PURPOSE="$PURPOSE" WRK_PACER="$REPO_ROOT/bench/ratelimited.lua"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/nodes/call.lua "$2" ${4:+-- "$4" "$THREADS" "$CONNECTIONS"} >"$out"
    R_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
    R_REQ="$(awk '/requests in/ { print $1 }' "$out")"
    R_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    R_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    R_ERR="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$out")"
    R_CPU="$(awk -v a="$c0" -v b="$(cpu "$CONSUMER_PID")" -v c="$p0" -v d="$(cpu "$PROVIDER_PID")" -v hz="$(getconf CLK_TCK)" -v n="$R_REQ" \
        'BEGIN { printf "%.3f", (b - a + d - c) * 1000 / hz / n }')"
}
NODE_PATH="/node/services/$PROVIDER/fund-account"
echo "warm-up ${WARMUP}s (through the nodes)" >&2
SAVED="$DURATION"; DURATION="$WARMUP"; WRK_ITEMS="$ITEMS" run warmup "$CONSUMER_URL" "$NODE_PATH"; DURATION="$SAVED"
echo "direct to the department system, full speed ${DURATION}s" >&2
WRK_ITEMS="" run direct "$DEPARTMENT" /housing-fund/accounts; DIRECT=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR")
sleep 1
before_c="$(logged "$WORK/consumer")" before_p="$(logged "$WORK/provider")"
echo "through the nodes, full speed ${DURATION}s" >&2
WRK_ITEMS="$ITEMS" run max "$CONSUMER_URL" "$NODE_PATH"; MAX=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU"); total=$R_REQ
sleep 1
echo "through the nodes, paced at $RATE/s for ${DURATION}s" >&2
WRK_ITEMS="$ITEMS" run paced "$CONSUMER_URL" "$NODE_PATH" "$RATE"; PACED=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU"); total=$((total + R_REQ))
sleep 2
logged_c=$(( $(logged "$WORK/consumer") - before_c )) logged_p=$(( $(logged "$WORK/provider") - before_p ))

echo
echo "### Calls through two exchange nodes ($ALGORITHM signatures, message logs on SQLite), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET $(dotnet --version); consumer node, provider node," \
    "the housing fund's demo system and wrk -t$THREADS -c$CONNECTIONS on the same machine, the centre stopped; ${DURATION}s per run after a ${WARMUP}s warm-up."
echo
echo "| run | req/s | p50 ms | p99 ms | errors | both nodes' CPU ms per call |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
echo "| direct to the department system | ${DIRECT[0]} | ${DIRECT[1]} | ${DIRECT[2]} | ${DIRECT[3]} | — |"
echo "| through the nodes, full speed | ${MAX[0]} | ${MAX[1]} | ${MAX[2]} | ${MAX[3]} | ${MAX[4]} |"
echo "| through the nodes, paced at $RATE/s | ${PACED[0]} | ${PACED[1]} | ${PACED[2]} | ${PACED[3]} | ${PACED[4]} |"
echo
echo "Cost of signing, checking and logging: $(awk -v d="${DIRECT[0]}" -v n="${MAX[0]}" 'BEGIN { printf "%.1f", d / n }') times the direct call's time at full speed" \
    "(direct ${DIRECT[0]}/s, through the nodes ${MAX[0]}/s). Message logs: $logged_c entries at the consumer node and $logged_p at the provider" \
    "for $total calls in the two measured runs (each call is two entries at each node)."
verdict="$(awk -v r="${MAX[0]}" -v p="${PACED[2]}" -v e="$((MAX[3] + PACED[3]))" -v lc="$logged_c" -v lp="$logged_p" -v t="$total" -v rate="$RATE" 'BEGIN {
    ok = 1; msg = ""
    if (r < rate) { ok = 0; msg = msg sprintf(" %d pairs/s at full speed (needs >= %d);", r, rate) }
    if (p > 50) { ok = 0; msg = msg sprintf(" p99 %.2f ms at %d/s (needs <= 50 ms);", p, rate) }
    if (e > 0) { ok = 0; msg = msg sprintf(" %d errors;", e) }
    if (lc < 2 * t || lp < 2 * t) { ok = 0; msg = msg sprintf(" logged %d and %d entries for %d calls (needs two each);", lc, lp, t) }
    if (ok) printf "PASS: %d pairs/s at full speed; p99 %.2f ms at %d/s; every call logged at both nodes.", r, p, rate
    else printf "FAIL:%s", msg }')"
echo "$verdict"
[[ "$verdict" == PASS* ]]
