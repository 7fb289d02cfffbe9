// Time to finality with four validators: starts scripts/devnet.sh 4 (default chain local-fast, 250 ms slots; argument 2 picks another,
// e.g. chainspec/raw_spec_local.json for 12 s slots), subscribes to new and finalized heads on every node with @polkadot/api and, for
// each block finalized after the network is connected, measures on each node
//   slot -> final:   the moment the node announced the block finalized minus the start of the block's Aura slot (slot x duration),
//   import -> final: the same moment minus when the node announced the block as a new head.
// Prints median / p95 / max per node and overall, in ms and in slots.
//   node bench-finality.mjs [blocks=100] [chain=local-fast]      (scripts/bench.sh finality [blocks] [chain])
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { nodeBinary } from './lib/node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const blocks = Number(process.argv[2] ?? 100);
const chain = process.argv[3] ?? 'local-fast';
const dir = mkdtempSync(path.join(tmpdir(), 'subtensor-bench-finality-'));

const script = spawn('bash', [path.join(root, 'scripts/devnet.sh'), '4'], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, SUBTENSOR_NODE: nodeBinary, DEVNET_DIR: dir, DEVNET_CHAIN: chain, DEVNET_P2P_PORT: '0', DEVNET_RPC_PORT: '0' },
});
let output = '';
script.stdout.setEncoding('utf8').on('data', (c) => { output += c; });
script.stderr.setEncoding('utf8').on('data', (c) => { output += c; });
const exited = new Promise((resolve) => script.on('exit', resolve));

function stop() {
  try { process.kill(-script.pid, 'SIGTERM'); } catch { /* gone */ }
}
process.on('SIGINT', () => { stop(); process.exit(130); });

async function main() {
  const readyDeadline = Date.now() + 180_000;
  while (!/devnet: ready[\s\S]*Ctrl-C stops the network/.test(output)) {
    if (script.exitCode !== null) throw new Error(`devnet.sh exited:\n${output}`);
    if (Date.now() > readyDeadline) throw new Error(`devnet not ready in 180 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const nodes = [];
  for (const line of output.split('\n')) {
    const m = line.match(/^\s+(\w+)\s+(\d+)\s+(\d+)\s+\/ip4\//);
    if (m) nodes.push({ name: m[1], rpc: Number(m[2]) });
  }
  for (const node of nodes) {
    node.api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${node.rpc}`, 1000), noInitWarn: true, throwOnConnect: true });
  }
  const api = nodes[0].api;
  const raw = (await api.rpc.state.call('AuraApi_slot_duration', '0x')).toU8a(true); // u64 LE
  const slotMs = Number(new DataView(raw.buffer, raw.byteOffset).getBigUint64(0, true));
  console.log(`chain ${chain}: slot ${slotMs} ms; nodes ${nodes.map((n) => n.name).join(', ')}; logs in ${dir}`);

  // Wait until every node has its four peers, then measure blocks finalized from the next one on.
  const connectDeadline = Date.now() + 120_000;
  for (;;) {
    const peers = await Promise.all(nodes.map(async (n) => (await n.api.rpc.system.health()).peers.toNumber()));
    if (peers.every((p) => p >= nodes.length - 1)) break;
    if (Date.now() > connectDeadline) throw new Error(`peers ${peers} after 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const start = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
  const end = start + blocks - 1;
  console.log(`measuring blocks #${start}..#${end}`);

  const slotStart = new Map(); // hash -> ms
  const slotOf = async (hash) => {
    if (!slotStart.has(hash)) {
      const header = await api.rpc.chain.getHeader(hash);
      const pre = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura').asPreRuntime[1].toU8a(true);
      slotStart.set(hash, Number(new DataView(pre.buffer, pre.byteOffset).getBigUint64(0, true)) * slotMs);
    }
    return slotStart.get(hash);
  };

  const results = await Promise.all(nodes.map((node) => new Promise((resolve, reject) => {
    const imported = new Map(); // hash -> ms
    const samples = [];
    let last = start - 1;
    let busy = Promise.resolve();
    const timer = setTimeout(() => reject(new Error(`${node.name}: only finalized up to #${last} in time`)), blocks * slotMs * 4 + 120_000);
    node.api.rpc.chain.subscribeNewHeads((header) => { imported.set(header.hash.toHex(), Date.now()); });
    node.api.rpc.chain.subscribeFinalizedHeads((header) => {
      const at = Date.now();
      const number = header.number.toNumber();
      busy = busy.then(async () => {
        for (let n = last + 1; n <= Math.min(number, end); n++) {
          const hash = (await node.api.rpc.chain.getBlockHash(n)).toHex();
          samples.push({ n, slotToFinal: at - (await slotOf(hash)), importToFinal: imported.has(hash) ? at - imported.get(hash) : null });
        }
        last = Math.max(last, number);
        if (last >= end) { clearTimeout(timer); resolve({ node: node.name, samples }); }
      }).catch(reject);
    });
  })));

  const stats = (values) => {
    const v = values.filter((x) => x !== null).sort((a, b) => a - b);
    const at = (q) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
    return { n: v.length, median: at(0.5), p95: at(0.95), max: v[v.length - 1] };
  };
  const fmt = (s) => `median ${s.median} ms (${(s.median / slotMs).toFixed(2)} slots), p95 ${s.p95} ms (${(s.p95 / slotMs).toFixed(2)} slots), max ${s.max} ms (${(s.max / slotMs).toFixed(2)} slots), n=${s.n}`;
  for (const r of results) {
    console.log(`${r.node.padEnd(8)} slot->final   ${fmt(stats(r.samples.map((s) => s.slotToFinal)))}`);
    console.log(`${''.padEnd(8)} import->final ${fmt(stats(r.samples.map((s) => s.importToFinal)))}`);
  }
  const all = results.flatMap((r) => r.samples);
  console.log(`all      slot->final   ${fmt(stats(all.map((s) => s.slotToFinal)))}`);
  console.log(`all      import->final ${fmt(stats(all.map((s) => s.importToFinal)))}`);
  const within2 = all.filter((s) => s.slotToFinal <= 2 * slotMs).length;
  console.log(`finalized within 2 slots of the block's slot start: ${within2}/${all.length} (${(100 * within2 / all.length).toFixed(1)}%)`);
  for (const node of nodes) await node.api.disconnect();
}

try {
  await main();
  stop();
  await exited;
  rmSync(dir, { recursive: true, force: true });
} catch (e) {
  console.error(e.message);
  stop();
  await exited;
  console.error(`logs kept in ${dir}`);
  process.exitCode = 1;
}
