// Conformance of our committed chain specs (chainspec/raw_spec_{dev,local,testnet}.json) with smoldot and V8.
//
// Our runtime is native, but its `:code` declares AuraApi and GrandpaApi, so smoldot executes AuraApi_authorities,
// AuraApi_slot_duration and GrandpaApi_grandpa_authorities in it to build the genesis chain information. For every
// spec: smoldot accepts the chain, its genesis hash equals `subtensor-node export-genesis-head`, and the consensus
// configuration it read from our WASM (its finalized-database export) lists the authorities of the plain spec and
// Subtensor's 12 s slot. V8 (WebAssembly in Node) independently validates the module and runs each entry point
// against the spec's storage, with storage keys computed here (twox128(pallet) ‖ twox128(item)). Two variants of the
// dev spec cover the other paths of the WASM: authority lists absent from storage (empty results) and 600 Aura
// authorities (a value of 19 201 bytes, which the host prefixes with a 4-byte compact length).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as smoldot from 'smoldot';
import { cryptoWaitReady, decodeAddress, xxhashAsU8a } from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a, u8aConcat, compactToU8a, bnToU8a, stringToU8a } from '@polkadot/util';

const here = dirname(fileURLToPath(import.meta.url));
const NODE = process.env.SUBTENSOR_NODE ?? resolve(here, '../../../artifacts/bin/subtensor-node');
const CHAINSPEC = resolve(here, '../../../chainspec');
const run = promisify(execFile);

const SLOT_DURATION_MS = 12_000n; // Subtensor: 2 × pallet_timestamp MinimumPeriod (6 s)
const storageKey = (pallet, item) => u8aToHex(u8aConcat(xxhashAsU8a(stringToU8a(pallet), 128), xxhashAsU8a(stringToU8a(item), 128)));
const KEYS = {
  auraAuthorities: storageKey('Aura', 'Authorities'),
  grandpaAuthorities: storageKey('Grandpa', 'Authorities'),
  grandpaSetId: storageKey('Grandpa', 'CurrentSetId'),
};
const u64 = (n) => bnToU8a(n, { bitLength: 64, isLe: true });

let client;
let dir;
const views = new Map(); // spec name -> promise of smoldot's view, all started at once

// smoldot answers chainHead_unstable_finalizedDatabase only after its sync service decides on a mode, a fixed 30 s
// wait on a chain without peers: every spec is added up front so that the waits overlap.
function cases() {
  const read = (chain) => JSON.parse(readFileSync(join(CHAINSPEC, `raw_spec_${chain}.json`), 'utf8'));
  const list = ['dev', 'local', 'testnet'].map((chain) => ({ name: chain, spec: read(chain), expected: expectedFromPlain(chain) }));

  const bare = read('dev');
  delete bare.genesis.raw.top[KEYS.auraAuthorities];
  delete bare.genesis.raw.top[KEYS.grandpaAuthorities];
  delete bare.genesis.raw.top[KEYS.grandpaSetId];
  bare.id = 'bare';
  list.push({ name: 'bare', spec: bare, expected: { aura: [], grandpa: [] } });

  const many = read('dev');
  const aura = Array.from({ length: 600 }, (_, i) => u8aToHex(xxhashAsU8a(stringToU8a(`authority ${i}`), 256)));
  const grandpa = [{ key: u8aToHex(xxhashAsU8a(stringToU8a('voter'), 256)), weight: 7n }];
  many.genesis.raw.top[KEYS.auraAuthorities] = auraVec(aura);
  many.genesis.raw.top[KEYS.grandpaAuthorities] = grandpaVec(grandpa);
  many.id = 'many';
  list.push({ name: 'many', spec: many, expected: { aura, grandpa } });
  return new Map(list.map((c) => [c.name, c]));
}

let CASES;

before(async () => {
  await cryptoWaitReady();
  CASES = cases();
  client = smoldot.start({ maxLogLevel: 1, cpuRateLimit: 1 });
  dir = mkdtempSync(join(tmpdir(), 'genesis-chainspecs-'));
  for (const [name, c] of CASES) {
    const view = smoldotView(c.spec);
    view.catch(() => {}); // awaited by the test of this case
    views.set(name, view);
  }
});

after(async () => {
  await Promise.allSettled(views.values());
  await client?.terminate();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function ourGenesis(spec, name) {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(spec));
  const { stdout } = await run(NODE, ['export-genesis-head', '--chain', path, '--json'], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

// smoldot's genesis hash and the chain information it built (chainHead_unstable_finalizedDatabase, smoldot's own
// method: lib/src/database/finalized_serialize).
async function smoldotView(spec) {
  const chain = await client.addChain({ chainSpec: JSON.stringify(spec) });
  try {
    const call = async (id, method) => {
      chain.sendJsonRpc(JSON.stringify({ jsonrpc: '2.0', id, method, params: [] }));
      const response = JSON.parse(await chain.nextJsonRpcResponse());
      assert.ok('result' in response, `smoldot ${method}: ${JSON.stringify(response.error)}`);
      return response.result;
    };
    const genesisHash = await call(1, 'chainSpec_v1_genesisHash');
    const database = JSON.parse(await call(2, 'chainHead_unstable_finalizedDatabase'));
    return { genesisHash, chain: database.chain };
  } finally {
    chain.remove();
  }
}

// Runs every exported entry point of `code` in V8 against `top` (hex key -> hex value), as a Substrate host does.
async function runInV8(code) {
  assert.ok(WebAssembly.validate(code), 'V8 rejects the module');
  const module = await WebAssembly.compile(code);
  return {
    imports: WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}:${i.kind}`),
    exports: WebAssembly.Module.exports(module).map((e) => `${e.name}:${e.kind}`),
    async call(top, name) {
      const memory = new WebAssembly.Memory({ initial: 1 + 16 });
      const bytes = () => new Uint8Array(memory.buffer);
      let next;
      const host = {
        ext_storage_get_version_1(keyPtrSize) {
          const ptr = Number(keyPtrSize & 0xffffffffn);
          const len = Number(keyPtrSize >> 32n);
          const value = top[u8aToHex(bytes().slice(ptr, ptr + len))];
          const answer = value === undefined ? Uint8Array.of(0) : u8aConcat([1], compactToU8a(hexToU8a(value).length), hexToU8a(value));
          const at = next;
          next += answer.length;
          bytes().set(answer, at);
          return (BigInt(answer.length) << 32n) | BigInt(at);
        },
      };
      const instance = await WebAssembly.instantiate(module, { env: { memory, ...host } });
      next = instance.exports.__heap_base.value;
      const result = instance.exports[name](next, 0);
      const ptr = Number(result & 0xffffffffn);
      return u8aToHex(bytes().slice(ptr, ptr + Number(result >> 32n)));
    },
  };
}

// What the plain spec says: Vec<sr25519 public> and Vec<(ed25519 public, u64 weight)>.
function expectedFromPlain(chain) {
  const plain = JSON.parse(readFileSync(join(CHAINSPEC, `plain_spec_${chain}.json`), 'utf8'));
  const patch = plain.genesis.runtimeGenesis.patch;
  return {
    aura: patch.aura.authorities.map((a) => u8aToHex(decodeAddress(a))),
    grandpa: patch.grandpa.authorities.map(([a, w]) => ({ key: u8aToHex(decodeAddress(a)), weight: BigInt(w) })),
  };
}

const hexNo0x = (h) => h.replace(/^0x/, '');
const auraVec = (keys) => u8aToHex(u8aConcat(compactToU8a(keys.length), ...keys.map((k) => hexToU8a(k))));
const grandpaVec = (list) => u8aToHex(u8aConcat(compactToU8a(list.length), ...list.flatMap(({ key, weight }) => [hexToU8a(key), u64(weight)])));

async function checkSpec(name) {
  const { spec, expected } = CASES.get(name);
  const [ours, theirs] = await Promise.all([ourGenesis(spec, name), views.get(name)]);
  assert.equal(ours.hash, theirs.genesisHash, 'export-genesis-head differs from smoldot chainSpec_v1_genesisHash');
  assert.equal(ours.number, 0);

  // smoldot's view of the consensus, read by running our WASM
  const chain = theirs.chain;
  assert.equal(BigInt(chain.aura_slot_duration), SLOT_DURATION_MS);
  assert.deepEqual((chain.aura_finalized_authorities ?? []).map((a) => a.public_key), expected.aura.map(hexNo0x));
  assert.equal(chain.grandpa_after_finalized_block_authorities_set_id, 0);
  assert.deepEqual((chain.grandpa_finalized_triggered_authorities ?? []).map((a) => [a.public_key, BigInt(a.weight)]),
    expected.grandpa.map(({ key, weight }) => [hexNo0x(key), weight]));

  // V8 runs the same entry points on the same storage
  const top = spec.genesis.raw.top;
  const v8 = await runInV8(hexToU8a(top['0x3a636f6465']));
  assert.deepEqual(v8.imports, ['env.memory:memory', 'env.ext_storage_get_version_1:function']);
  assert.deepEqual(v8.exports, ['__heap_base:global', 'AuraApi_authorities:function', 'AuraApi_slot_duration:function',
    'GrandpaApi_grandpa_authorities:function', 'GrandpaApi_current_set_id:function']);
  assert.equal(await v8.call(top, 'AuraApi_authorities'), auraVec(expected.aura));
  assert.equal(await v8.call(top, 'AuraApi_slot_duration'), u8aToHex(u64(SLOT_DURATION_MS)));
  assert.equal(await v8.call(top, 'GrandpaApi_grandpa_authorities'), grandpaVec(expected.grandpa));
  assert.equal(await v8.call(top, 'GrandpaApi_current_set_id'), u8aToHex(u64(0)));
  return ours.hash;
}

for (const chain of ['dev', 'local', 'testnet']) {
  test(`chainspec/raw_spec_${chain}.json: smoldot accepts it, agrees on the genesis hash and reads the authorities from our :code`, { timeout: 120_000 }, async () => {
    const { spec, expected } = CASES.get(chain);
    assert.ok(expected.aura.length > 0 && expected.grandpa.length === expected.aura.length);
    assert.equal(spec.genesis.raw.top[KEYS.auraAuthorities], auraVec(expected.aura), 'raw spec stores the plain spec authorities');
    const hash = await checkSpec(chain);
    console.log(`${chain}: genesis ${hash}, ${expected.aura.length} authorities`);
  });
}

test('absent authority lists read as empty', { timeout: 120_000 }, async () => {
  await checkSpec('bare');
});

test('600 Aura authorities (a 4-byte length prefix from the host) read whole', { timeout: 120_000 }, async () => {
  await checkSpec('many');
});
