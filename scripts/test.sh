#!/usr/bin/env bash
# Runs setup, every .NET test project and the Node.js conformance suite; ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

# The shared test vectors live in ../shared beside the checkout. A clone made elsewhere (git clone . /tmp/x) finds them
# beside the repository it was cloned from; SUBTENSOR_VECTORS, when set, wins.
if [ -z "${SUBTENSOR_VECTORS:-}" ] && [ ! -d "$root/../shared/vectors" ]; then
  origin=$(git config --get remote.origin.url 2>/dev/null || true)
  if [ -n "$origin" ] && [ -d "$origin/../shared/vectors" ]; then
    export SUBTENSOR_VECTORS=$(cd "$origin/../shared/vectors" && pwd)
    echo "test: shared vectors from $SUBTENSOR_VECTORS (beside the origin repository)"
  fi
fi

passed=0
failed=0
logdir=$(mktemp -d)

echo "test: building (Release)"
if ! dotnet build Subtensor.sln -c Release --nologo --verbosity quiet >"$logdir/build.log" 2>&1; then
  cat "$logdir/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

for proj in tests/*.Tests/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "test: $name"
  dotnet test "$proj" -c Release --no-build --nologo --logger "console;verbosity=minimal" >"$logdir/$name.log" 2>&1
  rc=$?
  line=$(grep -E "(Passed|Failed)!" "$logdir/$name.log" | tail -1)
  p=$(echo "$line" | grep -oE "Passed: +[0-9]+" | grep -oE "[0-9]+" || true)
  f=$(echo "$line" | grep -oE "Failed: +[0-9]+" | grep -oE "[0-9]+" || true)
  p=${p:-0}; f=${f:-0}
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  [ "$f" != 0 ] && grep -E "^\s+Failed |Error Message|Assert" "$logdir/$name.log" | head -60
  echo "  $name: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
done

if [ -f tests/conformance/package.json ]; then
  echo "test: conformance (Node.js)"
  (cd tests/conformance && SUBTENSOR_NODE="$root/artifacts/bin/subtensor-node" node --test --test-reporter=tap --test-concurrency=1 test/) >"$logdir/conformance.log" 2>&1
  rc=$?
  p=$(grep -E "^# pass " "$logdir/conformance.log" | grep -oE "[0-9]+" | tail -1)
  f=$(grep -E "^# fail " "$logdir/conformance.log" | grep -oE "[0-9]+" | tail -1)
  p=${p:-0}; f=${f:-0}
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  [ "$f" != 0 ] && grep -B2 -A20 "^not ok" "$logdir/conformance.log" | head -80
  echo "  conformance: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
