#!/usr/bin/env bash
# Adds a migration named $2 to module $1 (Kernel or a module name such as Organization) for both providers.
# Usage: scripts/add-migration.sh Organization AddStationItems
set -euo pipefail
cd "$(dirname "$0")/.."
module="$1"; name="$2"
if [ "$module" = "Kernel" ]; then project="src/Tongban.Kernel"; else project="src/Modules/Tongban.$module"; fi
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "$project" --startup-project src/Tongban.Web \
    --context "${module}${provider}Context" --output-dir "Data/Migrations/$provider" \
    --namespace "Tongban.$module.Data.Migrations.$provider"
  # With --namespace, dotnet-ef writes the model snapshot under a folder named after the namespace; move it home.
  stray="$project/Tongban/$module/Data/Migrations/$provider/${module}${provider}ContextModelSnapshot.cs"
  if [ -f "$stray" ]; then mv "$stray" "$project/Data/Migrations/$provider/"; rm -rf "$project/Tongban"; fi
done
