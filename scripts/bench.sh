#!/usr/bin/env bash
# Benchmarks (run by hand; figures go into the issue notes). Not part of scripts/test.sh.
#   scripts/bench.sh                 all BenchmarkDotNet suites (long)
#   scripts/bench.sh '*Hashing*'     a filter
#   scripts/bench.sh crypto          node vs @polkadot/util-crypto (WASM) ratios
#   scripts/bench.sh load [N] [M] [ms]  N transfers from M accounts against a dev node sealing every ms
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
case "${1:-all}" in
  crypto)
    (cd tests/conformance && node bench-crypto.mjs "${2:-2}") ;;
  load)
    (cd tests/conformance && node load-transfers.mjs "${2:-10000}" "${3:-100}" "${4:-6000}") ;;
  all)
    dotnet run -c Release --project tests/Subtensor.Benchmarks -- --filter '*' ;;
  *)
    dotnet run -c Release --project tests/Subtensor.Benchmarks -- --filter "$1" ;;
esac
