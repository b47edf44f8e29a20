#!/usr/bin/env bash
# Two instances of the host behind nginx over one PostgreSQL, under walk-in submissions, and one of them killed with
# SIGKILL (issue #21: no acknowledged submission lost; the other instance carries the load within 5 s; the throughput
# of one and of two instances side by side — on one 2-core machine they share the cores, so the figure to meet is the
# failover, not the sum).
#
#   bench/scale/failover.sh
#
# Starts a throw-away PostgreSQL 15 (.ci/postgres.sh), publishes the host and the command (Release), loads the demo
# region, starts instances A and B on the same database and data directory and Debian's nginx in front (round robin,
# `max_fails=1 fail_timeout=5s`, `proxy_next_upstream error timeout http_502 http_503` as docs/operations.md has it).
# A window clerk signs in through nginx; a walk-in body is found as bench/applications does. Then wrk submits through
# nginx for BENCH_DURATION seconds, writing down every answer (bench/applications/submit.lua with WRK_ACKS), and BENCH_KILL_AT seconds in
# instance A is killed with SIGKILL. Per second: submissions acknowledged (HTTP 201) and refused. Two instances' rate is
# the mean of the whole seconds before the kill (after the first); one instance's is the mean of the last 10 s;
# "carried within" is the time from the kill to the first second at 80 % of one instance's rate. Every acknowledged case
# number is then looked up in app_cases: none may be missing.
#
# Settings (environment): BENCH_DURATION=40 BENCH_KILL_AT=15 BENCH_WARMUP=60 BENCH_THREADS=2 BENCH_CONNECTIONS=16
#   BENCH_KEEP=1 (keep the temp dir)  BENCH_PUBLISHED=DIR (DIR/web and DIR/cli published before)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"
DURATION="${BENCH_DURATION:-40}" KILL_AT="${BENCH_KILL_AT:-15}" WARMUP="${BENCH_WARMUP:-60}"
THREADS="${BENCH_THREADS:-2}" CONNECTIONS="${BENCH_CONNECTIONS:-16}"
CITIZEN="211221196805129013" # the demo pack's citizen (张建国)
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in wrk curl dotnet python3 "$NGINX"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tongban-failover.XXXXXX")"
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

pg_start >&2
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U tongban -At -d postgres -c "CREATE DATABASE failover" >/dev/null
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U tongban -At -d failover)
export Database__Provider=Postgres Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=tongban;Database=failover"
export Storage__DataDirectory="$WORK/data"
mkdir -p "$Storage__DataDirectory"
echo "seeding the demo region" >&2
(cd "$PUBLISHED/cli" && dotnet tongban.dll keys rotate-personal-data && dotnet tongban.dll seed demo) >"$WORK/cli.log" 2>&1 \
    || { tail -20 "$WORK/cli.log" >&2; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PORT_A="$(free_port)" PORT_B="$(free_port)" PORT_PROXY="$(free_port)"
URL="http://127.0.0.1:$PORT_PROXY"
start() { # name port
    (cd "$PUBLISHED/web" && exec env ASPNETCORE_ENVIRONMENT=Production Region__SeedDemoWhenEmpty=true Https__Require=false \
        Operations__Restricted=false RateLimits__Enabled=false Authentication__DevelopmentSignIn=true Database__MigrateOnStartup=false \
        Licenses__DemoHistoryRecords=0 Logging__LogLevel__Default=Warning ForwardedHeaders__Enabled=true \
        ForwardedHeaders__KnownProxies__0=127.0.0.1 dotnet Tongban.Web.dll --urls "http://127.0.0.1:$2") >"$WORK/$1.log" 2>&1 &
    PIDS+=($!); echo "started instance $1 (pid $!)" >&2
}
start a "$PORT_A"; PID_A="${PIDS[-1]}"
start b "$PORT_B"
for port in "$PORT_A" "$PORT_B"; do
    for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break; sleep 0.5; done
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" || { echo "ERROR: the instance on $port did not start" >&2; tail -30 "$WORK"/a.log "$WORK"/b.log >&2; exit 1; }
done

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    upstream tongban {
        server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=5s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$PORT_PROXY;
        location / {
            proxy_pass http://tongban;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_next_upstream error timeout http_502 http_503;
        }
    }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/out.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 40); do curl -fsS -o /dev/null "$URL/health/live" 2>/dev/null && break; sleep 0.25; done

# A window clerk, signed in through nginx (the development sign-in, on here for the bench), and a walk-in body.
JAR="$WORK/clerk.jar"
token="$(curl -fsS -c "$JAR" -b "$JAR" "$URL/sign-in" | python3 -c 'import re,sys,html; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()).group(1)))')"
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Name=bench-clerk" --data-urlencode "Department=" --data-urlencode "Roles=window-clerk" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/sign-in"
COOKIE="$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")"
python3 bench/applications/walk-in-body.py "$URL" "$CITIZEN" "$REPO_ROOT/regions/tieling/catalog.json" "$COOKIE" >"$WORK/body.json"

submit() { # name seconds
    WRK_BODY="$WORK/body.json" WRK_COOKIE="$COOKIE" WRK_RUN="$1-$RANDOM" WRK_ACKS="$WORK/acks-$1" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -s bench/applications/submit.lua "$URL" >"$WORK/wrk-$1.txt"
}
echo "warm-up ${WARMUP}s through nginx" >&2
submit warmup "$WARMUP"
echo "submitting ${DURATION}s through nginx; instance A killed after ${KILL_AT}s" >&2
START="$(date +%s)"
submit run "$DURATION" &
WRK_PID=$!
sleep "$KILL_AT"
KILLED="$(date +%s)"
kill -KILL "$PID_A"
echo "killed instance A at +$((KILLED - START)) s" >&2
wait "$WRK_PID"

cat "$WORK"/acks-run.* | sort -n >"$WORK/answers.txt"
# Per second since the start: acknowledged, refused (anything but 201).
awk -v s="$START" '{ t = $1 - s; if ($2 == 201) ok[t]++; else bad[t]++; if (t > last) last = t }
    END { for (t = 0; t <= last; t++) printf "%d %d %d\n", t, ok[t] + 0, bad[t] + 0 }' "$WORK/answers.txt" >"$WORK/seconds.txt"
K=$((KILLED - START))
read -r TWO ONE CARRIED REFUSED <<<"$(awk -v k="$K" -v d="$DURATION" '
    { ok[$1] = $2; bad[$1] = $3; if ($1 > last) last = $1 }
    END {
        for (t = 1; t < k; t++) { two += ok[t]; n2++ }
        for (t = last - 10; t < last; t++) { one += ok[t]; n1++ }
        two /= n2; one /= n1
        carried = -1
        for (t = k; t <= last; t++) if (ok[t] >= 0.8 * one) { carried = t - k; break }
        for (t = 0; t <= last; t++) refused += bad[t]
        printf "%.0f %.0f %d %d", two, one, carried, refused }' "$WORK/seconds.txt")"
grep ' 201 ' "$WORK/answers.txt" | awk '{ print $3 }' | sort -u >"$WORK/acknowledged.txt"
ACKED="$(wc -l <"$WORK/acknowledged.txt")"
"${PSQL[@]}" -c "CREATE TABLE bench_acked (number text PRIMARY KEY)" >/dev/null
"${PSQL[@]}" -c "\\copy bench_acked FROM '$WORK/acknowledged.txt'" >/dev/null
MISSING="$("${PSQL[@]}" -c "SELECT count(*) FROM bench_acked a WHERE NOT EXISTS (SELECT 1 FROM app_cases c WHERE c.number = a.number)")"

echo
echo "### Two instances behind nginx, one killed under submissions (PostgreSQL 15), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET $(dotnet --version); instances A and B," \
    "nginx, PostgreSQL and wrk -t$THREADS -c$CONNECTIONS on the same machine; ${DURATION}s of walk-in submissions, A killed at +${K}s."
echo
echo "| second | acknowledged | refused |"
echo "| ---: | ---: | ---: |"
awk -v k="$K" '{ printf "| %s%d | %d | %d |\n", ($1 == k ? "**kill** " : ""), $1, $2, $3 }' "$WORK/seconds.txt"
echo
echo "| figure | value |"
echo "| --- | ---: |"
echo "| two instances, submissions/s (before the kill) | $TWO |"
echo "| one instance, submissions/s (the last 10 s) | $ONE |"
echo "| from the kill to a second at 80 % of one instance's rate (s) | $CARRIED |"
echo "| refused answers in the run (502 while nginx found A gone, …) | $REFUSED |"
echo "| acknowledged submissions / of them not in the database | $ACKED / $MISSING |"
verdict="$(awk -v c="$CARRIED" -v m="$MISSING" -v a="$ACKED" 'BEGIN {
    ok = 1; msg = ""
    if (c < 0 || c > 5) { ok = 0; msg = msg sprintf(" the other instance carried the load after %d s (needs <= 5 s);", c) }
    if (m != 0) { ok = 0; msg = msg sprintf(" %d acknowledged submissions missing;", m) }
    if (a == 0) { ok = 0; msg = msg " nothing was acknowledged;" }
    if (ok) printf "PASS: the other instance carried the load within %d s; all %d acknowledged submissions are in the database.", c, a
    else printf "FAIL:%s", msg }')"
echo "$verdict"
[[ "$verdict" == PASS* ]]
