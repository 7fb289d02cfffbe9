// scripts/devnet.sh 4 (four validators Alice..Dave and an archive RPC node on the local chain, 12 s slots) driven by @polkadot/api
// through the archive node: finality advances and agrees on every node, a transferKeepAlive from Alice to a fresh account is finalized
// and its balance reads the same on a validator, and SIGINT to the script (Ctrl-C) stops every node.
// Ports are chosen by the OS (DEVNET_P2P_PORT=0, DEVNET_RPC_PORT=0) so the test does not collide with a devnet already running;
// DEVNET_CHAIN (e.g. local-fast) is passed through.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { nodeBinary } from '../lib/node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
const TIMEOUT_MS = 170_000; // the whole file: start-up, finality, a finalized transfer, shutdown
const startedAt = Date.now();
const remaining = () => Math.max(1_000, TIMEOUT_MS - (Date.now() - startedAt));

let script;
let scriptExit;
let output = '';
let dir;
let archive; // { rpc }
const nodes = new Map(); // name -> { rpc, pid }
let api;

function log(message) {
  console.log(`# ${((Date.now() - startedAt) / 1000).toFixed(1)}s ${message}`);
}

/** Resolves once the script's output matches `pattern` (rejects when it exits first or at the deadline). */
function waitForOutput(pattern, ms) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = output.match(pattern);
      if (m) { cleanup(); resolve(m); }
    };
    const onExit = (code) => { cleanup(); reject(new Error(`devnet.sh exited (${code}) before /${pattern.source}/:\n${output}`)); };
    const timer = setTimeout(() => { cleanup(); reject(new Error(`no /${pattern.source}/ within ${ms} ms:\n${output}`)); }, ms);
    const cleanup = () => { clearTimeout(timer); script.stdout.off('data', check); script.off('exit', onExit); };
    script.stdout.on('data', check);
    script.on('exit', onExit);
    check();
  });
}

async function rpc(port, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method} on ${port}: ${JSON.stringify(body.error)}`);
  return body.result;
}

async function finalized(port) {
  const hash = await rpc(port, 'chain_getFinalizedHead');
  const header = await rpc(port, 'chain_getHeader', [hash]);
  return { number: parseInt(header.number, 16), hash };
}

async function until(what, ms, condition) {
  const deadline = Date.now() + Math.min(ms, remaining());
  let last;
  while (Date.now() < deadline) {
    try {
      if (await condition()) { log(`ok: ${what}`); return; }
    } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}\n${output}`);
}

/** Resolves with null after `ms` without keeping the process alive (for races against exits). */
const timeout = (ms) => new Promise((r) => setTimeout(() => r(null), ms).unref());

const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

before(async () => {
  await cryptoWaitReady();
  dir = mkdtempSync(path.join(tmpdir(), 'subtensor-devnet-test-'));
  script = spawn('bash', [path.join(root, 'scripts/devnet.sh'), '4'], {
    cwd: root,
    detached: true, // its own process group: the script and every node it starts
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SUBTENSOR_NODE: nodeBinary, DEVNET_DIR: dir, DEVNET_P2P_PORT: '0', DEVNET_RPC_PORT: '0' },
  });
  scriptExit = new Promise((resolve) => script.on('exit', (code, signal) => resolve({ code, signal })));
  script.stdout.setEncoding('utf8');
  script.stderr.setEncoding('utf8');
  script.stdout.on('data', (chunk) => { output += chunk; });
  script.stderr.on('data', (chunk) => { output += chunk; });

  // The node table follows the ready line; the line after it ends the listing.
  const ready = await waitForOutput(/devnet: ready archive-rpc=(\d+)[\s\S]*Ctrl-C stops the network/, 120_000);
  archive = { rpc: Number(ready[1]) };
  for (const line of output.split('\n')) {
    const m = line.match(/^\s+(\w+)\s+(\d+)\s+(\d+)\s+(\/ip4\/\S+)$/);
    if (m) nodes.set(m[1], { rpc: Number(m[2]), pid: Number(m[3]), p2p: m[4] });
  }
  log(`devnet up: ${[...nodes].map(([n, v]) => `${n} rpc ${v.rpc}`).join(', ')}; logs in ${dir}`);
  api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${archive.rpc}`, 1000), noInitWarn: true, throwOnConnect: true });
}, { timeout: 150_000 });

after(async () => {
  await api?.disconnect().catch(() => {});
  if (script && script.exitCode === null && script.signalCode === null) {
    try { process.kill(-script.pid, 'SIGTERM'); } catch { /* gone */ }
    const done = await Promise.race([scriptExit, timeout(30_000)]);
    if (done === null) { try { process.kill(-script.pid, 'SIGKILL'); } catch { /* gone */ } }
  }
  for (const { pid } of nodes.values()) { if (alive(pid)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } } }
  rmSync(dir, { recursive: true, force: true });
  log('devnet stopped and removed');
}, { timeout: 60_000 });

test('the script starts four validators and an archive node, all connected to each other', { timeout: 120_000 }, () => {
  assert.deepEqual([...nodes.keys()], [...VALIDATORS, 'archive'], output);
  assert.equal(nodes.get('archive').rpc, archive.rpc);
  const peerIds = new Set([...nodes.values()].map((n) => n.p2p.split('/').pop()));
  assert.equal(peerIds.size, 5, 'every node has its own peer id');
});

test('@polkadot/api through the archive node sees the local chain, and finality advances on every node', { timeout: 120_000 }, async () => {
  assert.equal((await api.rpc.system.chain()).toString(), 'Bittensor');
  assert.equal(api.runtimeVersion.specName.toString(), 'node-subtensor');
  const roles = (await api.rpc.system.nodeRoles()).map((r) => r.toString());
  assert.deepEqual(roles, ['Full']);
  const validatorGenesis = await rpc(nodes.get('bob').rpc, 'chain_getBlockHash', [0]);
  assert.equal(api.genesisHash.toHex(), validatorGenesis);

  const first = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  await until(`finalized head passes #${first + 1} on the archive node`, 90_000, async () => {
    const f = await finalized(archive.rpc);
    return f.number >= Math.max(2, first + 2);
  });
  await until('every node has four peers', 30_000, async () => {
    const health = await Promise.all([...nodes.values()].map((n) => rpc(n.rpc, 'system_health')));
    return health.every((h) => h.peers >= 4 && !h.isSyncing);
  });

  // Every node finalized the same block at the archive node's finalized height (within a slot or two).
  const target = await finalized(archive.rpc);
  await until(`every validator finalized #${target.number}`, 40_000, async () => {
    const all = await Promise.all(VALIDATORS.map((n) => finalized(nodes.get(n).rpc)));
    return all.every((f) => f.number >= target.number);
  });
  for (const name of VALIDATORS) {
    assert.equal(await rpc(nodes.get(name).rpc, 'chain_getBlockHash', [target.number]), target.hash, `${name} finalized another #${target.number}`);
  }

  // Blocks come from more than one authority (Aura in turn): the authors of the finalized chain's blocks.
  const authors = new Set();
  for (let n = 1; n <= target.number; n++) {
    const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
    const slot = header.digest.logs[0].asPreRuntime[1].toU8a(true); // the bare u64, no length prefix
    authors.add(new DataView(slot.buffer, slot.byteOffset).getBigUint64(0, true) % 4n);
  }
  assert.ok(authors.size >= Math.min(2, target.number), `authors of #1..#${target.number}: ${[...authors]}`);
});

test('a transferKeepAlive from Alice to a fresh account is finalized, and a validator reads the new balance', { timeout: 120_000 }, async () => {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const fresh = keyring.addFromMnemonic(mnemonicGenerate());
  const amount = 1_234_567_890n;
  assert.equal((await api.query.system.account(fresh.address)).data.free.toBigInt(), 0n);

  const { blockHash, events } = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('transfer not finalized in time')), Math.min(100_000, remaining()));
    api.tx.balances.transferKeepAlive(fresh.address, amount).signAndSend(alice, ({ status, events: evs, dispatchError }) => {
      if (dispatchError) { clearTimeout(timer); reject(new Error(`dispatch error ${dispatchError.toString()}`)); }
      if (status.isInBlock) log(`transfer in block ${status.asInBlock.toHex()}`);
      if (status.isFinalized) { clearTimeout(timer); resolve({ blockHash: status.asFinalized.toHex(), events: evs }); }
      if (status.isInvalid || status.isDropped || status.isUsurped) { clearTimeout(timer); reject(new Error(`transaction ${status.type}`)); }
    }).catch((e) => { clearTimeout(timer); reject(e); });
  });
  log(`transfer finalized in ${blockHash}`);
  assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)), 'ExtrinsicSuccess');
  assert.ok(events.some(({ event }) => api.events.balances.Transfer.is(event) && event.data[1].toString() === fresh.address
    && event.data[2].toBigInt() === amount), 'Balances.Transfer to the fresh account');

  // The archive node and a validator (Charlie, over its own RPC) hold the balance at the finalized block and at their best.
  assert.equal((await api.query.system.account.at(blockHash, fresh.address)).data.free.toBigInt(), amount);
  const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  const charlie = nodes.get('charlie').rpc;
  await until(`charlie finalized #${number}`, 40_000, async () => (await finalized(charlie)).number >= number);
  assert.equal(await rpc(charlie, 'chain_getBlockHash', [number]), blockHash);
  const validatorApi = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${charlie}`, 1000), noInitWarn: true, throwOnConnect: true });
  try {
    assert.equal((await validatorApi.query.system.account.at(blockHash, fresh.address)).data.free.toBigInt(), amount);
    assert.equal((await validatorApi.query.system.account(fresh.address)).data.free.toBigInt(), amount);
  } finally {
    await validatorApi.disconnect();
  }
});

test('SIGINT to the script (Ctrl-C) stops every node', { timeout: 120_000 }, async () => {
  await api.disconnect();
  api = undefined;
  const pids = [...nodes.values()].map((n) => n.pid);
  assert.ok(pids.every(alive), 'all nodes run before the interrupt');
  process.kill(script.pid, 'SIGINT');
  const exit = await Promise.race([scriptExit, timeout(40_000)]);
  assert.notEqual(exit, null, `devnet.sh did not exit within 40 s of SIGINT:\n${output}`);
  assert.match(output, /devnet: stopped/);
  assert.deepEqual(pids.filter(alive), [], 'no node outlives the script');
});
