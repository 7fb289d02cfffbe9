#!/usr/bin/env bash
# Maintainer helper after merges: keep our Subtensor.sln and add every project under src/ and tests/ it lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
for proj in $(find src tests -name '*.csproj' -not -path '*/node_modules/*' | sort); do
  grep -q "$(basename "$proj")" Subtensor.sln || dotnet sln Subtensor.sln add "$proj" >/dev/null
done
