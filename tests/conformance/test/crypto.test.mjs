// Cross-checks of keys, signatures, VRFs, SS58 and hashes: our node against @polkadot/util-crypto (Rust schnorrkel
// and ed25519 compiled to WASM) in both directions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex, hexToU8a, stringToU8a } from '@polkadot/util';
import {
  cryptoWaitReady, mnemonicGenerate, blake2AsU8a, xxhashAsU8a, keccakAsU8a, sha256AsU8a,
  signatureVerify, encodeAddress, decodeAddress, sr25519PairFromSeed, sr25519VrfSign, sr25519VrfVerify,
} from '@polkadot/util-crypto';
import { Oracle } from '../lib/node.mjs';

const N = 200;
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
let oracle;
let keyring;

before(async () => {
  await cryptoWaitReady();
  keyring = { sr25519: new Keyring({ type: 'sr25519', ss58Format: 42 }), ed25519: new Keyring({ type: 'ed25519', ss58Format: 42 }) };
  oracle = new Oracle();
});
after(async () => { await oracle.close(); });

const pick = (arr) => arr[Math.floor(Math.random() * arr.length)];
const words = ['Alice', 'Bob', 'stash', 'validator', 'miner', 'hotkey', 'coldkey', '0', '1', '42', '65535', '18446744073709551615', 'a-much-longer-junction-name-that-needs-hashing-because-it-is-long'];

function randomSuri(scheme) {
  const root = pick([
    () => '',
    () => mnemonicGenerate(12),
    () => mnemonicGenerate(24),
    () => u8aToHex(randomBytes(32)),
  ])();
  let path = '';
  const depth = Math.floor(Math.random() * 4);
  for (let i = 0; i < depth; i++) {
    const hard = scheme === 'ed25519' || Math.random() < 0.5;
    path += (hard ? '//' : '/') + pick(words);
  }
  const password = !root.startsWith('0x') && Math.random() < 0.3 ? '///' + pick(['secret', 'p4ss', 'x y']) : '';
  // Without a phrase Substrate uses the dev phrase; @polkadot/keyring only does so for URIs starting with '//'.
  const phrase = root === '' && !path.startsWith('//') ? DEV_PHRASE : root;
  return `${phrase}${path}${password}`;
}

for (const scheme of ['sr25519', 'ed25519']) {
  test(`${scheme}: ${N} random SURIs give the same public key and SS58 address`, async () => {
    for (let i = 0; i < N; i++) {
      const suri = randomSuri(scheme);
      const pair = keyring[scheme].addFromUri(suri);
      const ours = await oracle.ask({ op: 'inspect', scheme, suri });
      assert.equal(ours.error, undefined, `${suri}: ${ours.error}`);
      assert.equal(ours.publicKey, u8aToHex(pair.publicKey), `public key of ${suri}`);
      assert.equal(ours.ss58, pair.address, `address of ${suri}`);
    }
  });

  test(`${scheme}: ${N} signatures verify both ways, tampered ones fail both ways`, async () => {
    for (let i = 0; i < N; i++) {
      const suri = randomSuri(scheme);
      const pair = keyring[scheme].addFromUri(suri);
      const message = randomBytes(1 + Math.floor(Math.random() * 300));
      const publicKey = u8aToHex(pair.publicKey);

      // ours -> JS
      const { signature } = await oracle.ask({ op: 'sign', scheme, suri, message: u8aToHex(message) });
      assert.ok(signatureVerify(message, signature, pair.address).isValid, `JS rejects our signature by ${suri}`);
      const tampered = hexToU8a(signature); tampered[Math.floor(Math.random() * 64)] ^= 1 << Math.floor(Math.random() * 8);
      assert.equal(signatureVerify(message, tampered, pair.address).isValid, false, 'JS accepts a tampered signature');

      // JS -> ours
      const jsSig = pair.sign(message);
      assert.equal((await oracle.ask({ op: 'verify', scheme, publicKey, message: u8aToHex(message), signature: u8aToHex(jsSig) })).valid, true, `we reject JS's signature by ${suri}`);
      const badMsg = Uint8Array.from(message); badMsg[0] ^= 0x80;
      assert.equal((await oracle.ask({ op: 'verify', scheme, publicKey, message: u8aToHex(badMsg), signature: u8aToHex(jsSig) })).valid, false, 'we accept a signature over another message');
      const badSig = Uint8Array.from(jsSig); badSig[Math.floor(Math.random() * 64)] ^= 1 << Math.floor(Math.random() * 8);
      assert.equal((await oracle.ask({ op: 'verify', scheme, publicKey, message: u8aToHex(message), signature: u8aToHex(badSig) })).valid, false, 'we accept a tampered signature');
    }
  });
}

test('sr25519 VRF: outputs and proofs cross-verify', async () => {
  for (let i = 0; i < 50; i++) {
    const seed = randomBytes(32);
    const pair = sr25519PairFromSeed(seed);
    const context = randomBytes(Math.floor(Math.random() * 20));
    const message = randomBytes(1 + Math.floor(Math.random() * 100));
    const extra = randomBytes(Math.floor(Math.random() * 20));
    const publicKey = u8aToHex(pair.publicKey);

    const js = sr25519VrfSign(message, pair, context, extra);
    const ok = await oracle.ask({ op: 'vrfVerify', publicKey, context: u8aToHex(context), message: u8aToHex(message), extra: u8aToHex(extra), output: u8aToHex(js) });
    assert.equal(ok.valid, true, 'we reject a JS VRF proof');
    const bad = Uint8Array.from(js); bad[40] ^= 1;
    assert.equal((await oracle.ask({ op: 'vrfVerify', publicKey, context: u8aToHex(context), message: u8aToHex(message), extra: u8aToHex(extra), output: u8aToHex(bad) })).valid, false);

    const ours = await oracle.ask({ op: 'vrfSign', suri: u8aToHex(seed), context: u8aToHex(context), message: u8aToHex(message), extra: u8aToHex(extra) });
    assert.equal(ours.error, undefined, ours.error);
    assert.ok(sr25519VrfVerify(message, hexToU8a(ours.output), pair.publicKey, context, extra), 'JS rejects our VRF proof');
    // Same key, same input: the VRF pre-output (first 32 bytes) is deterministic.
    assert.equal(ours.output.slice(0, 66), u8aToHex(js.subarray(0, 32)));
  }
});

test('SS58: random keys and prefixes encode identically; corrupted checksums are rejected', async () => {
  for (let i = 0; i < N; i++) {
    const key = randomBytes(32);
    const prefix = pick([0, 2, 42, 63, 64, 255, 1000, 16383, Math.floor(Math.random() * 16384)]);
    if (prefix === 46 || prefix === 47) continue;
    const expected = encodeAddress(key, prefix);
    const ours = await oracle.ask({ op: 'ss58Encode', publicKey: u8aToHex(key), prefix });
    assert.equal(ours.address, expected, `prefix ${prefix}`);
    const decoded = await oracle.ask({ op: 'ss58Decode', address: expected });
    assert.equal(decoded.publicKey, u8aToHex(decodeAddress(expected)));
    assert.equal(decoded.prefix, prefix);

    const chars = expected.split('');
    const at = chars.length - 1 - Math.floor(Math.random() * 3);
    chars[at] = chars[at] === '2' ? '3' : '2';
    const corrupted = chars.join('');
    let jsRejects = false;
    try { decodeAddress(corrupted); } catch { jsRejects = true; }
    const oursRejects = (await oracle.ask({ op: 'ss58Decode', address: corrupted })).error !== undefined;
    assert.equal(oursRejects, jsRejects, `disagreement on ${corrupted}`);
  }
});

test('hashes of random inputs are identical (blake2 64/128/256/512, twox 64/128/256, keccak256, sha256)', async () => {
  const js = {
    blake2_64: (d) => blake2AsU8a(d, 64), blake2_128: (d) => blake2AsU8a(d, 128), blake2_256: (d) => blake2AsU8a(d, 256), blake2_512: (d) => blake2AsU8a(d, 512),
    twox64: (d) => xxhashAsU8a(d, 64), twox128: (d) => xxhashAsU8a(d, 128), twox256: (d) => xxhashAsU8a(d, 256),
    keccak256: (d) => keccakAsU8a(d), sha256: (d) => sha256AsU8a(d),
  };
  for (let i = 0; i < N; i++) {
    const data = randomBytes(pick([0, 1, 31, 32, 33, 135, 136, 137, 1000, Math.floor(Math.random() * 5000)]));
    for (const [alg, f] of Object.entries(js)) {
      const ours = await oracle.ask({ op: 'hash', alg, data: u8aToHex(data) });
      assert.equal(ours.hash, u8aToHex(f(data)), `${alg} of ${data.length} bytes`);
    }
  }
  assert.equal(u8aToHex(blake2AsU8a(stringToU8a(''), 256)), '0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
});
