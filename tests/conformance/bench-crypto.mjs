// Runs the same crypto operations in @polkadot/util-crypto (Rust compiled to WASM) and in our node
// (`subtensor-node benchmark crypto --json`), one core each, and prints the ratios.
// Usage: node bench-crypto.mjs [seconds-per-measurement]
import { randomBytes } from 'node:crypto';

import {
  cryptoWaitReady, sr25519PairFromSeed, sr25519Sign, sr25519Verify, ed25519PairFromSeed, ed25519Sign, ed25519Verify,
  blake2AsU8a, xxhashAsU8a, keccakAsU8a,
} from '@polkadot/util-crypto';
import { runNode } from './lib/node.mjs';

const seconds = Number(process.argv[2] ?? 1);

function rate(op) {
  const warm = performance.now();
  while (performance.now() - warm < seconds * 200) op();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) { for (let i = 0; i < 16; i++) op(); count += 16; }
  return count / ((performance.now() - start) / 1000);
}

await cryptoWaitReady();
const msg = randomBytes(32);
const sr = sr25519PairFromSeed(randomBytes(32));
const srSig = sr25519Sign(msg, sr);
const ed = ed25519PairFromSeed(randomBytes(32));
const edSig = ed25519Sign(msg, ed);
const js = {
  sr25519_sign: rate(() => sr25519Sign(msg, sr)),
  sr25519_verify: rate(() => sr25519Verify(msg, srSig, sr.publicKey)),
  ed25519_sign: rate(() => ed25519Sign(msg, ed)),
  ed25519_verify: rate(() => ed25519Verify(msg, edSig, ed.publicKey)),
};
for (const size of [32, 1024, 1 << 20]) {
  const data = randomBytes(size);
  const name = size < 1024 ? `${size}B` : size < (1 << 20) ? `${size / 1024}KiB` : `${size >> 20}MiB`;
  js[`blake2b_256_${name}`] = rate(() => blake2AsU8a(data, 256)) * size / 1e6;
}
const small = randomBytes(32);
js.twox128_32B = rate(() => xxhashAsU8a(small, 128));
const kb = randomBytes(1024);
js.keccak256_1KiB = rate(() => keccakAsU8a(kb)) * 1024 / 1e6;

const r = runNode(['benchmark', 'crypto', '--json', '--seconds', String(seconds)], { timeout: 600_000 });
if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
const ours = JSON.parse(r.stdout);

console.log(`${'operation'.padEnd(22)} ${'ours'.padStart(14)} ${'polkadot-js (wasm)'.padStart(20)} ${'ratio'.padStart(8)}`);
for (const [name, value] of Object.entries(js)) {
  const o = ours[name];
  if (!o) continue;
  console.log(`${name.padEnd(22)} ${o.value.toFixed(0).padStart(10)} ${o.unit.padEnd(5)} ${value.toFixed(0).padStart(14)} ${o.unit.padEnd(5)} ${(o.value / value).toFixed(2).padStart(7)}x`);
}
