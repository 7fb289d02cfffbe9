#!/usr/bin/env bash
# One-time (idempotent) setup: native libraries, npm packages for the conformance suite, and the published node.
# Usage: scripts/setup.sh [--no-publish]
set -euo pipefail
cd "$(dirname "$0")/.."

publish=1
[ "${1:-}" = "--no-publish" ] && publish=0

# Debian packages the node binds to (libsodium: crypto; rocksdb: storage; xxhash: twox; zstd: runtime blobs).
packages=(libsodium23 librocksdb7.8 libxxhash0 libzstd1)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v node >/dev/null || { echo "setup: Node.js (>= 20) is required for tests/conformance" >&2; exit 1; }

if [ -f tests/conformance/package-lock.json ]; then
  if [ ! -d tests/conformance/node_modules ] || [ tests/conformance/package-lock.json -nt tests/conformance/node_modules/.package-lock.json ]; then
    echo "setup: npm ci (tests/conformance)"
    (cd tests/conformance && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

echo "setup: dotnet restore"
dotnet restore Subtensor.sln --verbosity quiet

if [ "$publish" = 1 ]; then
  echo "setup: publishing subtensor-node to artifacts/bin"
  dotnet publish src/Subtensor.Node/Subtensor.Node.csproj -c Release -o artifacts/bin --nologo --verbosity quiet
fi
echo "setup: done"
