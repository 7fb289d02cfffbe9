#!/usr/bin/env bash
# A local devnet on loopback: N validators (Alice, Bob, Charlie, Dave, Eve, Ferdie, One, Two; default 4) and one archive RPC node
# (--state-pruning archive --blocks-pruning archive). Ctrl-C (or SIGTERM) stops every node.
#
#   scripts/devnet.sh [N]
#
# The chain is chainspec/raw_spec_local.json (authorities Alice, Bob, Charlie, Dave: GRANDPA finalizes with 3 of them, so N >= 3;
# validators past the fourth run but author nothing). Environment:
#   DEVNET_CHAIN     chain spec path or built-in name (default chainspec/raw_spec_local.json; e.g. local-fast for 250 ms slots)
#   DEVNET_DIR       directory for base paths and logs (default: a new temporary directory; kept after exit)
#   DEVNET_P2P_PORT  first p2p port (default 30333; validator i listens on +i, the archive node on +N); 0 = ports the OS picks
#   DEVNET_RPC_PORT  RPC port of the archive node (default 9944; validator i gets +1+i); 0 = ports the OS picks
#   DEVNET_LOG       log directives for every node (e.g. info,grandpa=debug)
#   SUBTENSOR_NODE   the node binary (default artifacts/bin/subtensor-node, published first when missing)
# Once every node is up the script prints one line "devnet: ready archive-rpc=<port> ..." and then the node list; it exits (stopping
# the others) when a node dies.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

count=${1:-4}
names=(alice bob charlie dave eve ferdie one two)
if ! [[ "$count" =~ ^[0-9]+$ ]] || [ "$count" -lt 1 ] || [ "$count" -gt ${#names[@]} ]; then
  echo "usage: scripts/devnet.sh [N]   (1 <= N <= ${#names[@]} validators, default 4)" >&2
  exit 2
fi
if [ "$count" -lt 3 ]; then
  echo "devnet: warning: with $count of the 4 local authorities GRANDPA cannot finalize (3 are needed)" >&2
fi

bin=${SUBTENSOR_NODE:-$root/artifacts/bin/subtensor-node}
if [ ! -x "$bin" ]; then
  echo "devnet: $bin is missing; publishing it (scripts/setup.sh's publish step)"
  dotnet publish "$root/src/Subtensor.Node/Subtensor.Node.csproj" -c Release -o "$root/artifacts/bin" --nologo --verbosity quiet
  bin=$root/artifacts/bin/subtensor-node
fi

chain=${DEVNET_CHAIN:-$root/chainspec/raw_spec_local.json}
dir=${DEVNET_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/subtensor-devnet.XXXXXX")}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
p2p_base=${DEVNET_P2P_PORT:-30333}
rpc_base=${DEVNET_RPC_PORT:-9944}

pids=()
nodes=()
stopping=0

stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  trap '' INT TERM
  echo "devnet: stopping ${#pids[@]} nodes"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Up to 20 s for clean shutdowns (databases flushed), then SIGKILL.
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "devnet: stopped; base paths and logs kept in $dir"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# port <base> <offset>: base+offset, or 0 (the OS picks) when base is 0.
port() { if [ "$1" = 0 ]; then echo 0; else echo $(($1 + $2)); fi; }

# wait_log <log> <from line> <regex> <pid>: prints the first capture group of the first matching line after line <from>; fails when
# the node exits first or after 120 s.
wait_log() {
  local log=$1 from=$2 regex=$3 pid=$4
  for _ in $(seq 1 1200); do
    local hit
    hit=$(tail -n +"$((from + 1))" "$log" 2>/dev/null | sed -nE "s#.*$regex.*#\\1#p" | head -1 || true)
    if [ -n "$hit" ]; then echo "$hit"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "devnet: node exited before logging /$regex/; last lines of $log:" >&2
      tail -20 "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "devnet: timed out waiting for /$regex/ in $log" >&2
  return 1
}

# start <name> <index> <rpc port> <args...>: starts a node, waits for its RPC server and p2p listener, records "name rpc p2p-address".
start() {
  local name=$1 index=$2 rpc=$3
  shift 3
  local log=$dir/$name.log
  local args=(--chain "$chain" --base-path "$dir/$name" --name "$name"
    --node-key "$(printf '%064x' $((index + 1)))"
    --listen-addr "/ip4/127.0.0.1/tcp/$(port "$p2p_base" "$index")"
    --rpc-port "$rpc" --rpc-cors all --no-telemetry "$@")
  if [ -n "${DEVNET_LOG:-}" ]; then args+=(--log "$DEVNET_LOG"); fi
  touch "$log"
  local from
  from=$(wc -l <"$log")
  echo "==== $(date -u +%FT%TZ) subtensor-node ${args[*]}" >>"$log"
  # setsid-free: the node stays in this script's process group, so killing the group stops everything too.
  "$bin" "${args[@]}" >>"$log" 2>&1 </dev/null &
  local pid=$!
  pids+=("$pid")
  local rpc_port p2p
  rpc_port=$(wait_log "$log" "$from" 'Running JSON-RPC server: addr=127\.0\.0\.1:([0-9]+)' "$pid")
  p2p=$(wait_log "$log" "$from" 'libp2p: listening on (/ip4/127\.0\.0\.1/tcp/[0-9]+/p2p/[A-Za-z0-9]+)' "$pid")
  nodes+=("$name $rpc_port $p2p $pid")
  last_p2p=$p2p
  last_rpc=$rpc_port
}

echo "devnet: $count validators + 1 archive node; chain $chain"
echo "devnet: base paths and logs in $dir"

last_p2p=
last_rpc=
bootnode=
for i in $(seq 0 $((count - 1))); do
  name=${names[$i]}
  extra=("--$name")
  if [ -n "$bootnode" ]; then extra+=(--bootnodes "$bootnode"); fi
  start "$name" "$i" "$(port "$rpc_base" $((i + 1)))" "${extra[@]}"
  if [ -z "$bootnode" ]; then bootnode=$last_p2p; fi
done
start archive "$count" "$rpc_base" --bootnodes "$bootnode" --state-pruning archive --blocks-pruning archive
archive_rpc=$last_rpc

echo "devnet: ready archive-rpc=$archive_rpc dir=$dir"
printf '  %-8s %-10s %-6s %s\n' node rpc pid p2p
for entry in "${nodes[@]}"; do
  read -r n r a p <<<"$entry"
  printf '  %-8s %-10s %-6s %s\n' "$n" "$r" "$p" "$a"
done
echo "devnet: @polkadot/api: new WsProvider('ws://127.0.0.1:$archive_rpc'); logs: $dir/<node>.log; Ctrl-C stops the network"

# Run until interrupted; a node that dies ends the devnet.
while true; do
  for entry in "${nodes[@]}"; do
    read -r n _ _ p <<<"$entry"
    if ! kill -0 "$p" 2>/dev/null; then
      echo "devnet: $n (pid $p) exited; last lines of $dir/$n.log:" >&2
      tail -20 "$dir/$n.log" >&2
      exit 1
    fi
  done
  sleep 1 &
  wait $! || true
done
