// The Subtensor economy through @polkadot/api on `subtensor-node --dev --tmp --sealing 1000`: a subnet registered and
// started, neurons registered by burning, stake added from several coldkeys with and without limit prices, moved,
// swapped, transferred and removed. Events and storage (SubnetTAO, SubnetAlphaIn, SubnetAlphaOut, TotalHotkeyAlpha,
// balances) change exactly as SwapRuntimeApi predicts at the parent block; bad input ends in Subtensor's error with
// the pools untouched and only the transaction fee paid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { bnToU8a, u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';
import { nodeBinary, startNode } from '../lib/node.mjs';
import { submitInBlock } from '../lib/extrinsics.mjs';

const TAO = 1_000_000_000n;
const skip = existsSync(nodeBinary) ? false : `no node binary at ${nodeBinary} (set SUBTENSOR_NODE)`;

let node;
let api;
let k; // keys by name
let netuid;

/**
 * Signs and sends; resolves once in a block with { blockHash, parentHash, events, error, fee } where error is null on
 * success and fee is what TransactionFeePaid says the signer paid.
 */
async function send(tx, signer) {
  const r = await submitInBlock(api, tx, signer);
  const header = await api.rpc.chain.getHeader(r.blockHash);
  const paid = r.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  r.parentHash = header.parentHash.toHex();
  r.fee = paid ? paid.event.data.actualFee.toBigInt() + paid.event.data.tip.toBigInt() : 0n;
  return r;
}

async function ok(tx, signer) {
  const r = await send(tx, signer);
  assert.equal(r.error, null, `${tx.method.section}.${tx.method.method} failed`);
  return r;
}

function event(r, section, name) {
  const found = r.events.filter(({ event: e }) => api.events[section][name].is(e)).map(({ event: e }) => e);
  assert.ok(found.length > 0, `no ${section}.${name} in ${r.events.map(({ event: e }) => `${e.section}.${e.method}`)}`);
  return found[found.length - 1];
}

const u16 = (v) => bnToU8a(v, { bitLength: 16 });
const u64 = (v) => bnToU8a(v, { bitLength: 64 });

/** Calls a runtime API at a block and returns its raw bytes. */
async function stateCall(method, args, at) {
  return hexToU8a((await api.rpc.state.call(method, u8aToHex(args), at)).toHex());
}

function readU64s(bytes, count) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: count }, (_, i) => view.getBigUint64(i * 8, true));
}

/** SwapRuntimeApi sim as { taoAmount, alphaAmount, taoFee, alphaFee, taoSlippage, alphaSlippage }. */
async function sim(direction, n, amount, at) {
  const method = direction === 'buy' ? 'SwapRuntimeApi_sim_swap_tao_for_alpha' : 'SwapRuntimeApi_sim_swap_alpha_for_tao';
  const [taoAmount, alphaAmount, taoFee, alphaFee, taoSlippage, alphaSlippage] = readU64s(await stateCall(method, u8aConcat(u16(n), u64(amount)), at), 6);
  return { taoAmount, alphaAmount, taoFee, alphaFee, taoSlippage, alphaSlippage };
}

async function price(n, at) {
  return readU64s(await stateCall('SwapRuntimeApi_current_alpha_price', u16(n), at), 1)[0];
}

/** Pool and stake storage of subnet n (and the given hotkeys' TotalHotkeyAlpha) at a block. */
async function pool(n, at, hotkeys = []) {
  const q = api.query.subtensorModule;
  const [tao, alphaIn, alphaOut] = await Promise.all([q.subnetTAO.at(at, n), q.subnetAlphaIn.at(at, n), q.subnetAlphaOut.at(at, n)]);
  const hot = await Promise.all(hotkeys.map((h) => q.totalHotkeyAlpha.at(at, h, n)));
  return { tao: tao.toBigInt(), alphaIn: alphaIn.toBigInt(), alphaOut: alphaOut.toBigInt(), hot: hot.map((h) => h.toBigInt()) };
}

async function free(address, at) {
  return (await api.query.system.account.at(at, address)).data.free.toBigInt();
}

/** Asserts that a failed call changed no pool or stake storage and cost the signer exactly its fee. */
async function assertUnchanged(r, signer, n, hotkeys) {
  assert.deepEqual(await pool(n, r.blockHash, hotkeys), await pool(n, r.parentHash, hotkeys));
  assert.equal(await free(signer.address, r.blockHash), (await free(signer.address, r.parentHash)) - r.fee);
}

before(async () => {
  if (skip) return;
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'BobHot', 'CharlieHot'].map((s) => [s, keyring.addFromUri(`//${s}`)]));
  node = await startNode(['--dev', '--tmp', '--sealing', '1000']);
  api = await ApiPromise.create({ provider: new WsProvider(node.url, 1000), noInitWarn: true, throwOnConnect: true });
  await api.isReady;
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

test('register_network charges the lock cost, seeds the pool and makes the owner hotkey UID 0; start_call starts it', { skip }, async () => {
  const sudo = await ok(api.tx.sudo.sudo(api.tx.adminUtils.sudoSetNetworkRateLimit(0)), k.Alice);
  assert.ok(event(sudo, 'sudo', 'Sudid').data[0].isOk);

  const cost = readU64s(await stateCall('SubnetRegistrationRuntimeApi_get_network_registration_cost', new Uint8Array(), sudo.blockHash), 1)[0];
  assert.ok(cost >= 1_000n * TAO, `lock cost ${cost}`);
  const r = await ok(api.tx.subtensorModule.registerNetwork(k.BobHot.address), k.Bob);
  netuid = event(r, 'subtensorModule', 'NetworkAdded').data[0].toNumber();
  assert.ok(netuid >= 2);
  assert.equal(await free(k.Bob.address, r.blockHash), (await free(k.Bob.address, r.parentHash)) - cost - r.fee);

  const q = api.query.subtensorModule;
  const at = r.blockHash;
  assert.equal((await q.networksAdded.at(at, netuid)).isTrue, true);
  assert.equal((await q.subnetOwner.at(at, netuid)).toString(), k.Bob.address);
  assert.equal((await q.subnetOwnerHotkey.at(at, netuid)).toString(), k.BobHot.address);
  assert.equal((await q.uids.at(at, netuid, k.BobHot.address)).unwrap().toNumber(), 0);
  assert.equal((await q.subnetLocked.at(at, netuid)).toBigInt(), cost);
  assert.equal((await q.subnetMechanism.at(at, netuid)).toNumber(), 1);
  const p = await pool(netuid, at);
  assert.equal(p.tao, cost, 'the whole lock stays in the pool');
  assert.equal(p.alphaOut, 0n);
  assert.ok(p.alphaIn > 0n);
  // Emission stays off until start_call.
  assert.equal((await q.firstEmissionBlockNumber.at(at, netuid)).isNone, true);

  const s = await ok(api.tx.subtensorModule.startCall(netuid), k.Bob);
  const started = event(s, 'subtensorModule', 'FirstEmissionBlockNumberSet');
  assert.equal(started.data[0].toNumber(), netuid);
  assert.equal((await q.firstEmissionBlockNumber.at(s.blockHash, netuid)).unwrap().toBigInt(), started.data[1].toBigInt());
  assert.equal((await q.subtokenEnabled.at(s.blockHash, netuid)).isTrue, true);
});

test('burned_register burns the current price and registers at the next UID; registering twice fails', { skip }, async () => {
  const q = api.query.subtensorModule;
  const r = await ok(api.tx.subtensorModule.burnedRegister(netuid, k.CharlieHot.address), k.Charlie);
  // The price decays in on_initialize of the inclusion block, so the burn is read from RAORecycledForRegistration.
  const recycled = q[Object.keys(q).find((name) => name.toLowerCase() === 'raorecycledforregistration')];
  const burn = (await recycled.at(r.blockHash, netuid)).toBigInt() - (await recycled.at(r.parentHash, netuid)).toBigInt();
  assert.ok(burn > 0n);
  const registered = event(r, 'subtensorModule', 'NeuronRegistered');
  assert.equal(registered.data[0].toNumber(), netuid);
  assert.equal(registered.data[1].toNumber(), 1);
  assert.equal(registered.data[2].toString(), k.CharlieHot.address);
  assert.equal(await free(k.Charlie.address, r.blockHash), (await free(k.Charlie.address, r.parentHash)) - burn - r.fee);
  assert.equal((await q.subnetworkN.at(r.blockHash, netuid)).toNumber(), 2);
  assert.ok((await q.burn.at(r.blockHash, netuid)).toBigInt() >= burn, 'the price rises after a registration');

  const again = await send(api.tx.subtensorModule.burnedRegister(netuid, k.CharlieHot.address), k.Charlie);
  assert.equal(again.error, 'subtensorModule.HotKeyAlreadyRegisteredInSubNet');
  // The subnet still emits here (the coinbase moves its pool every block), so the registry and the fee are checked.
  assert.equal((await q.subnetworkN.at(again.blockHash, netuid)).toNumber(), 2);
  assert.equal((await recycled.at(again.blockHash, netuid)).toBigInt(), (await recycled.at(again.parentHash, netuid)).toBigInt());
  assert.equal(await free(k.Charlie.address, again.blockHash), (await free(k.Charlie.address, again.parentHash)) - again.fee);
});

test('add_stake from several coldkeys moves every reserve exactly as sim_swap_tao_for_alpha predicts', { skip }, async () => {
  // The per-block coinbase injects TAO and alpha into every emitting subnet before the block's extrinsics run. Closing
  // registration takes this subnet out of the emitting set, so from here on only the extrinsics move its reserves and
  // each block's change can be predicted exactly from its parent.
  const closed = await ok(api.tx.sudo.sudo(api.tx.adminUtils.sudoSetNetworkRegistrationAllowed(netuid, false)), k.Alice);
  assert.ok(event(closed, 'sudo', 'Sudid').data[0].isOk);
  const quiet = await ok(api.tx.system.remark('0x00'), k.Alice);
  assert.deepEqual(await pool(netuid, quiet.blockHash), await pool(netuid, quiet.parentHash), 'no coinbase on a closed subnet');
  for (const [signer, amount] of [[k.Dave, 100n * TAO], [k.Eve, 50n * TAO], [k.Ferdie, 20n * TAO]]) {
    const r = await ok(api.tx.subtensorModule.addStake(k.BobHot.address, netuid, amount), signer);
    const predicted = await sim('buy', netuid, amount, r.parentHash);
    const added = event(r, 'subtensorModule', 'StakeAdded');
    assert.equal(added.data[0].toString(), signer.address);
    assert.equal(added.data[1].toString(), k.BobHot.address);
    assert.equal(added.data[2].toBigInt(), amount);
    assert.equal(added.data[3].toBigInt(), predicted.alphaAmount);
    assert.equal(added.data[4].toNumber(), netuid);
    assert.equal(added.data[5].toBigInt(), predicted.taoFee);
    assert.equal(predicted.taoFee, amount * 33n / 65535n, 'the default 33/65535 fee');

    const before = await pool(netuid, r.parentHash, [k.BobHot.address]);
    const afterState = await pool(netuid, r.blockHash, [k.BobHot.address]);
    assert.equal(afterState.tao, before.tao + predicted.taoAmount);
    assert.equal(afterState.alphaIn, before.alphaIn - predicted.alphaAmount);
    assert.equal(afterState.alphaOut, before.alphaOut + predicted.alphaAmount);
    assert.equal(afterState.hot[0], before.hot[0] + predicted.alphaAmount);
    assert.equal(await free(signer.address, r.blockHash), (await free(signer.address, r.parentHash)) - amount - r.fee);
  }
});

test('limit prices: a partial fill stops at the limit, an all-or-nothing order beyond it fails with SlippageTooHigh', { skip }, async () => {
  const head = (await api.rpc.chain.getHeader()).hash.toHex();
  const limit = (await price(netuid, head)) * 101n / 100n;
  const want = 500n * TAO;
  const r = await ok(api.tx.subtensorModule.addStakeLimit(k.BobHot.address, netuid, want, limit, true), k.Eve);
  const staked = event(r, 'subtensorModule', 'StakeAdded').data[2].toBigInt();
  assert.ok(staked > 0n && staked < want, `partial fill ${staked}`);
  const after = await price(netuid, r.blockHash);
  assert.ok(after <= limit && after * 1000n >= limit * 999n, `price ${after} vs limit ${limit}`);
  assert.equal(await free(k.Eve.address, r.blockHash), (await free(k.Eve.address, r.parentHash)) - staked - r.fee);

  const tight = after + after / 1000n;
  const refused = await send(api.tx.subtensorModule.addStakeLimit(k.BobHot.address, netuid, 200n * TAO, tight, false), k.Eve);
  assert.equal(refused.error, 'subtensorModule.SlippageTooHigh');
  await assertUnchanged(refused, k.Eve, netuid, [k.BobHot.address]);

  // Selling down to 99 % of the price with a partial fill.
  const floor = after * 99n / 100n;
  const held = (await api.query.subtensorModule.totalHotkeyAlpha(k.BobHot.address, netuid)).toBigInt();
  const s = await ok(api.tx.subtensorModule.removeStakeLimit(k.BobHot.address, netuid, held / 4n, floor, true), k.Eve);
  const removed = event(s, 'subtensorModule', 'StakeRemoved');
  assert.ok(removed.data[3].toBigInt() <= held / 4n);
  // The sale itself stops at the limit; the alpha fee sold afterwards for the author moves the price a hair further.
  const sold = await price(netuid, s.blockHash);
  assert.ok(sold < after && sold * 1000n >= floor * 999n, `price ${sold} vs floor ${floor}`);
});

test('move, transfer, swap and unstake keep the books', { skip }, async () => {
  const q = api.query.subtensorModule;
  const hot = [k.BobHot.address, k.CharlieHot.address];

  // move_stake within the subnet: alpha changes hotkey, the pool is not touched.
  const moveAlpha = 1_000n * 1_000_000n;
  const m = await ok(api.tx.subtensorModule.moveStake(k.BobHot.address, k.CharlieHot.address, netuid, netuid, moveAlpha), k.Dave);
  event(m, 'subtensorModule', 'StakeMoved');
  const [mb, ma] = [await pool(netuid, m.parentHash, hot), await pool(netuid, m.blockHash, hot)];
  assert.equal(ma.tao, mb.tao);
  assert.equal(ma.alphaIn, mb.alphaIn);
  assert.equal(ma.hot[0], mb.hot[0] - moveAlpha);
  assert.equal(ma.hot[1], mb.hot[1] + moveAlpha);

  // transfer_stake to Ferdie: ownership changes, the hotkey's pool does not.
  const t = await ok(api.tx.subtensorModule.transferStake(k.Ferdie.address, k.BobHot.address, netuid, netuid, moveAlpha), k.Dave);
  event(t, 'subtensorModule', 'StakeTransferred');
  assert.deepEqual(await pool(netuid, t.blockHash, hot), await pool(netuid, t.parentHash, hot));

  // swap_stake to subnet 1: sold on this subnet, bought on subnet 1.
  const sw = await ok(api.tx.subtensorModule.swapStake(k.CharlieHot.address, netuid, 1, moveAlpha / 2n), k.Dave);
  event(sw, 'subtensorModule', 'StakeSwapped');
  const sell = await sim('sell', netuid, moveAlpha / 2n, sw.parentHash);
  const [sb, sa] = [await pool(netuid, sw.parentHash, hot), await pool(netuid, sw.blockHash, hot)];
  assert.equal(sa.hot[1], sb.hot[1] - moveAlpha / 2n);
  // The alpha fee is sold fee-less into the same pool for the block author, so the whole input lands in SubnetAlphaIn.
  assert.equal(sa.alphaIn, sb.alphaIn + sell.alphaAmount + sell.alphaFee);
  assert.equal(sell.alphaAmount + sell.alphaFee, moveAlpha / 2n);
  assert.ok(sa.tao < sb.tao);
  assert.ok((await q.subnetTAO.at(sw.blockHash, 1)).toBigInt() > (await q.subnetTAO.at(sw.parentHash, 1)).toBigInt());

  // remove_stake: Ferdie sells what Dave transferred; TAO out as sim_swap_alpha_for_tao predicts.
  const r = await ok(api.tx.subtensorModule.removeStake(k.BobHot.address, netuid, moveAlpha), k.Ferdie);
  const predicted = await sim('sell', netuid, moveAlpha, r.parentHash);
  const removed = event(r, 'subtensorModule', 'StakeRemoved');
  assert.equal(removed.data[2].toBigInt(), predicted.taoAmount);
  assert.equal(removed.data[3].toBigInt(), predicted.alphaAmount);
  assert.equal(removed.data[5].toBigInt(), predicted.alphaFee);
  assert.equal(await free(k.Ferdie.address, r.blockHash), (await free(k.Ferdie.address, r.parentHash)) + predicted.taoAmount - r.fee);
  const [rb, ra] = [await pool(netuid, r.parentHash, hot), await pool(netuid, r.blockHash, hot)];
  assert.equal(ra.hot[0], rb.hot[0] - moveAlpha);
  assert.ok(ra.tao < rb.tao - predicted.taoAmount + 1n, 'the pool paid out the TAO (and the author fee)');

  // unstake_all: nothing of Dave's stays on BobHot.
  const u = await ok(api.tx.subtensorModule.unstakeAll(k.BobHot.address), k.Dave);
  event(u, 'subtensorModule', 'StakeRemoved');
  const share = await api.query.subtensorModule.alphaV2.at(u.blockHash, k.BobHot.address, k.Dave.address, netuid);
  assert.equal(share.mantissa.toBigInt(), 0n);
});

test('bad input ends in Subtensor errors with the pools untouched and only the fee paid', { skip }, async () => {
  const hot = [k.BobHot.address];
  const held = (await api.query.subtensorModule.totalHotkeyAlpha(k.BobHot.address, netuid)).toBigInt();

  // remove_stake caps the amount at the stake held (fees may have been paid in alpha); the limit variant does not.
  const tooMuch = await send(api.tx.subtensorModule.removeStakeLimit(k.BobHot.address, netuid, held + 1n, 1_000n, false), k.Eve);
  assert.equal(tooMuch.error, 'subtensorModule.NotEnoughStakeToWithdraw');
  await assertUnchanged(tooMuch, k.Eve, netuid, hot);

  const tiny = await send(api.tx.subtensorModule.addStake(k.BobHot.address, netuid, 1_000n), k.Eve);
  assert.equal(tiny.error, 'subtensorModule.AmountTooLow');
  await assertUnchanged(tiny, k.Eve, netuid, hot);

  const noSubnet = await send(api.tx.subtensorModule.addStake(k.BobHot.address, 999, 10n * TAO), k.Eve);
  assert.equal(noSubnet.error, 'subtensorModule.SubnetNotExists');

  // An owner hyperparameter: the owner may set it, anyone else gets BadOrigin.
  const q = api.query.subtensorModule;
  const stranger = await send(api.tx.adminUtils.sudoSetServingRateLimit(netuid, 7), k.Dave);
  assert.equal(stranger.error, 'BadOrigin');
  assert.equal((await q.servingRateLimit.at(stranger.blockHash, netuid)).toBigInt(), (await q.servingRateLimit.at(stranger.parentHash, netuid)).toBigInt());
  const owner = await ok(api.tx.adminUtils.sudoSetServingRateLimit(netuid, 7), k.Bob);
  assert.equal((await q.servingRateLimit.at(owner.blockHash, netuid)).toBigInt(), 7n);
  event(owner, 'subtensorModule', 'ServingRateLimitSet');
});
