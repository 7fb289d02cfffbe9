// Conformance of the native runtime with @polkadot/types / @polkadot/api: our metadata bytes decode into a
// registry that finds every pallet item we declare, and a transfer signed offline by polkadot.js (from our
// metadata and genesis hash) is decoded, verified and applied by our runtime; the resulting storage and events
// decode in JS to the expected values.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { TypeRegistry, Metadata } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata/decorate';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, blake2AsU8a } from '@polkadot/util-crypto';
import { stringCamelCase, u8aToHex, hexToU8a, u8aConcat, bnToU8a, compactStripLength } from '@polkadot/util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const project = path.join(root, 'tests', 'Subtensor.Runtime.Harness');
const releaseDll = path.join(project, 'bin', 'Release', 'net10.0', 'Subtensor.Runtime.Harness.dll');
const debugDll = path.join(project, 'bin', 'Debug', 'net10.0', 'Subtensor.Runtime.Harness.dll');
// scripts/test.sh builds the solution in Release first; otherwise build the harness here.
let dll = process.env.SUBTENSOR_RUNTIME_HARNESS ?? (existsSync(releaseDll) ? releaseDll : debugDll);

/** The raw storage key of a decorated storage entry (polkadot.js returns it length-prefixed). */
function storageKey(entry, ...args) {
  return u8aToHex(compactStripLength(entry(...args))[1]);
}

function harness(...args) {
  return execFileSync('dotnet', [dll, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
}

let registry;
let metadata;
let decorated;
let genesis;
let keyring;

before(async () => {
  if (!process.env.SUBTENSOR_RUNTIME_HARNESS && dll === debugDll) {
    execFileSync('dotnet', ['build', project, '-c', 'Debug', '--nologo', '-v', 'q'], { stdio: 'inherit' });
  }
  assert.ok(existsSync(dll), `harness not built at ${dll}`);
  await cryptoWaitReady();
  registry = new TypeRegistry();
  metadata = new Metadata(registry, harness('metadata', '14'));
  registry.setMetadata(metadata);
  decorated = expandMetadata(registry, metadata);
  genesis = JSON.parse(harness('genesis'));
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
});

test('metadata V14 decodes and exposes every declared pallet, storage item, call, event, error and constant', () => {
  assert.equal(metadata.version, 14);
  const decl = JSON.parse(harness('declarations'));
  const pallets = metadata.asLatest.pallets.map((p) => p.name.toString());
  for (const p of decl.pallets) {
    assert.ok(pallets.includes(p.name), `pallet ${p.name}`);
    const section = stringCamelCase(p.name);
    const meta = metadata.asLatest.pallets.find((x) => x.name.eq(p.name));
    assert.equal(meta.index.toNumber(), p.index, `${p.name} index`);
    for (const s of p.storage) {
      assert.equal(typeof decorated.query[section]?.[stringCamelCase(s)], 'function', `storage ${p.name}.${s}`);
    }
    for (const c of p.calls) {
      assert.equal(typeof decorated.tx[section]?.[stringCamelCase(c)], 'function', `call ${p.name}.${c}`);
    }
    for (const e of p.events) {
      assert.ok(decorated.events[section]?.[e], `event ${p.name}.${e}`);
    }
    for (const e of p.errors) {
      assert.ok(decorated.errors[section]?.[e], `error ${p.name}.${e}`);
    }
    for (const c of p.constants) {
      const k = decorated.consts[section]?.[stringCamelCase(c.name)];
      assert.ok(k, `constant ${p.name}.${c.name}`);
      assert.equal(u8aToHex(k.toU8a()), c.value, `constant ${p.name}.${c.name} value`);
    }
  }
  const exts = metadata.asV14.extrinsic.signedExtensions.map((e) => e.identifier.toString());
  assert.deepEqual(exts, decl.extensions);
  // Token and chain constants as Subtensor declares them.
  assert.equal(decorated.consts.system.ss58Prefix.toNumber(), 42);
  assert.equal(decorated.consts.balances.existentialDeposit.toString(), '500');
  assert.equal(decorated.consts.system.version.specName.toString(), 'node-subtensor');
  // System.Account storage key as FRAME builds it (vector: ../shared/vectors/storage_keys.json).
  const alice = keyring.addFromUri('//Alice');
  assert.equal(storageKey(decorated.query.system.account, alice.address),
    '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
});

test('metadata V15 (Metadata_metadata_at_version) decodes with runtime APIs and outer enums', () => {
  const reg = new TypeRegistry();
  const v15 = new Metadata(reg, harness('metadata', '15'));
  reg.setMetadata(v15);
  assert.equal(v15.version, 15);
  const decl = JSON.parse(harness('declarations'));
  const apis = v15.asV15.apis.map((a) => a.name.toString());
  for (const a of decl.apis) {
    assert.ok(apis.includes(a.name), `api ${a.name}`);
    const meta = v15.asV15.apis.find((x) => x.name.eq(a.name));
    assert.deepEqual(meta.methods.map((m) => m.name.toString()), a.methods, `methods of ${a.name}`);
  }
  assert.equal(reg.lookup.getSiType(v15.asV15.outerEnums.callType).path.join('::'), 'node_subtensor_runtime::RuntimeCall');
  // versions advertised by Metadata_metadata_versions
  const versions = reg.createType('Vec<u32>', hexToU8a(harness('call', 'Metadata_metadata_versions', '0x'))).map((v) => v.toNumber());
  assert.deepEqual(versions, [14, 15]);
  // Metadata_metadata_at_version(15) returns Option<OpaqueMetadata> holding exactly the V15 bytes
  const opt = reg.createType('Option<Bytes>', hexToU8a(harness('call', 'Metadata_metadata_at_version', '0x0f000000')));
  assert.ok(opt.isSome);
  assert.ok(u8aToHex(opt.unwrap()) === harness('metadata', '15'), 'metadata_at_version(15) differs from the V15 metadata');
});

function accountInfo(hex) {
  return registry.createType('FrameSystemAccountInfo', hexToU8a(hex));
}

function signTransfer(pair, dest, amount, { nonce = 0, era, blockHash, tip = 0, metadataHash } = {}) {
  const call = decorated.tx.balances.transferKeepAlive(dest, amount);
  const ext = registry.createType('Extrinsic', { method: call }, { version: 4 });
  ext.sign(pair, {
    blockHash: blockHash ?? genesis.genesisHash,
    era: era ?? registry.createType('ExtrinsicEra', '0x00'),
    genesisHash: genesis.genesisHash,
    nonce,
    runtimeVersion: { specVersion: genesis.specVersion, transactionVersion: genesis.transactionVersion },
    signedExtensions: registry.signedExtensions,
    tip,
    ...(metadataHash ? { mode: 1, metadataHash } : {}),
  });
  return ext;
}

test('a transfer signed offline by @polkadot/api is verified and applied; storage and events decode in JS', () => {
  // Signed by Charlie: the dev block author is Alice, and an author gets its own fee back.
  const alice = keyring.addFromUri('//Charlie');
  const bob = keyring.addFromUri('//Bob');
  const amount = 1_234_567_890n;
  const ext = signTransfer(alice, bob.address, amount, { tip: 1000 });
  const hex = ext.toHex();

  // The runtime's own fee quote for this extrinsic (TransactionPaymentApi_query_info).
  const len = hexToU8a(hex).length;
  const infoHex = harness('call', 'TransactionPaymentApi_query_info', u8aToHex(u8aConcat(hexToU8a(hex), bnToU8a(len, { bitLength: 32 }))));
  const info = registry.createType('{"weight":"SpWeightsWeightV2Weight","class":"FrameSupportDispatchDispatchClass","partialFee":"u64"}', hexToU8a(infoHex));
  assert.ok(info.partialFee.toBigInt() > 0n);

  const aliceKey = storageKey(decorated.query.system.account, alice.address);
  const bobKey = storageKey(decorated.query.system.account, bob.address);
  const before = JSON.parse(harness('apply', '--key', aliceKey, '--key', bobKey));
  const out = JSON.parse(harness('apply', hex, '--key', aliceKey, '--key', bobKey));
  assert.equal(out.results.length, 1);
  assert.ok(out.results[0].ok, `apply result ${out.results[0].text}`);

  const aliceBefore = accountInfo(before.storage[aliceKey]);
  const bobBefore = accountInfo(before.storage[bobKey]);
  const aliceAfter = accountInfo(out.storage[aliceKey]);
  const bobAfter = accountInfo(out.storage[bobKey]);
  assert.equal(bobAfter.data.free.toBigInt(), bobBefore.data.free.toBigInt() + amount);
  assert.equal(aliceAfter.nonce.toNumber(), 1);
  assert.equal(aliceAfter.data.free.toBigInt(), aliceBefore.data.free.toBigInt() - amount - info.partialFee.toBigInt() - 1000n);

  const events = registry.createType('Vec<FrameSystemEventRecord>', hexToU8a(out.events));
  const names = events.map((e) => `${e.event.section}.${e.event.method}`);
  assert.ok(names.includes('balances.Transfer'), names.join(','));
  assert.ok(names.includes('system.ExtrinsicSuccess'), names.join(','));
  const transfer = events.find((e) => e.event.section === 'balances' && e.event.method === 'Transfer').event;
  assert.equal(transfer.data[0].toString(), alice.address);
  assert.equal(transfer.data[1].toString(), bob.address);
  assert.equal(transfer.data[2].toBigInt(), amount);
  const feePaid = events.find((e) => e.event.section === 'transactionPayment').event;
  assert.equal(feePaid.data[1].toBigInt(), info.partialFee.toBigInt() + 1000n);
  assert.equal(feePaid.data[2].toBigInt(), 1000n);
  // The extrinsic our runtime decoded is the one polkadot.js built.
  const decoded = registry.createType('Extrinsic', hex);
  assert.equal(decoded.signer.toString(), alice.address);
});

test('mortal era, ed25519 and ecdsa signatures from @polkadot/keyring are accepted; a tampered signature is refused', () => {
  const alice = keyring.addFromUri('//Alice');
  const edKeyring = new Keyring({ type: 'ed25519', ss58Format: 42 });
  const ecKeyring = new Keyring({ type: 'ecdsa', ss58Format: 42 });
  const ed = edKeyring.addFromUri('//Conformance');
  const ec = ecKeyring.addFromUri('//Conformance');
  const dave = keyring.addFromUri('//Dave');
  const mortal = registry.createType('ExtrinsicEra', { current: 0, period: 64 });
  const fund1 = signTransfer(alice, ed.address, 10_000_000_000n, { nonce: 0, era: mortal, blockHash: genesis.genesisHash });
  const fund2 = signTransfer(alice, ec.address, 10_000_000_000n, { nonce: 1 });
  const fromEd = signTransfer(ed, dave.address, 1_000_000_000n, { nonce: 0 });
  const fromEc = signTransfer(ec, dave.address, 2_000_000_000n, { nonce: 0 });
  const bad = signTransfer(alice, dave.address, 5n, { nonce: 2 });
  const badHex = bad.toHex();
  // flip one byte of the signature (after length prefix, version byte, address 33 bytes, variant byte)
  const bytes = hexToU8a(badHex);
  const sigAt = bytes.length - bad.method.toU8a().length - 1 - 1 - 2 - 64; // inside the 64 signature bytes
  bytes[sigAt] ^= 0xff;
  const daveKey = storageKey(decorated.query.system.account, dave.address);
  const before = accountInfo(JSON.parse(harness('apply', '--key', daveKey)).storage[daveKey]);
  const out = JSON.parse(harness('apply', fund1.toHex(), fund2.toHex(), fromEd.toHex(), fromEc.toHex(), u8aToHex(bytes), '--key', daveKey));
  assert.deepEqual(out.results.map((r) => r.ok), [true, true, true, true, false], JSON.stringify(out.results));
  assert.equal(out.results[4].included, false);
  // Invalid(BadProof) = 0x01 00 04
  assert.equal(out.results[4].result, '0x010004');
  const after = accountInfo(out.storage[daveKey]);
  assert.equal(after.data.free.toBigInt(), before.data.free.toBigInt() + 3_000_000_000n);
});

test('CheckMetadataHash in enabled mode: polkadot.js signs our RFC-0078 metadata hash and the runtime agrees', () => {
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const hash = harness('metadata-hash');
  assert.match(hash, /^0x[0-9a-f]{64}$/);
  const good = signTransfer(alice, bob.address, 1_000_000n, { metadataHash: hash });
  const wrong = signTransfer(alice, bob.address, 1_000_000n, { nonce: 1, metadataHash: '0x' + '11'.repeat(32) });
  const out = JSON.parse(harness('apply', good.toHex(), wrong.toHex()));
  assert.ok(out.results[0].ok, out.results[0].text);
  assert.equal(out.results[1].result, '0x010004');
});
