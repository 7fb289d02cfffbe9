// Yuma Consensus through @polkadot/api on `subtensor-node --dev --tmp --sealing 250`: Bob registers and starts a fresh
// subnet (tempo 10, commit-reveal off, weights rate limit 0 by sudo), two validators with unequal stake and three
// miners register by burning, the validators' hotkeys (which never hold free balance) set weights 1:2:3 on the miners,
// and three epochs later miner incentive follows the weights, validator dividends follow stake, and the validators'
// stake grew. The same numbers come back through the SDK's runtime API (api.call.subnetInfoRuntimeApi.getMetagraph).
// Bad weights end in Subtensor's errors with the weights unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { nodeBinary, startNode } from '../lib/node.mjs';
import { submitInBlock } from '../lib/extrinsics.mjs';

const TAO = 1_000_000_000n;
const skip = existsSync(nodeBinary) ? false : `no node binary at ${nodeBinary} (set SUBTENSOR_NODE)`;
const names = ['V1', 'V2', 'M1', 'M2', 'M3'];

let node;
let api;
let k;
let netuid;
const uid = {};

/** Signs and sends; resolves in-block with { blockHash, events, error }. */
const send = (tx, signer) => submitInBlock(api, tx, signer);

async function ok(tx, signer) {
  const r = await send(tx, signer);
  assert.equal(r.error, null, `${tx.method.section}.${tx.method.method} failed`);
  return r;
}

async function sudo(call) {
  const r = await ok(api.tx.sudo.sudo(call), k.Alice);
  const sudid = r.events.find(({ event }) => api.events.sudo.Sudid.is(event));
  assert.ok(sudid?.event.data[0].isOk, `sudo ${call.method.section}.${call.method.method}`);
}

const q = () => api.query.subtensorModule;
const epochIndex = async () => (await q().subnetEpochIndex(netuid)).toBigInt();

/** Waits (blocks are sealed every 250 ms) until the subnet's epoch counter moved past `from`. */
async function untilEpochAfter(from) {
  const deadline = Date.now() + 60_000;
  while ((await epochIndex()) <= from) {
    if (Date.now() > deadline) throw new Error(`no epoch after #${from}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const hotStake = async (name) => (await q().totalHotkeyAlpha(k[`${name}Hot`].address, netuid)).toBigInt();
const u16s = async (item) => (await q()[item](netuid)).map((x) => x.toNumber());

before(async () => {
  if (skip) return;
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['Alice', 'Bob', 'BobHot', ...names, ...names.map((n) => `${n}Hot`)].map((s) => [s, keyring.addFromUri(`//${s}`)]));
  node = await startNode(['--dev', '--tmp', '--sealing', '250']);
  api = await ApiPromise.create({ provider: new WsProvider(node.url, 1000), noInitWarn: true, throwOnConnect: true });
  await api.isReady;
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

test('a fresh subnet with two validators and three miners', { skip }, async () => {
  await sudo(api.tx.adminUtils.sudoSetNetworkRateLimit(0));
  const r = await ok(api.tx.subtensorModule.registerNetwork(k.BobHot.address), k.Bob);
  netuid = r.events.map(({ event }) => event).find((e) => api.events.subtensorModule.NetworkAdded.is(e)).data[0].toNumber();
  await ok(api.tx.subtensorModule.startCall(netuid), k.Bob);
  await sudo(api.tx.adminUtils.sudoSetTempo(netuid, 10));
  await sudo(api.tx.adminUtils.sudoSetCommitRevealWeightsEnabled(netuid, false));
  await sudo(api.tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0));

  // Coldkeys are funded; the hotkeys never receive a RAO.
  await ok(api.tx.utility.batchAll(names.map((n) => api.tx.balances.transferKeepAlive(k[n].address, 3_000n * TAO))), k.Alice);
  for (const n of names) {
    const reg = await ok(api.tx.subtensorModule.burnedRegister(netuid, k[`${n}Hot`].address), k[n]);
    const e = reg.events.map(({ event }) => event).find((x) => api.events.subtensorModule.NeuronRegistered.is(x));
    uid[n] = e.data[1].toNumber();
  }
  assert.deepEqual(names.map((n) => uid[n]), [1, 2, 3, 4, 5]);
  await ok(api.tx.subtensorModule.addStake(k.V1Hot.address, netuid, 1_500n * TAO), k.V1);
  await ok(api.tx.subtensorModule.addStake(k.V2Hot.address, netuid, 500n * TAO), k.V2);
  for (const n of names) assert.equal((await api.query.system.account(k[`${n}Hot`].address)).data.free.toBigInt(), 0n);

  // The first epoch hands out validator permits by stake.
  await untilEpochAfter(await epochIndex());
  const permits = (await q().validatorPermit(netuid)).map((p) => p.isTrue);
  assert.ok(permits[uid.V1] && permits[uid.V2], `permits ${permits}`);
});

test('hotkeys without balance set weights for free; bad weights fail with Subtensor errors', { skip }, async () => {
  const miners = ['M1', 'M2', 'M3'].map((n) => uid[n]);
  const before = (await q().weights(netuid, uid.V1)).toJSON();

  const dup = await send(api.tx.subtensorModule.setWeights(netuid, [miners[0], miners[0]], [1, 2], 0), k.V1Hot);
  assert.equal(dup.error, 'subtensorModule.DuplicateUids');
  const mismatch = await send(api.tx.subtensorModule.setWeights(netuid, miners, [1, 2], 0), k.V1Hot);
  assert.equal(mismatch.error, 'subtensorModule.WeightVecNotEqualSize');
  const outOfRange = await send(api.tx.subtensorModule.setWeights(netuid, [999], [1], 0), k.V1Hot);
  assert.equal(outOfRange.error, 'subtensorModule.UidVecContainInvalidOne');
  const unregistered = await send(api.tx.subtensorModule.setWeights(netuid, miners, [1, 2, 3], 0), k.Bob);
  assert.equal(unregistered.error, 'subtensorModule.HotKeyNotRegisteredInSubNet');
  assert.deepEqual((await q().weights(netuid, uid.V1)).toJSON(), before, 'failed calls leave the weights');

  for (const [name, w] of [['V1', [100, 200, 300]], ['V2', [1000, 2000, 3000]]]) {
    const r = await ok(api.tx.subtensorModule.setWeights(netuid, miners, w, 0), k[`${name}Hot`]);
    assert.ok(r.events.some(({ event }) => api.events.subtensorModule.WeightsSet.is(event)));
    assert.ok(!r.events.some(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event) && event.data[1].toBigInt() > 0n), 'no fee');
    assert.equal((await api.query.system.account(k[`${name}Hot`].address)).data.free.toBigInt(), 0n);
  }
  const stored = (await q().weights(netuid, uid.V1)).map(([d, v]) => [d.toNumber(), v.toNumber()]);
  assert.deepEqual(stored.map(([d]) => d), miners);
  assert.ok(stored[2][1] === 65535 && stored[0][1] < stored[1][1], `max-upscaled ${stored}`);
});

test('three epochs later incentive follows the weights and dividends follow stake', { skip }, async () => {
  const stakeBefore = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await hotStake(n)])));
  let index = await epochIndex();
  for (let e = 0; e < 3; e++) {
    await untilEpochAfter(index);
    index = await epochIndex();
  }

  const incentive = await u16s('incentive');
  const dividends = await u16s('dividends');
  const stakeWeight = await u16s('stakeWeight');
  const [i1, i2, i3] = ['M1', 'M2', 'M3'].map((n) => incentive[uid[n]]);
  assert.equal(incentive[0] + incentive[uid.V1] + incentive[uid.V2], 0, `validators and owner earn no incentive: ${incentive}`);
  assert.ok(Math.abs(i2 / i1 - 2) < 0.02 && Math.abs(i3 / i1 - 3) < 0.02, `incentive 1:2:3, got ${incentive}`);
  assert.ok(i1 + i2 + i3 >= 65_530, `incentive sums to one: ${incentive}`);

  const stakeRatio = stakeWeight[uid.V1] / stakeWeight[uid.V2];
  assert.ok(stakeRatio > 1, `V1 holds more stake weight: ${stakeWeight}`);
  assert.ok(dividends[uid.V1] > 0 && dividends[uid.V2] > 0, `dividends ${dividends}`);
  assert.ok(Math.abs(dividends[uid.V1] / dividends[uid.V2] / stakeRatio - 1) < 0.02, `dividends ${dividends} vs stake weight ${stakeWeight}`);

  const gain = Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await hotStake(n)) - stakeBefore[n]])));
  for (const n of names) assert.ok(gain[n] > 0n, `${n} stake grew: ${gain[n]}`);
  const minerRatio = Number(gain.M3) / Number(gain.M1);
  assert.ok(Math.abs(minerRatio - 3) < 0.05, `miner stake gains follow incentive: ${minerRatio}`);
  assert.ok(gain.V1 > gain.V2, `validator gains follow stake: ${gain.V1} vs ${gain.V2}`);

  // The SDK reads the same through the runtime API, decoded from our metadata alone.
  const mg = (await api.call.subnetInfoRuntimeApi.getMetagraph(netuid)).unwrap();
  assert.equal(mg.netuid.toNumber(), netuid);
  assert.deepEqual(mg.incentives.map((x) => x.toNumber()), incentive);
  assert.deepEqual(mg.dividends.map((x) => x.toNumber()), dividends);
  assert.deepEqual(mg.hotkeys.slice(1).map(String), names.map((n) => k[`${n}Hot`].address));
  const neuron = (await api.call.neuronInfoRuntimeApi.getNeuronLite(netuid, uid.M3)).unwrap();
  assert.equal(neuron.hotkey.toString(), k.M3Hot.address);
  assert.equal(neuron.incentive.toNumber(), i3);
});
