// The bittensor SDK's runtime APIs through @polkadot/api on `subtensor-node --dev --tmp --sealing 1000`, decoded from
// the node's V15 metadata alone (api.call.<api>.<method>): SubnetInfoRuntimeApi, NeuronInfoRuntimeApi,
// DelegateInfoRuntimeApi, StakeInfoRuntimeApi and SubnetRegistrationRuntimeApi on the dev subnet 1 (owner Alice, tempo
// 10) after Bob registers a hotkey and stakes to Alice's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { nodeBinary, startNode } from '../lib/node.mjs';

const TAO = 1_000_000_000n;
const skip = existsSync(nodeBinary) ? false : `no node binary at ${nodeBinary} (set SUBTENSOR_NODE)`;

let node;
let api;
let k;
let at; // block after the setup transactions



/** Signs and sends; resolves with the block hash once in a block, failing on a dispatch error. */
function ok(tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, ({ status, dispatchError }) => {
      if (status.isInBlock) {
        unsub?.();
        if (dispatchError) reject(new Error(`${tx.method.section}.${tx.method.method}: ${dispatchError.toString()}`));
        else resolve(status.asInBlock.toHex());
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub?.();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }).catch(reject);
  });
}

const bytes = (compactVec) => Buffer.from(compactVec.map((c) => c.toNumber())).toString('latin1');

before(async () => {
  if (skip) return;
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['Alice', 'Bob', 'BobHot', 'Nobody'].map((s) => [s, keyring.addFromUri(`//${s}`)]));
  node = await startNode(['--dev', '--tmp', '--sealing', '1000']);
  api = await ApiPromise.create({ provider: new WsProvider(node.url, 1000), noInitWarn: true, throwOnConnect: true });
  await api.isReady;
  await ok(api.tx.subtensorModule.burnedRegister(1, k.BobHot.address), k.Bob);
  at = await ok(api.tx.subtensorModule.addStake(k.Alice.address, 1, 10n * TAO), k.Bob);
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

test('the info APIs are in the metadata and RuntimeVersion with Subtensor versions', { skip }, async () => {
  const versions = Object.fromEntries(api.runtimeVersion.apis.map(([id, v]) => [id.toHex(), v.toNumber()]));
  for (const [name, version, methods] of [
    ['subnetInfoRuntimeApi', 2, ['getDynamicInfo', 'getAllDynamicInfo', 'getMetagraph', 'getAllMetagraphs', 'getSelectiveMetagraph', 'getSubnetState',
      'getSubnetInfo', 'getSubnetInfoV2', 'getSubnetsInfo', 'getSubnetsInfoV2', 'getSubnetHyperparams', 'getSubnetHyperparamsV2', 'getSubnetHyperparamsV3']],
    ['neuronInfoRuntimeApi', 1, ['getNeurons', 'getNeuronsLite', 'getNeuron', 'getNeuronLite']],
    ['delegateInfoRuntimeApi', 1, ['getDelegates', 'getDelegate', 'getDelegated']],
    ['stakeInfoRuntimeApi', 1, ['getStakeInfoForColdkey', 'getStakeInfoForColdkeys', 'getStakeInfoForHotkeyColdkeyNetuid', 'getStakeFee']],
    ['subnetRegistrationRuntimeApi', 1, ['getNetworkRegistrationCost']],
  ]) {
    for (const m of methods) assert.equal(typeof api.call[name]?.[m], 'function', `api.call.${name}.${m}`);
    const traitName = name[0].toUpperCase() + name.slice(1);
    assert.equal(versions[blake2AsHex(traitName, 64)], version, `${traitName} version`);
  }
});

test('get_dynamic_info(1) decodes the dev subnet', { skip }, async () => {
  const apiAt = await api.at(at);
  const d = (await apiAt.call.subnetInfoRuntimeApi.getDynamicInfo(1)).unwrap();
  assert.equal(d.netuid.toNumber(), 1);
  assert.equal(d.ownerColdkey.toString(), k.Alice.address);
  assert.equal(d.ownerHotkey.toString(), k.Alice.address);
  assert.equal(d.tempo.toNumber(), 10);
  assert.equal(bytes(d.subnetName), 'apex');
  const q = apiAt.query.subtensorModule;
  assert.equal(d.taoIn.toBigInt(), (await q.subnetTAO(1)).toBigInt());
  assert.equal(d.alphaIn.toBigInt(), (await q.subnetAlphaIn(1)).toBigInt());
  assert.equal(d.alphaOut.toBigInt(), (await q.subnetAlphaOut(1)).toBigInt());
  assert.ok(d.subnetIdentity.isNone);
  assert.ok((await apiAt.call.subnetInfoRuntimeApi.getDynamicInfo(77)).isNone);
  const all = await apiAt.call.subnetInfoRuntimeApi.getAllDynamicInfo();
  assert.ok(all.some((x) => x.isSome && x.unwrap().netuid.toNumber() === 1));
});

test('neurons, stake info and delegation show Bob staking to Alice', { skip }, async () => {
  const apiAt = await api.at(at);
  const q = apiAt.query.subtensorModule;
  const aliceAlpha = (await q.totalHotkeyAlpha(k.Alice.address, 1)).toBigInt();
  const neurons = await apiAt.call.neuronInfoRuntimeApi.getNeuronsLite(1);
  assert.equal(neurons.length, (await q.subnetworkN(1)).toNumber());
  const alice = neurons[0];
  assert.equal(alice.hotkey.toString(), k.Alice.address);
  assert.equal(alice.coldkey.toString(), k.Alice.address);
  assert.equal(alice.uid.toNumber(), 0);
  assert.equal(alice.stake[0][0].toString(), k.Alice.address);
  assert.equal(alice.stake[0][1].toBigInt(), aliceAlpha);
  assert.equal(alice.pruningScore.toNumber(), 65535);
  const bobUid = (await q.uids(1, k.BobHot.address)).unwrap().toNumber();
  const bob = (await apiAt.call.neuronInfoRuntimeApi.getNeuron(1, bobUid)).unwrap();
  assert.equal(bob.hotkey.toString(), k.BobHot.address);
  assert.equal(bob.coldkey.toString(), k.Bob.address);
  assert.equal(bob.axonInfo.port.toNumber(), 0);

  const infos = await apiAt.call.stakeInfoRuntimeApi.getStakeInfoForColdkey(k.Bob.address);
  const onAlice = infos.find((s) => s.hotkey.toString() === k.Alice.address && s.netuid.toNumber() === 1);
  assert.ok(onAlice, 'Bob stakes to Alice on subnet 1');
  assert.ok(onAlice.stake.toBigInt() > 0n);
  assert.equal(onAlice.isRegistered.isTrue, true);
  const one = (await apiAt.call.stakeInfoRuntimeApi.getStakeInfoForHotkeyColdkeyNetuid(k.Alice.address, k.Bob.address, 1)).unwrap();
  assert.equal(one.stake.toBigInt(), onAlice.stake.toBigInt());
  const many = await apiAt.call.stakeInfoRuntimeApi.getStakeInfoForColdkeys([k.Bob.address, k.Nobody.address]);
  assert.equal(many.length, 2);
  assert.equal(many[1][1].length, 0);
  assert.equal((await apiAt.call.stakeInfoRuntimeApi.getStakeFee([k.Alice.address, 1], k.Bob.address, [k.Alice.address, 1], k.Bob.address, TAO)).toBigInt(), 0n);
  const fee = (await apiAt.call.stakeInfoRuntimeApi.getStakeFee(null, k.Bob.address, [k.Alice.address, 1], k.Bob.address, TAO)).toBigInt();
  assert.ok(fee >= 0n && fee < TAO);

  const delegated = await apiAt.call.delegateInfoRuntimeApi.getDelegated(k.Bob.address);
  const isDelegate = (await q.delegates.entries()).some(([key]) => key.args[0].toString() === k.Alice.address);
  assert.equal(delegated.some(([info, [n]]) => info.delegateSs58.toString() === k.Alice.address && n.toNumber() === 1), isDelegate);
  const delegates = await apiAt.call.delegateInfoRuntimeApi.getDelegates();
  assert.equal(delegates.length, (await q.delegates.entries()).length);
});

test('metagraph, selective metagraph, subnet state, subnet info and hyperparameters', { skip }, async () => {
  const apiAt = await api.at(at);
  const c = apiAt.call.subnetInfoRuntimeApi;
  const m = (await c.getMetagraph(1)).unwrap();
  assert.equal(m.netuid.toNumber(), 1);
  assert.equal(m.tempo.toNumber(), 10);
  assert.equal(m.ownerColdkey.toString(), k.Alice.address);
  assert.equal(m.numUids.toNumber(), m.hotkeys.length);
  assert.deepEqual(m.hotkeys.map((h) => h.toString()).slice(0, 1), [k.Alice.address]);
  assert.ok(m.hotkeys.some((h) => h.toString() === k.BobHot.address));
  assert.equal(m.alphaStake[0].toBigInt(), (await apiAt.query.subtensorModule.totalHotkeyAlpha(k.Alice.address, 1)).toBigInt());

  const sel = (await c.getSelectiveMetagraph(1, [0, 8, 52])).unwrap();
  assert.equal(sel.netuid.toNumber(), 1);
  assert.equal(sel.tempo.unwrap().toNumber(), 10);
  assert.equal(sel.hotkeys.unwrap().length, m.hotkeys.length);
  assert.ok(sel.name.isNone);

  const state = (await c.getSubnetState(1)).unwrap();
  assert.deepEqual(state.hotkeys.map(String), m.hotkeys.map(String));

  const info = (await c.getSubnetInfoV2(1)).unwrap();
  assert.equal(info.owner.toString(), k.Alice.address);
  assert.equal(info.tempo.toNumber(), 10);
  assert.equal(info.subnetworkN.toNumber(), m.hotkeys.length);
  assert.equal((await c.getSubnetsInfoV2()).filter((x) => x.isSome).length, (await c.getSubnetsInfo()).filter((x) => x.isSome).length);

  const h = (await c.getSubnetHyperparamsV2(1)).unwrap();
  assert.equal(h.tempo.toNumber(), 10);
  assert.equal(h.userLiquidityEnabled.isTrue, false);
  const v3 = (await c.getSubnetHyperparamsV3(1)).unwrap();
  const tempo = v3.find((e) => Buffer.from(e.name).toString() === 'tempo');
  assert.equal(tempo.value.isU16, true);
  assert.equal(tempo.value.asU16.toNumber(), 10);
  assert.equal((await c.getSubnetHyperparams(1)).unwrap().tempo.toNumber(), 10);

  const cost = (await apiAt.call.subnetRegistrationRuntimeApi.getNetworkRegistrationCost()).toBigInt();
  assert.ok(cost >= 1_000n * TAO);
});
