// RPC load (run by hand: scripts/bench.sh rpc): state_getStorage(System.Account(Alice)) over C WebSocket connections,
// each keeping W requests in flight, against `subtensor-node --dev`. Every answer is checked against the first one;
// prints sustained requests/s and p50/p99 latency.
// Usage: node load-rpc.mjs [seconds=10] [connections=8] [window=64]
import { WebSocket } from '@polkadot/x-ws';
import { startNode } from './lib/node.mjs';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 8);
const window = Number(process.argv[4] ?? 64);
// twox128("System") ++ twox128("Account") ++ blake2_128concat(Alice)
const key = '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';

const node = await startNode(['--dev', '--tmp', '--sealing', 'manual', '--rpc-max-connections', String(connections + 8)]);
try {
  let expected = null;
  let done = 0;
  let wrong = 0;
  const latencies = [];
  let running = true;
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, () => new Promise((resolve, reject) => {
    const ws = new WebSocket(node.url);
    const sentAt = new Map();
    let id = 0;
    const send = () => {
      id += 1;
      sentAt.set(id, performance.now());
      ws.send(`{"jsonrpc":"2.0","id":${id},"method":"state_getStorage","params":["${key}"]}`);
    };
    ws.onerror = (e) => reject(e.error ?? new Error('websocket error'));
    ws.onopen = () => { for (let i = 0; i < window; i++) send(); };
    ws.onmessage = ({ data }) => {
      const msg = JSON.parse(data);
      latencies.push(performance.now() - sentAt.get(msg.id));
      sentAt.delete(msg.id);
      expected ??= msg.result;
      if (msg.result !== expected || !msg.result) wrong += 1;
      done += 1;
      if (running) send();
      else if (sentAt.size === 0) { ws.close(); resolve(); }
    };
  })).concat(new Promise((r) => setTimeout(() => { running = false; r(); }, seconds * 1000))));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2);
  console.log(`state_getStorage: ${done} answers in ${elapsed.toFixed(1)} s = ${Math.round(done / elapsed)} req/s over ${connections} connections x ${window} in flight; p50 ${q(0.5)} ms, p99 ${q(0.99)} ms; wrong answers: ${wrong}`);
  if (wrong > 0) process.exitCode = 1;
} finally {
  await node.stop();
}
