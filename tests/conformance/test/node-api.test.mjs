// @polkadot/api against `subtensor-node --dev`: connection, constants, storage, signed transfers through the pool
// to inBlock and finalized, subscriptions, error codes, HTTP batches, and a restart on the same base path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode } from '../lib/node.mjs';

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
let node;
let api;
let alice;
let basePath;

async function connect(url) {
  const a = await ApiPromise.create({ provider: new WsProvider(url, 1000), noInitWarn: true, throwOnConnect: true });
  await a.isReady;
  return a;
}

/** Sends and resolves with { blockHash, events } once the transaction is finalized; rejects on dispatch errors. */
function sendAndFinalize(tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    const seen = [];
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      seen.push(status.type);
      if (dispatchError) reject(new Error(`dispatch error ${dispatchError.toString()}`));
      if (status.isFinalized) resolve({ blockHash: status.asFinalized.toHex(), events, seen });
      if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`transaction ${status.type}`));
    }).catch(reject);
  });
}

before(async () => {
  await cryptoWaitReady();
  alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
  basePath = mkdtempSync(path.join(tmpdir(), 'subtensor-api-'));
  node = await startNode(['--dev', '--base-path', basePath, '--sealing', '500']);
  api = await connect(node.url);
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  rmSync(basePath, { recursive: true, force: true });
});

test('connects; chain properties and constants come from our metadata', async () => {
  assert.equal((await api.rpc.system.chain()).toString(), 'Bittensor');
  assert.equal(api.registry.chainSS58, 42);
  assert.deepEqual(api.registry.chainDecimals, [9]);
  assert.equal(api.runtimeVersion.specName.toString(), 'node-subtensor');
  assert.equal(api.consts.balances.existentialDeposit.toBigInt(), 500n);
  assert.equal(api.consts.system.ss58Prefix.toNumber(), 42);
  assert.ok(api.tx.balances.transferKeepAlive, 'transferKeepAlive is in the metadata');
  const genesis = await api.rpc.chain.getBlockHash(0);
  assert.equal(genesis.toHex(), api.genesisHash.toHex());
});

test('system.account(Alice) holds the genesis balance', async () => {
  const account = await api.query.system.account(alice.address);
  assert.equal(account.data.free.toBigInt(), 1_000_000_000_000_000n);
  const atGenesis = await api.query.system.account.at(await api.rpc.chain.getBlockHash(0), alice.address);
  assert.equal(atGenesis.data.free.toBigInt(), 1_000_000_000_000_000n);
});

test('chain.subscribeNewHeads yields consecutive block numbers', async () => {
  const numbers = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only got ${numbers}`)), 20_000);
    api.rpc.chain.subscribeNewHeads((header) => {
      numbers.push(header.number.toNumber());
      if (numbers.length === 4) { clearTimeout(timer); resolve(); }
    }).then((unsub) => { api._unsubHeads = unsub; });
  });
  api._unsubHeads?.();
  for (let i = 1; i < numbers.length; i++) assert.equal(numbers[i], numbers[i - 1] + 1, `heads ${numbers}`);
});

test('transferKeepAlive reaches inBlock and finalized; events, balances and nonce change as expected', async () => {
  const amount = 12_345_000_000n;
  const before = await api.query.system.account(alice.address);
  const bobBefore = (await api.query.system.account(BOB)).data.free.toBigInt();
  const tx = api.tx.balances.transferKeepAlive(BOB, amount);
  const info = await tx.paymentInfo(alice);
  const { blockHash, events, seen } = await sendAndFinalize(tx, alice);
  assert.ok(seen.includes('InBlock'), `statuses ${seen}`);
  assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));
  const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'Transfer event');
  assert.equal(transfer.event.data.to.toString(), BOB);
  assert.equal(transfer.event.data.amount.toBigInt(), amount);
  const feePaid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.ok(feePaid, 'TransactionFeePaid event');

  const after = await api.query.system.account.at(blockHash, alice.address);
  assert.equal(after.nonce.toNumber(), before.nonce.toNumber() + 1);
  assert.equal((await api.query.system.account.at(blockHash, BOB)).data.free.toBigInt(), bobBefore + amount);
  // Alice authors the dev chain, so the fee she pays comes back to her as the block author.
  assert.equal(after.data.free.toBigInt(), before.data.free.toBigInt() - amount);
  assert.ok(info.partialFee.toBigInt() > 0n);
  assert.equal(feePaid.event.data.actualFee.toBigInt(), info.partialFee.toBigInt());
});

test('a bad signature and a stale nonce are refused with Substrate codes', async () => {
  const tx = api.tx.balances.transferKeepAlive(BOB, 1_000_000n);
  const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  await tx.signAsync(alice, { nonce });
  const hex = tx.toHex();
  const tampered = hex.slice(0, 120) + (hex[120] === '0' ? '1' : '0') + hex.slice(121);
  await assert.rejects(api.rpc.author.submitExtrinsic(tampered), (e) => /1010/.test(e.message) && /bad signature/i.test(e.message));

  const stale = api.tx.balances.transferKeepAlive(BOB, 1_000_000n);
  await stale.signAsync(alice, { nonce: 0 });
  await assert.rejects(api.rpc.author.submitExtrinsic(stale.toHex()), (e) => /1010/.test(e.message) && /outdated/i.test(e.message));

  // Undecodable bytes, sent raw (polkadot.js would refuse to encode them): Substrate's bad-format codes.
  await assert.rejects(api._rpcCore.provider.send('author_submitExtrinsic', ['0x0c1234ff']), (e) => /1001|1040/.test(e.message));
});

test('an HTTP batch request is answered in order', async () => {
  const body = [
    { jsonrpc: '2.0', id: 1, method: 'system_chain', params: [] },
    { jsonrpc: '2.0', id: 2, method: 'chain_getBlockHash', params: [0] },
    { jsonrpc: '2.0', id: 3, method: 'no_such_method', params: [] },
  ];
  const r = await fetch(node.httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answers = await r.json();
  assert.equal(answers.length, 3);
  assert.equal(answers.find((a) => a.id === 1).result, 'Bittensor');
  assert.equal(answers.find((a) => a.id === 2).result, api.genesisHash.toHex());
  assert.equal(answers.find((a) => a.id === 3).error.code, -32601);
});

test('a restarted node continues from its best block with the same balances', async () => {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const bob = (await api.query.system.account(BOB)).data.free.toBigInt();
  await api.disconnect();
  await node.stop();
  node = await startNode(['--dev', '--base-path', basePath, '--sealing', '500']);
  api = await connect(node.url);
  const resumed = (await api.rpc.chain.getHeader()).number.toNumber();
  assert.ok(resumed >= best, `resumed at ${resumed}, was ${best}`);
  assert.ok((await api.rpc.chain.getBlockHash(best)).toHex() !== '0x0000000000000000000000000000000000000000000000000000000000000000');
  assert.equal((await api.query.system.account(BOB)).data.free.toBigInt(), bob);
});
