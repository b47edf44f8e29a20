#!/usr/bin/env bash
# Historical license import benchmark (issue #17): N generated records (default 100,000; about 1 in 12 bad) imported
# with the data-quality report on SQLite, through `tongban import licenses`. Prints the run's seconds and licenses
# sealed per second (a lower bound on the signing rate during import: it includes reading, checks, registry look-ups
# and commits). Usage: bench/licenses/import-history.sh [N] [Debug|Release]
set -euo pipefail
N="${1:-100000}"
CONFIG="${2:-Release}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export Storage__DataDirectory="$(mktemp -d /tmp/tongban-licbench.XXXX)"
trap 'rm -rf "$Storage__DataDirectory"' EXIT
dotnet build "$ROOT/src/Tongban.Cli" -c "$CONFIG" -v q -nologo >/dev/null
CLI="$ROOT/src/Tongban.Cli/bin/$CONFIG/net10.0/tongban"
"$CLI" keys rotate-personal-data >/dev/null
/usr/bin/time -f "seed demo: %e s wall" "$CLI" seed demo | grep -E "license|registries"
"$CLI" generate licenses --count "$N" --seed 42 --out "$Storage__DataDirectory/history.csv" | tail -1
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$CLI" import licenses "$Storage__DataDirectory/history.csv" | tail -1
