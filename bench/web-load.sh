#!/usr/bin/env bash
# Load test: Tongban's home and hall pages against a plaintext ASP.NET Core baseline, in one run
# on one machine. See bench/README.md.
#
#   bench/web-load.sh
#
# Publishes src/Tongban.Web and bench/Tongban.Bench.Baseline (Release), starts both on free
# 127.0.0.1 ports, then for each target: a warm-up, wrk at its maximum rate, and wrk paced at
# half that rate (bench/ratelimited.lua) for the latency there. Prints a markdown table and
# the issue's check for the hall page: >= 30 % of the baseline's req/s, p99 < 20 ms at half rate.
#
# Settings (environment):
#   BENCH_DURATION=15     seconds per measured wrk run (max rate, and half rate)
#   BENCH_WARMUP=5        seconds of warm-up per target
#   BENCH_THREADS=2       wrk threads
#   BENCH_CONNECTIONS=32  wrk connections
#   BENCH_HALL=city-centre  the hall slug (/halls/SLUG)
#   BENCH_ONLY_BASELINE=1 measure the baseline only (no Tongban build or start)
#   BENCH_TONGBAN_URL=http://127.0.0.1:5000  measure a Tongban that is already running there
#                         (loopback only) instead of publishing and starting one
#   BENCH_KEEP=1          keep the temp dir (published apps, server logs, wrk output)
#   BENCH_CATALOG_ITEMS=220000  also grow the catalog to that many items (tongban seed catalog), time the
#                         import of a 22,112-item feed, and measure search (the 1,000-query set,
#                         rotating) and guide pages (2,000 random items, rotating)
#   BENCH_DATABASE=postgres  run Tongban on a throw-away PostgreSQL (.ci/postgres.sh) instead of SQLite
#
# Only loopback addresses are used; every wrk run is bounded by its duration.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd)"

DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-5}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
HALL="${BENCH_HALL:-city-centre}"
ONLY_BASELINE="${BENCH_ONLY_BASELINE:-0}"
TONGBAN_URL="${BENCH_TONGBAN_URL:-}"
TONGBAN_URL="${TONGBAN_URL%/}"
HOST=127.0.0.1

if [ -n "$TONGBAN_URL" ] && ! [[ "$TONGBAN_URL" =~ ^http://(127\.[0-9]+\.[0-9]+\.[0-9]+|localhost|\[::1\])(:[0-9]+)?$ ]]; then
    echo "ERROR: BENCH_TONGBAN_URL must be http://127.x.x.x[:port], http://localhost[:port] or http://[::1][:port]" >&2
    exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing wrk (apt-get)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    else
        echo "ERROR: wrk is not installed (sudo apt-get install wrk)" >&2
        exit 1
    fi
fi
command -v dotnet >/dev/null 2>&1 || { echo "ERROR: dotnet is not on PATH" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "ERROR: curl is not on PATH" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-bench.XXXXXX")"
BASELINE_PID=""
TONGBAN_PID=""

stop_server() { # pid
    local pid="$1"
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    stop_server "$TONGBAN_PID"
    stop_server "$BASELINE_PID"
    if [ "${BENCH_KEEP:-0}" = "1" ]; then
        echo "kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

publish() { # project out
    echo "publishing $1" >&2
    if ! dotnet publish "$1" -c Release -o "$2" --nologo >"$WORK/publish-$(basename "$1").log" 2>&1; then
        echo "ERROR: dotnet publish $1 failed:" >&2
        tail -n 30 "$WORK/publish-$(basename "$1").log" >&2
        exit 1
    fi
}

wait_ready() { # url pid log seconds
    local url="$1" pid="$2" log="$3" limit="$4"
    local deadline=$((SECONDS + limit))
    while [ "$SECONDS" -lt "$deadline" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "ERROR: the server for $url exited:" >&2
            tail -n 40 "$log" >&2
            exit 1
        fi
        if curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    echo "ERROR: $url was not ready after ${limit}s:" >&2
    tail -n 40 "$log" >&2
    exit 1
}

# "698.00us" / "1.08ms" / "2.00s" / "1.00m" -> milliseconds
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n = n / 1000; else if (u == "ms") n = n; else if (u == "s") n = n * 1000;
        else if (u == "m") n = n * 60000; else if (u == "h") n = n * 3600000; else n = -1
        printf "%.2f", n }'
}

# Parses wrk --latency output: sets W_RPS W_P50 W_P99 (ms) W_ERRORS (socket errors + non-2xx/3xx).
parse_wrk() { # file
    local file="$1"
    W_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$file")"
    W_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$file")")"
    W_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$file")")"
    W_ERRORS="$(awk '
        /Non-2xx or 3xx responses:/ { e += $NF }
        /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 }
        END { print e + 0 }' "$file")"
    if [ -z "$W_RPS" ] || [ -z "$W_P99" ] || [ "$W_P99" = "-1.00" ]; then
        echo "ERROR: could not read wrk's output in $file:" >&2
        cat "$file" >&2
        exit 1
    fi
}

declare -a NAMES=() URLS=()
declare -A RPS=() P50=() P99=() ERRS=() HALF_RATE=() HALF_RPS=() HALF_P99=() HALF_ERRS=()

measure() { # name url [paths-file]
    local name="$1" url="$2" paths="${3:-}" slug
    local script=() half_script=(-s "$REPO_ROOT/bench/ratelimited.lua")
    if [ -n "$paths" ]; then script=(-s "$REPO_ROOT/bench/paths.lua"); export WRK_PATHS="$paths"; else unset WRK_PATHS; fi
    slug="$(tr -c 'a-zA-Z0-9\n' '-' <<<"$name")"
    local status
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)"
    if [ "$status" != "200" ]; then
        echo "ERROR: $url answered HTTP $status, not 200; not measuring it." >&2
        NAMES+=("$name"); URLS+=("$url")
        RPS[$name]="HTTP $status"
        return 0
    fi

    echo "measuring $name ($url): warm-up ${WARMUP}s, max rate ${DURATION}s, half rate ${DURATION}s" >&2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${script[@]}" "$url" >"$WORK/wrk-$slug-warmup.txt"

    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "$url" >"$WORK/wrk-$slug-max.txt"
    parse_wrk "$WORK/wrk-$slug-max.txt"
    NAMES+=("$name"); URLS+=("$url")
    RPS[$name]="$W_RPS"; P50[$name]="$W_P50"; P99[$name]="$W_P99"; ERRS[$name]="$W_ERRORS"

    local half=$((W_RPS / 2))
    [ "$half" -ge 1 ] || half=1
    sleep 1
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
        "${half_script[@]}" "$url" -- "$half" "$THREADS" "$CONNECTIONS" \
        >"$WORK/wrk-$slug-half.txt"
    parse_wrk "$WORK/wrk-$slug-half.txt"
    HALF_RATE[$name]="$half"; HALF_RPS[$name]="$W_RPS"; HALF_P99[$name]="$W_P99"; HALF_ERRS[$name]="$W_ERRORS"
    sleep 1
}

# ---------------------------------------------------------------------------------------------
publish bench/Tongban.Bench.Baseline "$WORK/baseline"
if [ "$ONLY_BASELINE" != "1" ] && [ -z "$TONGBAN_URL" ]; then
    publish src/Tongban.Web "$WORK/web"
fi

BASELINE_PORT="$(free_port)"
(cd "$WORK/baseline" && exec dotnet Tongban.Bench.Baseline.dll --urls "http://$HOST:$BASELINE_PORT") \
    >"$WORK/baseline.log" 2>&1 &
BASELINE_PID=$!

CATALOG_ITEMS="${BENCH_CATALOG_ITEMS:-0}"
DATABASE="${BENCH_DATABASE:-sqlite}"
IMPORT_SECONDS=""
GENERATE_SECONDS=""
mkdir -p "$WORK/data"
export Storage__DataDirectory="$WORK/data"
if [ "$DATABASE" = "postgres" ]; then
    # shellcheck source=.ci/postgres.sh
    source "$REPO_ROOT/.ci/postgres.sh"
    pg_start >&2
    trap 'rc=$?; pg_stop || true; (exit $rc); cleanup' EXIT
    export Database__Provider=Postgres Database__ConnectionString="${PG_CONNECTION_STRING/Database=postgres/Database=tongban_bench}"
    psql -h 127.0.0.1 -p "$PG_PORT" -U tongban -d postgres -qc "CREATE DATABASE tongban_bench" >&2
fi
tongban() { (cd "$WORK/cli" && dotnet tongban.dll "$@"); }
seconds_of() { local start=$SECONDS; "$@" >&2; echo $((SECONDS - start)); }

if [ "$CATALOG_ITEMS" -gt 0 ] && [ -z "$TONGBAN_URL" ]; then
    publish src/Tongban.Cli "$WORK/cli"
    tongban seed demo >&2
    python3 "$REPO_ROOT/bench/catalog/make-feed.py" 22112 "$WORK/feed-22112.json" >&2
    echo "importing a 22,112-item feed" >&2
    IMPORT_SECONDS="$(seconds_of tongban import catalog "$WORK/feed-22112.json")"
    echo "growing the catalog to $CATALOG_ITEMS items" >&2
    GENERATE_SECONDS="$(seconds_of tongban seed catalog --items "$CATALOG_ITEMS")"
    python3 - "$REPO_ROOT/bench/catalog/queries.txt" >"$WORK/search.paths" <<'PY'
import sys, urllib.parse
for q in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    if q:
        print("/api/catalog/search?q=" + urllib.parse.quote(q))
PY
    if [ "$DATABASE" = "postgres" ]; then
        psql -h 127.0.0.1 -p "$PG_PORT" -U tongban -d tongban_bench -Atc "SELECT '/items/' || implementation_code FROM cat_items ORDER BY random() LIMIT 2000" >"$WORK/guide.paths"
    else
        sqlite3 "$WORK/data/tongban.db" "SELECT '/items/' || implementation_code FROM cat_items ORDER BY random() LIMIT 2000" >"$WORK/guide.paths"
    fi
fi

if [ "$ONLY_BASELINE" != "1" ] && [ -z "$TONGBAN_URL" ]; then
    TONGBAN_PORT="$(free_port)"
    while [ "$TONGBAN_PORT" = "$BASELINE_PORT" ]; do TONGBAN_PORT="$(free_port)"; done
    (cd "$WORK/web" &&
        ASPNETCORE_ENVIRONMENT=Production \
        Region__SeedDemoWhenEmpty=true Https__Require=false Operations__Restricted=false RateLimits__Enabled="${BENCH_RATE_LIMITS:-false}" \
        Outbox__Enabled=false \
        exec dotnet Tongban.Web.dll --urls "http://$HOST:$TONGBAN_PORT") \
        >"$WORK/tongban.log" 2>&1 &
    TONGBAN_PID=$!
    TONGBAN_URL="http://$HOST:$TONGBAN_PORT"
fi

wait_ready "http://$HOST:$BASELINE_PORT/plaintext" "$BASELINE_PID" "$WORK/baseline.log" 60
if [ -n "$TONGBAN_PID" ]; then
    # The first start migrates the database and seeds the demo region.
    wait_ready "$TONGBAN_URL/health/ready" "$TONGBAN_PID" "$WORK/tongban.log" 180
elif [ -n "$TONGBAN_URL" ]; then
    curl -fsS -o /dev/null --max-time 10 "$TONGBAN_URL/health/ready" \
        || { echo "ERROR: $TONGBAN_URL/health/ready does not answer 2xx" >&2; exit 1; }
fi

measure "baseline /plaintext" "http://$HOST:$BASELINE_PORT/plaintext"
if [ -n "$TONGBAN_URL" ]; then
    measure "Tongban /" "$TONGBAN_URL/"
    measure "Tongban /halls/$HALL" "$TONGBAN_URL/halls/$HALL"
    if [ -f "$WORK/search.paths" ]; then
        curl -fsS -o /dev/null --max-time 120 "$TONGBAN_URL/api/catalog/search?q=x" # builds the index
        measure "Tongban search (1,000 queries)" "$TONGBAN_URL$(head -n 1 "$WORK/search.paths")" "$WORK/search.paths"
        measure "Tongban guide (2,000 items)" "$TONGBAN_URL$(head -n 1 "$WORK/guide.paths")" "$WORK/guide.paths"
    fi
fi

# ---------------------------------------------------------------------------------------------
base_rps="${RPS["baseline /plaintext"]}"
echo
echo "### Web load, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores; $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); .NET $(dotnet --version);" \
    "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run, after a ${WARMUP}s warm-up; server and wrk on the same machine."
echo
echo "Database: $DATABASE."
if [ -n "$IMPORT_SECONDS" ]; then
    echo "Catalog: a 22,112-item feed imported in ${IMPORT_SECONDS} s (tongban import catalog); grown to $CATALOG_ITEMS items in ${GENERATE_SECONDS} s (tongban seed catalog)."
fi
echo
echo "| target | req/s | p50 ms | p99 ms | vs baseline | half rate: target req/s | achieved req/s | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in "${NAMES[@]}"; do
    rps="${RPS[$name]}"
    if ! [[ "$rps" =~ ^[0-9]+$ ]]; then
        echo "| $name | $rps | | | | | | | |"
        continue
    fi
    ratio="$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else print "n/a" }')"
    errors=$((${ERRS[$name]} + ${HALF_ERRS[$name]}))
    echo "| $name | $rps | ${P50[$name]} | ${P99[$name]} | $ratio | ${HALF_RATE[$name]} | ${HALF_RPS[$name]} | ${HALF_P99[$name]} | $errors |"
done
echo

if [ -z "$TONGBAN_URL" ]; then
    echo "(baseline only: BENCH_ONLY_BASELINE=1)"
    exit 0
fi

if [ -f "$WORK/search.paths" ]; then
    # Server-side time of every search request of the runs above (warm-ups included), from the
    # server's own Prometheus histogram: the share answered within each bucket bound.
    curl -fsS --max-time 10 "$TONGBAN_URL/metrics" | python3 -c '
import re, sys
buckets = {}
for line in sys.stdin:
    m = re.match(r"http_server_request_duration_seconds_bucket\{(.*)\} (\d+)", line)
    if m and "http_route=\"/api/catalog/search\"" in m.group(1) and "http_response_status_code=\"200\"" in m.group(1):
        le = re.search(r"le=\"([^\"]+)\"", m.group(1)).group(1)
        buckets[le] = buckets.get(le, 0) + int(m.group(2))
total = buckets.get("+Inf", 0)
if total:
    shares = ", ".join(f"{float(le) * 1000:g} ms: {100 * n / total:.2f} %" for le, n in sorted(buckets.items(), key=lambda kv: float(kv[0])) if le != "+Inf" and float(le) <= 0.1)
    print(f"Search, server-side ({total} requests, from /metrics): share answered within {shares}.")
'
    echo
fi

hall="Tongban /halls/$HALL"
hall_rps="${RPS[$hall]}"
if ! [[ "$hall_rps" =~ ^[0-9]+$ ]]; then
    echo "FAIL: the hall page was not measured ($hall_rps)."
    exit 1
fi
verdict="$(awk -v h="$hall_rps" -v b="$base_rps" -v p="${HALF_P99[$hall]}" -v e="$((${ERRS[$hall]} + ${HALF_ERRS[$hall]}))" 'BEGIN {
    ok = 1; msg = ""
    if (b <= 0 || h / b < 0.30) { ok = 0; msg = msg sprintf(" req/s is %.1f %% of the baseline (needs >= 30 %%);", 100 * h / b) }
    if (p >= 20) { ok = 0; msg = msg sprintf(" p99 at half rate is %.2f ms (needs < 20 ms);", p) }
    if (e > 0) { ok = 0; msg = msg sprintf(" %d errors;", e) }
    if (ok) printf "PASS: the hall page reaches %.1f %% of the baseline req/s, p99 %.2f ms at half its rate.", 100 * h / b, p
    else printf "FAIL:%s", msg }')"
echo "$verdict"
if [[ "$verdict" == FAIL* ]]; then
    exit 1
fi
