#!/usr/bin/env bash
# The demo's first start: a fresh data directory, so the host applies every migration and loads the region pack
# (catalog.json through the provincial feed import, with its forms checked) before /health/ready answers.
# Runs alternate between the catalog.json of BENCH_BEFORE (a git revision) and the working tree's, so both see the
# same machine; prints each run and the medians. See docs/benchmarks.md.
#
#   bench/catalog/first-start.sh
#
# Settings (environment):
#   BENCH_BEFORE=main     the revision whose regions/tieling/catalog.json is the baseline
#   BENCH_RUNS=5          runs of each
#   BENCH_CONFIG=Release  the build configuration published
#   BENCH_KEEP=1          keep the temp dir (app, data directories, logs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

BEFORE="${BENCH_BEFORE:-main}"
RUNS="${BENCH_RUNS:-5}"
CONFIG="${BENCH_CONFIG:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in dotnet curl python3 git; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done

work="$(mktemp -d /tmp/tongban-first-start.XXXXXX)"
pid=""
cleanup() {
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    [[ "${BENCH_KEEP:-}" == 1 ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

echo "publishing Tongban.Web ($CONFIG) …" >&2
dotnet publish src/Tongban.Web -c "$CONFIG" -o "$work/app" -v q -nologo >&2
git show "$BEFORE:regions/tieling/catalog.json" > "$work/before.json"
cp regions/tieling/catalog.json "$work/after.json"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# One first start with the given catalog: seconds until /health/ready answers, and the CPU seconds the host used by
# then (user + system, from /proc): on a machine shared with other work the CPU time moves much less than the wall time.
first_start() {
    cp "$work/$1.json" "$work/app/regions/tieling/catalog.json"
    local data
    data="$(mktemp -d "$work/data-$1.XXXX")"
    local start end
    start="$(date +%s.%N)"
    ASPNETCORE_ENVIRONMENT=Development Storage__DataDirectory="$data" \
        dotnet "$work/app/Tongban.Web.dll" --urls "http://127.0.0.1:$port" > "$data/host.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { echo "ERROR: the host stopped; see $data/host.log" >&2; tail -20 "$data/host.log" >&2; exit 1; }
        sleep 0.1
    done
    end="$(date +%s.%N)"
    local ticks
    ticks="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    python3 -c "print(f'{$end - $start:.1f}/{$ticks / $(getconf CLK_TCK):.1f}')"
}

declare -a before after
for ((i = 1; i <= RUNS; i++)); do
    before+=("$(first_start before)")
    after+=("$(first_start after)")
    echo "run $i: before ${before[-1]}, after ${after[-1]} (wall s/CPU s; load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
done
# The median of field $1 (1 wall, 2 CPU) of the runs given.
median() { local f=$1; shift; printf '%s\n' "$@" | cut -d/ -f"$f" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo
echo "| catalog | runs | each run: wall s / host CPU s until /health/ready | median wall (s) | median CPU (s) |"
echo "| --- | --- | --- | --- | --- |"
echo "| $BEFORE | $RUNS | ${before[*]} | $(median 1 "${before[@]}") | $(median 2 "${before[@]}") |"
echo "| working tree | $RUNS | ${after[*]} | $(median 1 "${after[@]}") | $(median 2 "${after[@]}") |"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u '+%Y-%m-%d %H:%M UTC')"
