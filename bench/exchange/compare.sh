#!/usr/bin/env bash
# The exchange look-up rate of this checkout beside a baseline commit, in one run, back to back: the baseline is
# checked out into a temporary git worktree and both are measured by this checkout's exchange-load.sh (same people,
# same keys, same load), alternating, BENCH_ROUNDS times. Prints each run's figures and the ratio of the medians.
#
#   bench/exchange/compare.sh [BASELINE]        # default e67ca6c: main before the registries' ID numbers were sealed
#
# Settings: those of exchange-load.sh (BENCH_PEOPLE, BENCH_DURATION, BENCH_WARMUP, BENCH_DATABASE, …), and
#   BENCH_ROUNDS=2           baseline and this checkout, alternating, this many times each
#   BENCH_TOLERANCE=10       the largest slowdown (%) of this checkout's median full-speed rate that passes
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"
BASELINE="${1:-e67ca6c}"
ROUNDS="${BENCH_ROUNDS:-2}"
TOLERANCE="${BENCH_TOLERANCE:-10}"

TREE="$(mktemp -d "${TMPDIR:-/tmp}/tongban-baseline.XXXXXX")"
cleanup() { git -C "$REPO_ROOT" worktree remove --force "$TREE" >/dev/null 2>&1 || rm -rf "$TREE"; }
trap cleanup EXIT
git worktree add --detach "$TREE" "$BASELINE" >&2

measure() { # label source
    local out
    out="$(BENCH_SOURCE="$2" bash "$REPO_ROOT/bench/exchange/exchange-load.sh" || true)"
    local result
    result="$(grep '^RESULT ' <<<"$out" | tail -1)"
    [ -n "$result" ] || { echo "ERROR: no result from the $1 run" >&2; echo "$out" >&2; exit 1; }
    echo "$1 ${result#RESULT }"
}

results=()
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round: baseline $BASELINE" >&2
    results+=("$(measure baseline "$TREE")")
    echo "round $round: this checkout ($(git rev-parse --short HEAD))" >&2
    results+=("$(measure current "$REPO_ROOT")")
done

echo
echo "### Exchange look-ups: $BASELINE beside $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); database ${BENCH_DATABASE:-sqlite}; ${BENCH_PEOPLE:-200000} people;" \
    "${BENCH_DURATION:-15}s full-speed runs after a ${BENCH_WARMUP:-30}s warm-up; alternating, $ROUNDS rounds."
echo
echo "| build | full speed req/s | server CPU ms each | p50 ms | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${results[@]}" | awk '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }'
echo
printf '%s\n' "${results[@]}" | awk -v tol="$TOLERANCE" '
    function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    $1 == "baseline" { b[++nb] = $2; bc[nb] = $3 } $1 == "current" { c[++nc] = $2; cc[nc] = $3 }
    END {
        mb = median(b, nb); mc = median(c, nc); cpub = median(bc, nb); cpuc = median(cc, nc)
        change = (mc - mb) * 100 / mb
        printf "Median full-speed rate: baseline %.0f/s, this checkout %.0f/s (%+.1f %%); server CPU per request %.3f ms vs %.3f ms (%+.1f %%).\n", mb, mc, change, cpub, cpuc, (cpuc - cpub) * 100 / cpub
        if (change >= -tol) printf "PASS: within %d %% of the baseline.\n", tol; else { printf "FAIL: more than %d %% slower than the baseline.\n", tol; exit 1 } }'
