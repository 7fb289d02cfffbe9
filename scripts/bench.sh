#!/usr/bin/env bash
# Benchmarks (run by hand; figures go into the issue notes). Not part of scripts/test.sh.
#   scripts/bench.sh                 all BenchmarkDotNet suites (long)
#   scripts/bench.sh '*Hashing*'     a filter
#   scripts/bench.sh crypto          node vs @polkadot/util-crypto (WASM) ratios
#   scripts/bench.sh load [N] [M] [ms]  N transfers from M accounts against a dev node sealing every ms
#   scripts/bench.sh sync [B] [T]    full sync of B real blocks of T transfers between two in-process nodes (blocks/s)
#   scripts/bench.sh yamux [MiB] [S] Yamux over Noise over TCP between two of our hosts on loopback, S streams (MB/s)
#   scripts/bench.sh finality [B] [chain]  time to finality with 4 validators (scripts/devnet.sh 4; default chain local-fast)
#   scripts/bench.sh rpc [s] [C] [W]    state_getStorage for s seconds over C WebSockets with W requests in flight
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
case "${1:-all}" in
  crypto)
    (cd tests/conformance && node bench-crypto.mjs "${2:-2}") ;;
  load)
    (cd tests/conformance && node load-transfers.mjs "${2:-10000}" "${3:-100}" "${4:-6000}") ;;
  sync)
    dotnet run -c Release --project tests/Subtensor.Benchmarks -- node-sync "${2:-2000}" "${3:-0}" 3 ;;
  yamux)
    dotnet run -c Release --project tests/Subtensor.Network.InteropHost -- bench --mb "${2:-256}" --streams "${3:-1}" ;;
  finality)
    (cd tests/conformance && node bench-finality.mjs "${2:-100}" "${3:-local-fast}") ;;
  rpc)
    (cd tests/conformance && node load-rpc.mjs "${2:-10}" "${3:-8}" "${4:-64}") ;;
  all)
    dotnet run -c Release --project tests/Subtensor.Benchmarks -- --filter '*' ;;
  *)
    dotnet run -c Release --project tests/Subtensor.Benchmarks -- --filter "$1" ;;
esac
