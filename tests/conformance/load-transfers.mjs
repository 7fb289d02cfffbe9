// Load test (run by hand: scripts/bench.sh load): N signed transfers from M accounts over WebSocket against
// `subtensor-node --dev --sealing <ms>`. Checks that every transfer is included exactly once with no nonce gaps and
// prints sustained transfers/s and p50/p99 submission-to-inBlock latency.
// Usage: node load-transfers.mjs [transfers=10000] [accounts=100] [sealingMs=6000]
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode } from './lib/node.mjs';

const total = Number(process.argv[2] ?? 10_000);
const accounts = Number(process.argv[3] ?? 100);
const sealing = String(process.argv[4] ?? 6000);
const perAccount = Math.ceil(total / accounts);
const connections = Math.ceil(total / 1000);

await cryptoWaitReady();
const node = await startNode(['--dev', '--tmp', '--sealing', sealing, '--pool-limit', String(total * 2), '--pool-kbytes', '200000', '--rpc-max-connections', '200']);
const apis = [];
try {
  for (let i = 0; i < connections; i++) {
    apis.push(await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true }));
  }
  const api = apis[0];
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const senders = Array.from({ length: accounts }, (_, i) => keyring.addFromUri(`//Alice//load//${i}`));
  const dest = keyring.addFromUri('//Bob').address;

  // Fund the senders in one batch and wait until it is final.
  await new Promise((resolve, reject) => {
    api.tx.utility.batchAll(senders.map((s) => api.tx.balances.transferKeepAlive(s.address, 1_000_000_000_000n)))
      .signAndSend(alice, ({ status, dispatchError }) => {
        if (dispatchError) reject(new Error(dispatchError.toString()));
        if (status.isFinalized) resolve();
      }).catch(reject);
  });
  console.log(`funded ${accounts} accounts; signing ${perAccount * accounts} transfers`);

  const txs = [];
  for (const sender of senders) {
    for (let n = 0; n < perAccount && txs.length < total; n++) {
      const tx = api.tx.balances.transferKeepAlive(dest, 1_000_000n + BigInt(txs.length));
      await tx.signAsync(sender, { nonce: n, era: 0 });
      txs.push({ hex: tx.toHex(), sender: sender.address, nonce: n });
    }
  }

  console.log(`submitting ${txs.length} transfers over ${connections} connections`);
  const latencies = [];
  const included = new Map();
  const started = performance.now();
  let firstInBlock = Infinity;
  let lastInBlock = 0;
  await Promise.all(txs.map((t, i) => new Promise((resolve, reject) => {
    const a = apis[i % apis.length];
    const sentAt = performance.now();
    a.rpc.author.submitAndWatchExtrinsic(t.hex, (status) => {
      if (status.isInBlock) {
        const now = performance.now();
        latencies.push(now - sentAt);
        firstInBlock = Math.min(firstInBlock, now);
        lastInBlock = Math.max(lastInBlock, now);
        included.set(i, status.asInBlock.toHex());
        resolve();
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        reject(new Error(`tx ${i} (nonce ${t.nonce}) ${status.type}`));
      }
    }).catch(reject);
  })));
  const elapsed = (lastInBlock - started) / 1000;

  // Every transfer exactly once: count them in the blocks they landed in, and check the final nonces.
  const blocks = [...new Set(included.values())];
  let counted = 0;
  for (const hash of blocks) {
    const block = await api.rpc.chain.getBlock(hash);
    counted += block.block.extrinsics.filter((x) => x.isSigned && x.method.section === 'balances').length;
  }
  if (counted !== txs.length) throw new Error(`counted ${counted} transfers in blocks, expected ${txs.length}`);
  for (const sender of senders) {
    const nonce = (await api.query.system.account(sender.address)).nonce.toNumber();
    if (nonce !== perAccount) throw new Error(`nonce gap: ${sender.address} at ${nonce}, expected ${perAccount}`);
  }
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  console.log(JSON.stringify({
    transfers: txs.length, blocks: blocks.length, seconds: +elapsed.toFixed(2),
    tps: +(txs.length / elapsed).toFixed(1),
    inclusionWindowSeconds: +((lastInBlock - firstInBlock) / 1000).toFixed(2),
    p50InBlockMs: Math.round(q(0.5)), p99InBlockMs: Math.round(q(0.99)),
  }));
} finally {
  for (const a of apis) await a.disconnect();
  await node.stop();
}
