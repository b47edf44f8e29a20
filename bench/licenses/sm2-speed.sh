#!/usr/bin/env bash
# SM2 verification in process (the license seals' code: BouncyCastle through SealCrypto) against `openssl speed sm2`
# on the same machine in the same run: ROUNDS rounds, each OpenSSL then .NET back to back for SECONDS each, one
# thread each; the medians and their ratio. The issue asks for >= 70 %. See bench/licenses/verification.md.
#
#   bench/licenses/sm2-speed.sh            # BENCH_ROUNDS=3 BENCH_SECONDS=10
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROUNDS="${BENCH_ROUNDS:-3}"
SECONDS_EACH="${BENCH_SECONDS:-10}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
OUT="$(mktemp -d "${TMPDIR:-/tmp}/tongban-sm2.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT

echo "building" >&2
dotnet build bench/licenses/Tongban.Bench.Sm2 -c Release -o "$OUT/bin" --nologo >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; exit 1; }
openssl_rates=() dotnet_rates=()
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round of $ROUNDS" >&2
    # the last line: " 256 bits SM2 (CurveSM2)   0.0003s   0.0003s   3364.3   3756.1" (sign/s, verify/s last)
    openssl_rates+=("$(openssl speed -seconds "$SECONDS_EACH" sm2 2>/dev/null | awk '/SM2/ && /bits/ { v = $NF } END { print v }')")
    dotnet_rates+=("$(dotnet "$OUT/bin/Tongban.Bench.Sm2.dll" "$SECONDS_EACH" | awk '{ print $(NF - 1) }')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
o="$(median "${openssl_rates[@]}")"; d="$(median "${dotnet_rates[@]}")"

echo
echo "### SM2 verification: Tongban (BouncyCastle) against openssl speed sm2, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); .NET $(dotnet --version); $(openssl version | cut -d' ' -f1-2); $ROUNDS rounds of ${SECONDS_EACH}s each, one thread, alternating."
echo
echo "| | verifies/s (median) | rounds |"
echo "| --- | ---: | --- |"
echo "| openssl speed sm2 | $o | ${openssl_rates[*]} |"
echo "| Tongban SealCrypto (SM2, SM3, user ID 1234567812345678) | $d | ${dotnet_rates[*]} |"
echo
awk -v o="$o" -v d="$d" 'BEGIN { r = 100 * d / o; printf "%s: %.0f %% of OpenSSL (needs >= 70 %%)\n", (r >= 70 ? "PASS" : "FAIL"), r; exit (r >= 70 ? 0 : 1) }'
