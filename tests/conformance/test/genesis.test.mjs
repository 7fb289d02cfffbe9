// Genesis conformance: for generated raw chain specs, `subtensor-node export-genesis-head` must give the genesis
// hash that smoldot computes (chainSpec_v1_genesisHash). Each spec carries a minimal runtime (:code) announcing its
// state version through the `runtime_version` / `runtime_apis` custom sections, as real runtimes do.
//
// smoldot does not accept `childrenDefault` entries, so child tries are checked this way: our node gets the spec with
// the child trie in `childrenDefault`; smoldot gets the same spec with the child root already written into the top
// trie under `:child_storage:default:<id>`. That child root comes from the small trie-root function below, which is
// itself checked against the state root of every other spec.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as smoldot from 'smoldot';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a, u8aConcat, compactToU8a, stringToU8a } from '@polkadot/util';

const here = dirname(fileURLToPath(import.meta.url));
const NODE = process.env.SUBTENSOR_NODE ?? resolve(here, '../../../artifacts/bin/subtensor-node');
const run = promisify(execFile);

// ---------------------------------------------------------------- deterministic randomness
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const bytes = (n) => Uint8Array.from({ length: n }, () => int(0, 255));
  return { next, int, bytes };
}

// ---------------------------------------------------------------- minimal runtime (WebAssembly binary format)
const leb = (n) => { const out = []; do { const b = n & 0x7f; n = Math.floor(n / 128); out.push(n ? b | 0x80 : b); } while (n); return Uint8Array.from(out); };
const sleb = (n) => { const out = []; for (;;) { const b = n & 0x7f; n >>= 7; const done = (n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40)); out.push(done ? b : b | 0x80); if (done) return Uint8Array.from(out); } };
const wasmName = (s) => u8aConcat(leb(stringToU8a(s).length), stringToU8a(s));
const section = (id, payload) => u8aConcat([id], leb(payload.length), payload);
const u32 = (n) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
const scaleStr = (s) => u8aConcat(compactToU8a(stringToU8a(s).length), stringToU8a(s));
const apiId = (name) => blake2AsU8a(stringToU8a(name), 64);

function minimalRuntime(stateVersion, specVersion) {
  // sp-version RuntimeVersion with an empty apis list; Core API version 5 makes transaction and system versions present
  const version = u8aConcat(scaleStr('conformance'), scaleStr('conformance'), u32(1), u32(specVersion), u32(0),
    compactToU8a(0), u32(1), [stateVersion]);
  const apis = u8aConcat(apiId('Core'), u32(5), apiId('Metadata'), u32(2));
  return u8aConcat([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    section(2, u8aConcat(leb(1), wasmName('env'), wasmName('memory'), [0x02, 0x00], leb(1))),
    section(6, u8aConcat(leb(1), [0x7f, 0x00, 0x41], sleb(65536), [0x0b])),
    section(7, u8aConcat(leb(1), wasmName('__heap_base'), [0x03], leb(0))),
    section(0, u8aConcat(wasmName('runtime_version'), version)),
    section(0, u8aConcat(wasmName('runtime_apis'), apis)));
}

// Substrate's compressed blob: 8-byte magic, then a zstd frame made of raw (stored) blocks.
function maybeCompressed(code) {
  const blocks = [];
  for (let at = 0; at < code.length || at === 0; at += 131072) {
    const chunk = code.subarray(at, at + 131072);
    const last = at + 131072 >= code.length ? 1 : 0;
    const header = (chunk.length << 3) | last; // block type 0 = raw
    blocks.push(Uint8Array.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), chunk);
    if (last) break;
  }
  return u8aConcat([0x52, 0xbc, 0x53, 0x76, 0x46, 0xdb, 0x8e, 0x05], [0x28, 0xb5, 0x2f, 0xfd, 0xa0], u32(code.length), ...blocks);
}

// ---------------------------------------------------------------- independent trie root (spec: base-16, no extension nodes)
const nibblesOf = (key) => { const n = new Array(key.length * 2); for (let i = 0; i < key.length; i++) { n[2 * i] = key[i] >> 4; n[2 * i + 1] = key[i] & 15; } return n; };
function header(prefix, bits, count) {
  const max = (1 << bits) - 1;
  if (count < max) return [prefix | count];
  const out = [prefix | max];
  let rest = count - max;
  while (rest >= 255) { out.push(255); rest -= 255; }
  out.push(rest);
  return out;
}
const packed = (n) => { const out = []; let i = 0; if (n.length % 2) out.push(n[i++]); for (; i < n.length; i += 2) out.push((n[i] << 4) | n[i + 1]); return out; };
function trieRoot(entries, stateVersion) {
  const items = entries.map(([k, v]) => ({ n: nibblesOf(k), v })).sort((a, b) => { for (let i = 0; i < Math.min(a.n.length, b.n.length); i++) if (a.n[i] !== b.n[i]) return a.n[i] - b.n[i]; return a.n.length - b.n.length; });
  if (items.length === 0) return blake2AsU8a(Uint8Array.of(0), 256);
  const value = (v) => (stateVersion === 1 && v.length >= 33) ? { hashed: true, bytes: blake2AsU8a(v, 256) } : { hashed: false, bytes: u8aConcat(compactToU8a(v.length), v) };
  function node(list, depth) {
    if (list.length === 1) {
      const partial = list[0].n.slice(depth); const val = value(list[0].v);
      return u8aConcat(val.hashed ? header(0x20, 5, partial.length) : header(0x40, 6, partial.length), packed(partial), val.bytes);
    }
    const first = list[0].n; const last = list[list.length - 1].n;
    let e = depth; while (e < first.length && e < last.length && first[e] === last[e]) e++;
    const own = first.length === e ? list[0] : null;
    const rest = own ? list.slice(1) : list;
    let bitmap = 0; const children = [];
    for (let i = 0; i < rest.length;) {
      const nib = rest[i].n[e]; let j = i; while (j < rest.length && rest[j].n[e] === nib) j++;
      bitmap |= 1 << nib;
      const enc = node(rest.slice(i, j), e + 1);
      const ref = enc.length < 32 ? enc : blake2AsU8a(enc, 256);
      children.push(compactToU8a(ref.length), ref);
      i = j;
    }
    const partial = first.slice(depth, e);
    const val = own ? value(own.v) : null;
    const head = !val ? header(0x80, 6, partial.length) : val.hashed ? header(0x10, 4, partial.length) : header(0xc0, 6, partial.length);
    return u8aConcat(head, packed(partial), [bitmap & 0xff, bitmap >> 8], val ? val.bytes : [], ...children);
  }
  return blake2AsU8a(node(items, 0), 256);
}

// ---------------------------------------------------------------- spec generation
const CHILD_PREFIX = stringToU8a(':child_storage:default:');
function randomStorage(r, count) {
  const map = new Map();
  const prefixes = [new Uint8Array(0), r.bytes(1), r.bytes(2), r.bytes(16), r.bytes(32)];
  while (map.size < count) {
    const prefix = prefixes[r.int(0, prefixes.length - 1)];
    const roll = r.next();
    const suffix = r.bytes(roll < 0.05 ? 0 : roll < 0.1 ? r.int(80, 300) : r.int(1, 40));
    if (r.next() < 0.3) for (let i = 0; i < suffix.length; i++) suffix[i] &= 0x31; // long shared nibble runs
    const key = u8aConcat(prefix, suffix);
    if (key.length >= 1 && key[0] === 0x3a) continue; // keep clear of well-known ':' keys
    const vr = r.next();
    const vlen = vr < 0.1 ? 0 : vr < 0.2 ? 32 : vr < 0.3 ? 33 : vr < 0.5 ? r.int(34, 200) : r.int(1, 31);
    map.set(u8aToHex(key), r.bytes(vlen));
  }
  return map;
}
const toJsonMap = (map) => Object.fromEntries([...map].map(([k, v]) => [k, u8aToHex(v)]));
function chainSpec(name, top, childrenDefault) {
  return { name, id: name.toLowerCase(), chainType: 'Development', bootNodes: [], telemetryEndpoints: null, protocolId: null,
    properties: { ss58Format: 42 }, codeSubstitutes: {}, genesis: { raw: { top, childrenDefault } } };
}

function makeCase(index) {
  const seed = 0x5eed0000 + index;
  const r = rng(seed);
  const stateVersion = index % 2;
  const sizes = [0, 1, 2, 17, 100, 1000, 10000];
  const count = index < sizes.length * 2 ? sizes[index % sizes.length] : r.int(1, index % 10 === 0 ? 10000 : 2000);
  const top = randomStorage(r, count);
  let code = minimalRuntime(stateVersion, 100 + index);
  if (index % 7 === 3) code = maybeCompressed(code);
  top.set('0x3a636f6465', code);
  if (index % 9 === 4) top.set('0x', r.bytes(40)); // the empty key
  const children = new Map();
  if (index % 5 === 2) {
    for (let c = 0; c < r.int(1, 3); c++) children.set(u8aToHex(r.bytes(r.int(1, 12))), randomStorage(r, r.int(1, 400)));
    if (index % 10 === 2) children.set(u8aToHex(stringToU8a('empty-child')), new Map()); // empty: no root entry
  }
  const ours = chainSpec(`Case${index}`, toJsonMap(top), Object.fromEntries([...children].map(([k, m]) => [k, toJsonMap(m)])));
  const smoldotTop = new Map(top);
  for (const [id, child] of children) {
    if (child.size === 0) continue;
    smoldotTop.set(u8aToHex(u8aConcat(CHILD_PREFIX, hexToU8a(id))), trieRoot([...child].map(([k, v]) => [hexToU8a(k), v]), stateVersion));
  }
  const theirs = chainSpec(`Case${index}`, toJsonMap(smoldotTop), {});
  const expectedRoot = u8aToHex(trieRoot([...smoldotTop].map(([k, v]) => [hexToU8a(k), v]), stateVersion));
  return { index, seed, stateVersion, count, children: children.size, ours, theirs, expectedRoot };
}

// ---------------------------------------------------------------- the test
const CASES = 60;
let client;
let dir;
const outcome = { agreed: 0, total: 0 };

before(() => {
  client = smoldot.start({ maxLogLevel: 1, cpuRateLimit: 1 });
  dir = mkdtempSync(join(tmpdir(), 'genesis-conformance-'));
});

after(async () => {
  await client?.terminate();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`genesis conformance: ${outcome.agreed}/${outcome.total} specs agree with smoldot`);
});

async function smoldotGenesisHash(spec) {
  const chain = await client.addChain({ chainSpec: JSON.stringify(spec), disableJsonRpc: false });
  try {
    chain.sendJsonRpc(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chainSpec_v1_genesisHash', params: [] }));
    const response = JSON.parse(await chain.nextJsonRpcResponse());
    assert.ok(response.result, `smoldot error: ${JSON.stringify(response.error)}`);
    return response.result;
  } finally {
    chain.remove();
  }
}

async function ourGenesis(spec, extraArgs = []) {
  const path = join(dir, `${spec.id}.json`);
  writeFileSync(path, JSON.stringify(spec));
  const { stdout } = await run(NODE, ['export-genesis-head', '--chain', path, '--json', ...extraArgs], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

test('generated raw chain specs: export-genesis-head hash equals smoldot chainSpec_v1_genesisHash', { timeout: 170_000 }, async (t) => {
  for (let i = 0; i < CASES; i++) {
    const c = makeCase(i);
    await t.test(`case ${i} (seed 0x${c.seed.toString(16)}, ${c.count} keys, state version ${c.stateVersion}, ${c.children} child tries)`, async () => {
      outcome.total++;
      const [ours, theirs] = await Promise.all([ourGenesis(c.ours), smoldotGenesisHash(c.theirs)]);
      assert.equal(ours.stateRoot, c.expectedRoot, 'state root differs from the independent trie-root function');
      assert.equal(ours.hash, theirs);
      assert.equal(ours.number, 0);
      assert.equal(ours.extrinsicsRoot, '0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314');
      assert.equal(u8aToHex(blake2AsU8a(hexToU8a(ours.header), 256)), ours.hash);
      outcome.agreed++;
    });
  }
});

test('--state-version overrides the version announced by the runtime', async () => {
  const c = makeCase(1); // a V1 runtime, values of 33 bytes and more, no child tries
  const entries = Object.entries(c.ours.genesis.raw.top).map(([k, v]) => [hexToU8a(k), hexToU8a(v)]);
  const forcedV0 = await ourGenesis(c.ours, ['--state-version', '0']);
  const announced = await ourGenesis(c.ours);
  assert.equal(forcedV0.stateRoot, u8aToHex(trieRoot(entries, 0)));
  assert.equal(announced.stateRoot, u8aToHex(trieRoot(entries, 1)));
  assert.notEqual(forcedV0.stateRoot, announced.stateRoot);
});

test('bad chain specs fail with one line on stderr and exit code 1', async () => {
  const bad = [
    ['{"name":"x","id":"x","bootNodes":[],"genesis":{"raw":{"top":{"0xzz":"0x00"},"childrenDefault":{}}}}', '$.genesis.raw.top["0xzz"]'],
    ['{"name":"x","id":"x","bootNodes":[],"genesis":{"raw":{"top":{"0x00":"0x00","0x00":"0x01"},"childrenDefault":{}}}}', 'duplicate'],
    ['{"name":"x","id":"x","bootNodes":[]}', '$.genesis'],
    ['{"name":"x","id":"x","bootNodes":[],"genesis":{"raw":{"top":{"0x01":"0x01"},"childrenDefault":{}}}}', ':code'],
  ];
  for (const [json, expected] of bad) {
    const path = join(dir, 'bad.json');
    writeFileSync(path, json);
    const result = await run(NODE, ['export-genesis-head', '--chain', path]).then(() => null, (e) => e);
    assert.ok(result, `accepted: ${json}`);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
    assert.ok(result.stderr.includes(expected), `${result.stderr} lacks ${expected}`);
  }
});
