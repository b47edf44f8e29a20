#!/usr/bin/env bash
# Load test of the halls module (issue #19): queue tickets issued per second, and how soon 200 calling screens of one
# hall receive a call. See bench/README.md.
#
#   bench/halls/halls-load.sh
#
# Publishes Tongban and the plaintext baseline (Release), starts both on free loopback ports (Tongban in Production
# with the demo region, SQLite), then:
#   (a) tickets: wrk posts POST /api/halls/{hall}/tickets {"category":...} as kiosks do, over every category of every
#       demo hall in turn, at full speed, after a warm-up; the baseline's /plaintext is measured in the same run, and the server's CPU time per ticket;
#   (b) screens: BENCH_SCREENS connections follow /halls/yinzhou/screen/events (the stream the screen page follows);
#       a clerk takes and calls BENCH_CALLS tickets at window 01, one every BENCH_GAP seconds; each screen notes when a
#       state naming each call arrived (screens.py). The delay runs from sending the call to a screen receiving it.
# Prints a markdown table and the check: >= 500 tickets/s; p99 of the screens' deliveries <= 1,000 ms; no errors, no
# screen missing a call.
#
# Settings (environment): BENCH_DURATION=15 BENCH_WARMUP=30 BENCH_THREADS=2 BENCH_CONNECTIONS=16
#   BENCH_SCREENS=200 BENCH_CALLS=30 BENCH_GAP=1.0 BENCH_KEEP=1 (keep the temp dir)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"

DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-30}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
SCREENS="${BENCH_SCREENS:-200}"
CALLS="${BENCH_CALLS:-30}"
GAP="${BENCH_GAP:-1.0}"
HOST=127.0.0.1
# Every business category of every demo hall (regions/tieling/hall_categories.csv): the kiosks of a city, not one queue
# growing by thousands (a ticket counts the people ahead of it in its queue).
TICKET_QUEUES="$(awk -F, 'NR > 1 { printf "%s%s:%s", (n++ ? " " : ""), $1, $2 }' regions/tieling/hall_categories.csv)"
SCREEN_HALL=yinzhou SCREEN_WINDOW=01 SCREEN_CATEGORY=A SCREEN_DEPARTMENT=11211202070242291R   # regions/tieling/windows.csv

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in wrk curl dotnet python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-halls.XXXXXX")"
PIDS=()
cleanup() {
    local rc=$?
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
publish() { dotnet publish "$1" -c Release -o "$2" --nologo >"$2.log" 2>&1 || { tail -30 "$2.log" >&2; exit 1; }; }
wait_ready() { # url pid log
    for _ in $(seq 1 360); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || { tail -40 "$3" >&2; exit 1; }
        sleep 0.5
    done
    echo "ERROR: $1 did not answer" >&2; exit 1
}

echo "publishing" >&2
publish src/Tongban.Web "$WORK/web"
publish bench/Tongban.Bench.Baseline "$WORK/baseline"

BASELINE_URL="http://$HOST:$(free_port)"
(cd "$WORK/baseline" && exec dotnet Tongban.Bench.Baseline.dll --urls "$BASELINE_URL") >"$WORK/baseline.log" 2>&1 &
PIDS+=($!)
URL="http://$HOST:$(free_port)"
# Tickets at any hour (the kiosk otherwise follows the hall's sessions), no rate limits (one address sends thousands),
# the outbox off as in the other benches, the development sign-in for the clerk.
mkdir -p "$WORK/data"
(cd "$WORK/web" && ASPNETCORE_ENVIRONMENT=Production Storage__DataDirectory="$WORK/data" PersonalData__CreateKeyFile=true Outbox__Enabled=false Logging__LogLevel__Default=Warning \
    Region__SeedDemoWhenEmpty=true Https__Require=false Operations__Restricted=false RateLimits__Enabled=false \
    Halls__TicketsOutsideSessions=true Authentication__DevelopmentSignIn=true exec dotnet Tongban.Web.dll --urls "$URL") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=("$SERVER_PID")
wait_ready "$BASELINE_URL/plaintext" "${PIDS[0]}" "$WORK/baseline.log"
wait_ready "$URL/health/ready" "$SERVER_PID" "$WORK/server.log"

code="$(curl -s -o "$WORK/probe.json" -w '%{http_code}' -H 'Content-Type: application/json' -d '{"category":"A"}' "$URL/api/halls/city-centre/tickets")"
[ "$code" = "201" ] || { echo "ERROR: a ticket answered HTTP $code: $(cat "$WORK/probe.json")" >&2; exit 1; }

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
run() { # name url [script]
    local out="$WORK/wrk-$1.txt" c0 script=()
    [ -n "${3:-}" ] && script=(-s "$3")
    c0="$(cpu "$SERVER_PID")"
    WRK_QUEUES="$TICKET_QUEUES" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "$2" >"$out"
    R_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
    R_REQ="$(awk '/requests in/ { print $1 }' "$out")"
    R_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    R_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    R_ERR="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$out")"
    R_CPU="$(awk -v a="$c0" -v b="$(cpu "$SERVER_PID")" -v hz="$(getconf CLK_TCK)" -v n="$R_REQ" 'BEGIN { printf "%.2f", (b - a) * 1000 / hz / n }')"
}

echo "tickets: warm-up ${WARMUP}s, then ${DURATION}s; the baseline ${DURATION}s" >&2
DURATION_SAVED="$DURATION"; DURATION="$WARMUP"; run warm "$URL" bench/halls/ticket.lua; DURATION="$DURATION_SAVED"
run tickets "$URL" bench/halls/ticket.lua; TICKETS=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR" "$R_CPU")
sleep 1
run baseline "$BASELINE_URL/plaintext"; BASE=("$R_RPS" "$R_P50" "$R_P99" "$R_ERR")

# (b) the clerk of the screen hall's window, signed in through the development sign-in.
jar="$WORK/clerk.jar"
token="$(curl -fsS -c "$jar" -b "$jar" "$URL/sign-in" | python3 -c 'import re,sys,html; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()).group(1)))')"
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Name=bench-clerk" --data-urlencode "Department=$SCREEN_DEPARTMENT" \
    --data-urlencode "Roles=window-clerk" --data-urlencode "__RequestVerificationToken=$token" "$URL/sign-in"
cookie="$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")"
echo "screens: $SCREENS connected to $SCREEN_HALL, $CALLS calls ${GAP}s apart" >&2
SCREENS_JSON="$(python3 bench/halls/screens.py "$URL" "$SCREEN_HALL" "$SCREEN_WINDOW" "$SCREEN_CATEGORY" "$cookie" --screens "$SCREENS" --calls "$CALLS" --gap "$GAP")"
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$SCREENS_JSON" "$1"; }

echo
echo "### Halls: tickets issued and calling screens, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET $(dotnet --version); SQLite; load average $(cut -d' ' -f1-3 /proc/loadavg);" \
    "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run after a ${WARMUP}s warm-up; server, baseline, wrk and the screens on the same machine."
echo
echo "| run | req/s | p50 ms | p99 ms | errors | server CPU ms per request | vs baseline |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| tickets (POST /api/halls/{hall}/tickets, $(wc -w <<<"$TICKET_QUEUES") queues of 7 halls in turn) | ${TICKETS[0]} | ${TICKETS[1]} | ${TICKETS[2]} | ${TICKETS[3]} | ${TICKETS[4]} | $(awk -v a="${TICKETS[0]}" -v b="${BASE[0]}" 'BEGIN { printf "%.1f %%", 100 * a / b }') |"
echo "| baseline /plaintext | ${BASE[0]} | ${BASE[1]} | ${BASE[2]} | ${BASE[3]} | — | 100 % |"
echo
echo "| screens | calls | deliveries | misses | p50 ms | p99 ms | max ms |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| $(field screens) | $(field calls) | $(field deliveries) | $(field misses) | $(field p50_ms) | $(field p99_ms) | $(field max_ms) |"
echo
verdict="$(awk -v r="${TICKETS[0]}" -v e="${TICKETS[3]}" -v p="$(field p99_ms)" -v m="$(field misses)" -v s="$(field screens)" -v want="$SCREENS" 'BEGIN {
    ok = 1; msg = ""
    if (r < 500) { ok = 0; msg = msg sprintf(" %d tickets/s (needs >= 500);", r) }
    if (e > 0) { ok = 0; msg = msg sprintf(" %d ticket errors;", e) }
    if (s < want) { ok = 0; msg = msg sprintf(" %d of %d screens connected;", s, want) }
    if (m > 0) { ok = 0; msg = msg sprintf(" %d deliveries missed;", m) }
    if (p > 1000) { ok = 0; msg = msg sprintf(" screens p99 %.1f ms (needs <= 1000);", p) }
    if (ok) printf "PASS: %d tickets/s; %d screens received every call, p99 %.1f ms.", r, s, p
    else printf "FAIL:%s", msg }')"
echo "$verdict"
[[ "$verdict" == PASS* ]]
