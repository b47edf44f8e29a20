#!/usr/bin/env bash
# Load test of the applications module: the staff workbench over many generated cases, and walk-in submissions.
# See bench/README.md.
#
#   bench/applications/applications-load.sh
#
# Publishes Tongban (Release), seeds the demo region, generates BENCH_CASES cases (tongban generate cases), prints
# the SQLite query plans of the workbench's queries, starts the web host and runs wrk:
#   (a) the workbench: a department's staff member (clerk, reviewer, leader, approver) pages through queues,
#       statuses, items, a case-number prefix, a second page by cursor, and the HTML page, rotating; p95 reported;
#   (b) submissions: a window clerk registers walk-ins (form data and material references, no file bytes), each
#       with its own key, at full speed and paced at BENCH_RATE.
# Prints a markdown table and the check: workbench p95 <= 50 ms; >= BENCH_RATE submissions/s with p99 <= 100 ms
# at that rate; no errors.
#
# Settings (environment):
#   BENCH_CASES=1000000    cases generated before the runs
#   BENCH_RATE=300         the paced submission rate (submissions/s)
#   BENCH_DURATION=15      seconds per measured run;  BENCH_WARMUP=30
#   BENCH_THREADS=2 BENCH_CONNECTIONS=16
#   BENCH_KEEP=1           keep the temp dir (apps, database, logs, wrk output)
#   BENCH_DATA=DIR         a data directory kept between runs: the first run seeds and generates into it, later runs
#                          reuse its cases (generating 1,000,000 takes minutes); each run adds its submissions to it
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"

CASES="${BENCH_CASES:-1000000}"
RATE="${BENCH_RATE:-300}"
DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-30}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
HOST=127.0.0.1
CITIZEN="211221196805129013"   # the demo pack's citizen (张建国)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in wrk curl dotnet python3 sqlite3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-applications.XXXXXX")"
SERVER_PID=""
cleanup() {
    local rc=$?
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT

echo "publishing" >&2
dotnet publish src/Tongban.Web -c Release -o "$WORK/web" --nologo >"$WORK/publish-web.log" 2>&1 || { tail -30 "$WORK/publish-web.log" >&2; exit 1; }
dotnet publish src/Tongban.Cli -c Release -o "$WORK/cli" --nologo >"$WORK/publish-cli.log" 2>&1 || { tail -30 "$WORK/publish-cli.log" >&2; exit 1; }

DATA="${BENCH_DATA:-$WORK/data}"
mkdir -p "$DATA"
export Storage__DataDirectory="$DATA"
DB="$DATA/tongban.db"
tongban() { (cd "$WORK/cli" && dotnet tongban.dll "$@"); }
if [ -f "$DATA/generated.txt" ]; then
    generated="$(cat "$DATA/generated.txt") (reused from $DATA)"
    tongban seed demo >&2   # migrations of a newer build; the demo data is there already
else
    tongban keys rotate-personal-data >&2   # a new installation makes its personal-data key first
    tongban seed demo >&2
    echo "generating $CASES cases" >&2
    generated="$(tongban generate cases --count "$CASES" --seed 1 2>&1 | tail -1)"
    echo "$generated" >"$DATA/generated.txt"
fi
echo "$generated" >&2
sqlite3 "$DB" "ANALYZE" >&2

# The department with the most cases: its staff member's workbench is the one measured.
DEPT="$(sqlite3 "$DB" "SELECT department_credit_code FROM app_cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
ITEM="$(sqlite3 "$DB" "SELECT item_code FROM app_cases WHERE department_credit_code = '$DEPT' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
PREFIX="$(sqlite3 "$DB" "SELECT substr(number, 1, 15) FROM app_cases WHERE department_credit_code = '$DEPT' LIMIT 1")"
DEPT_CASES="$(sqlite3 "$DB" "SELECT count(*) FROM app_cases WHERE department_credit_code = '$DEPT'")"

echo "query plans (SQLite):" >&2
plan() { echo "  $1:" >&2; sqlite3 "$DB" "EXPLAIN QUERY PLAN $2" | sed 's/^/    /' >&2; }
plan "a queue" "SELECT number FROM app_cases WHERE department_credit_code = '$DEPT' AND queue = 'reviewer' ORDER BY due_sort, number LIMIT 51"
plan "next page" "SELECT number FROM app_cases WHERE department_credit_code = '$DEPT' AND queue = 'reviewer' AND due_sort >= '2026-01-01' AND (due_sort > '2026-01-01' OR number > '2') ORDER BY due_sort, number LIMIT 51"
plan "a status" "SELECT number FROM app_cases WHERE department_credit_code = '$DEPT' AND status = 'InProcess' ORDER BY due_sort, number LIMIT 51"
plan "a number prefix" "SELECT number FROM app_cases WHERE department_credit_code = '$DEPT' AND number >= '$PREFIX' AND number < '$PREFIX~' ORDER BY due_sort, number LIMIT 51"

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
URL="http://$HOST:$PORT"
# Background work off during the runs, as in the other benches: the outbox, and the hourly deferred-material reminder
# (one read of the cases in process at start).
(cd "$WORK/web" && ASPNETCORE_ENVIRONMENT=Production Outbox__Enabled=false Applications__DeferredReminderInterval=00:00:00 Logging__LogLevel__Default=Warning \
    Region__SeedDemoWhenEmpty=true Https__Require=false Operations__Restricted=false RateLimits__Enabled="${BENCH_RATE_LIMITS:-false}" \
    Authentication__DevelopmentSignIn=true exec dotnet Tongban.Web.dll --urls "$URL") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$URL/health/ready" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done

sign_in() { # jar name department roles...
    local jar="$1" name="$2" department="$3" token args=()
    shift 3
    for role in "$@"; do args+=(--data-urlencode "Roles=$role"); done
    token="$(curl -fsS -c "$jar" -b "$jar" "$URL/sign-in" | python3 -c 'import re,sys,html; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()).group(1)))')"
    curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Name=$name" --data-urlencode "Department=$department" "${args[@]}" \
        --data-urlencode "__RequestVerificationToken=$token" "$URL/sign-in"
}
cookie() { awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
sign_in "$WORK/staff.jar" "bench-staff" "$DEPT" window-clerk reviewer leader approver
sign_in "$WORK/clerk.jar" "bench-clerk" "" window-clerk

# (a) the workbench paths, and a second page by its cursor.
NEXT="$(curl -fsS -b "$WORK/staff.jar" "$URL/api/applications/cases?queue=reviewer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"] or "")')"
cat >"$WORK/queue.paths" <<PATHS
/api/applications/cases
/api/applications/cases?queue=window-clerk
/api/applications/cases?queue=reviewer
/api/applications/cases?queue=reviewer&after=$NEXT
/api/applications/cases?status=InProcess
/api/applications/cases?status=Concluded
/api/applications/cases?item=$ITEM
/api/applications/cases?number=$PREFIX
/api/applications/cases?status=InProcess&dueBy=$(TZ=Asia/Shanghai date +%F)
/admin/cases
PATHS
# Every path must answer 200, and every API page must hold cases: a fast empty page would measure nothing.
ROWS=""
while read -r path; do
    code="$(curl -s -o "$WORK/page.out" -w '%{http_code}' -b "$WORK/staff.jar" "$URL$path")"
    [ "$code" = "200" ] || { echo "ERROR: $path answered HTTP $code" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
    [[ "$path" == /api/* ]] || continue
    rows="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["rows"]))' "$WORK/page.out")"
    [ "$rows" -gt 0 ] || { echo "ERROR: $path answered no cases" >&2; exit 1; }
    ROWS="$ROWS${ROWS:+, }$rows"
done <"$WORK/queue.paths"

# (b) a walk-in body for the first demo item the citizen may apply for: its required fields and materials filled.
python3 bench/applications/walk-in-body.py "$URL" "$CITIZEN" "$REPO_ROOT/regions/tieling/catalog.json" "$(cookie "$WORK/clerk.jar")" >"$WORK/body.json"

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }
run() { # name script cookie-jar [rate]
    local out="$WORK/wrk-$1.txt"
    export WRK_PATHS="$WORK/queue.paths" WRK_BODY="$WORK/body.json" WRK_COOKIE="$(cookie "$3")" WRK_RUN="$1-$RANDOM" WRK_PACER="$REPO_ROOT/bench/ratelimited.lua"
    if [ -n "${4:-}" ]; then
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "bench/applications/$2" "$URL" -- "$4" "$THREADS" "$CONNECTIONS" >"$out"
    else
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "bench/applications/$2" "$URL" >"$out"
    fi
    R_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
    R_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    R_P95="$(awk '/^p95_ms/ { print $2 }' "$out")"
    R_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    R_ERR="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$out")"
}

echo "workbench: warm-up ${WARMUP}s, then ${DURATION}s" >&2
DURATION_SAVED="$DURATION"; DURATION="$WARMUP"; run warm-queue queue.lua "$WORK/staff.jar"; DURATION="$DURATION_SAVED"
run queue queue.lua "$WORK/staff.jar"; QUEUE=("$R_RPS" "$R_P50" "$R_P95" "$R_P99" "$R_ERR")
echo "submissions: warm-up ${WARMUP}s, full speed ${DURATION}s, paced at $RATE/s ${DURATION}s" >&2
DURATION="$WARMUP"; run warm-submit submit.lua "$WORK/clerk.jar"; DURATION="$DURATION_SAVED"
run submit-max submit.lua "$WORK/clerk.jar"; MAX=("$R_RPS" "$R_P50" "$R_P95" "$R_P99" "$R_ERR")
sleep 1
run submit-paced submit.lua "$WORK/clerk.jar" "$RATE"; PACED=("$R_RPS" "$R_P50" "$R_P95" "$R_P99" "$R_ERR")
total="$(sqlite3 "$DB" "SELECT count(*) FROM app_cases")"

echo
echo "### Applications: workbench over $CASES generated cases, walk-in submissions, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET $(dotnet --version); SQLite; load average $(cut -d' ' -f1-3 /proc/loadavg);" \
    "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run after a ${WARMUP}s warm-up; server and wrk on the same machine."
echo "Generator: $generated. Measured department: $DEPT_CASES cases; $total cases after the runs. Cases on each API page of the rotation: $ROWS."
echo
echo "| run | req/s | p50 ms | p95 ms | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
echo "| workbench pages (10 queries rotating) | ${QUEUE[0]} | ${QUEUE[1]} | ${QUEUE[2]} | ${QUEUE[3]} | ${QUEUE[4]} |"
echo "| walk-in submissions, full speed | ${MAX[0]} | ${MAX[1]} | ${MAX[2]} | ${MAX[3]} | ${MAX[4]} |"
echo "| walk-in submissions, paced at $RATE/s | ${PACED[0]} | ${PACED[1]} | ${PACED[2]} | ${PACED[3]} | ${PACED[4]} |"
echo
verdict="$(awk -v q="${QUEUE[2]}" -v r="${MAX[0]}" -v p="${PACED[3]}" -v e="$((QUEUE[4] + MAX[4] + PACED[4]))" -v rate="$RATE" 'BEGIN {
    ok = 1; msg = ""
    if (q > 50) { ok = 0; msg = msg sprintf(" workbench p95 %.2f ms (needs <= 50);", q) }
    if (r < rate) { ok = 0; msg = msg sprintf(" %d submissions/s at full speed (needs >= %d);", r, rate) }
    if (p > 100) { ok = 0; msg = msg sprintf(" submission p99 %.2f ms at %d/s (needs <= 100);", p, rate) }
    if (e > 0) { ok = 0; msg = msg sprintf(" %d errors;", e) }
    if (ok) printf "PASS: workbench p95 %.2f ms; %d submissions/s at full speed, p99 %.2f ms at %d/s.", q, r, p, rate
    else printf "FAIL:%s", msg }')"
echo "$verdict"
[[ "$verdict" == PASS* ]]
