// js-libp2p (TCP + Noise + Yamux + identify + ping) against the real `subtensor-node` binary, both directions:
// js dials our node's p2p port; and our node dials js (given as a reserved node), js identifies and pings it on that connection.

// js-libp2p 3 calls Promise.withResolvers, which Node 20 lacks.
Promise.withResolvers ??= function () { let resolve, reject; const promise = new Promise((res, rej) => { resolve = res; reject = rej }); return { promise, resolve, reject } }

import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { multiaddr } from '@multiformats/multiaddr'
import { startNode } from '../lib/node.mjs'

const NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001'
const NODE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp'
const cleanup = []

after(async () => {
  for (const c of cleanup.reverse()) await c()
})

function withTimeout (promise, ms, what) {
  let timer
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms) })
  ])
}

async function rpc (node, method, params = []) {
  const r = await fetch(node.httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })
  const body = await r.json()
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.result
}

async function startOurNode (extra = []) {
  const basePath = mkdtempSync(path.join(tmpdir(), 'subtensor-libp2p-'))
  const node = await startNode(['--chain', 'local', '--base-path', basePath, '--node-key', NODE_KEY, '--listen-addr', '/ip4/127.0.0.1/tcp/0', ...extra])
  cleanup.push(async () => { await node.stop(); rmSync(basePath, { recursive: true, force: true }) })
  return node
}

function jsNode (listen) {
  return createLibp2p({
    addresses: { listen: listen ? ['/ip4/127.0.0.1/tcp/0'] : [] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), ping: ping() }
  })
}

function assertOurIdentify (info, genesis) {
  assert.equal(info.peerId.toString(), NODE_PEER_ID)
  assert.match(info.agentVersion, /^Subtensor\.NET\/v[\d.]+/)
  assert.equal(info.protocolVersion, '/substrate/1.0')
  for (const p of ['/ipfs/ping/1.0.0', '/ipfs/id/1.0.0', `/${genesis.slice(2)}/block-announces/1`, `/${genesis.slice(2)}/sync/2`, `/${genesis.slice(2)}/kad`, '/bittensor/block-announces/1']) {
    assert.ok(info.protocols.includes(p), `missing ${p} in ${info.protocols}`)
  }
}

test('js-libp2p dials subtensor-node: noise + yamux, identify, ping', async () => {
  const ours = await startOurNode()
  const genesis = await rpc(ours, 'chain_getBlockHash', [0])
  const addresses = await rpc(ours, 'system_localListenAddresses')
  const address = addresses.find(a => a.startsWith('/ip4/127.0.0.1/'))
  assert.ok(address?.endsWith(`/p2p/${NODE_PEER_ID}`), `listen addresses: ${addresses}`)

  const node = await jsNode(false)
  cleanup.push(() => node.stop())
  const identified = new Promise(resolve => node.addEventListener('peer:identify', evt => resolve(evt.detail)))
  const connection = await withTimeout(node.dial(multiaddr(address)), 15000, 'js dial')
  assert.equal(connection.remotePeer.toString(), NODE_PEER_ID)
  assert.equal(connection.encryption, '/noise')
  assert.equal(connection.multiplexer, '/yamux/1.0.0')
  assertOurIdentify(await withTimeout(identified, 15000, 'identify of subtensor-node'), genesis)
  for (let i = 0; i < 3; i++) {
    assert.equal(typeof await withTimeout(node.services.ping.ping(connection.remotePeer), 10000, 'ping'), 'number')
  }
})

test('subtensor-node dials js-libp2p (a reserved node): noise + yamux, identify, ping', async () => {
  const node = await jsNode(true)
  cleanup.push(() => node.stop())
  const inbound = new Promise(resolve => node.addEventListener('connection:open', evt => {
    if (evt.detail.remotePeer.toString() === NODE_PEER_ID) resolve(evt.detail)
  }))
  const identified = new Promise(resolve => node.addEventListener('peer:identify', evt => {
    if (evt.detail.peerId.toString() === NODE_PEER_ID) resolve(evt.detail)
  }))
  const jsAddress = node.getMultiaddrs()[0].toString()
  const ours = await startOurNode(['--reserved-nodes', jsAddress])
  const genesis = await rpc(ours, 'chain_getBlockHash', [0])

  const connection = await withTimeout(inbound, 30000, 'connection from subtensor-node')
  assert.equal(connection.direction, 'inbound')
  assert.equal(connection.encryption, '/noise')
  assert.equal(connection.multiplexer, '/yamux/1.0.0')
  assertOurIdentify(await withTimeout(identified, 15000, 'identify of subtensor-node'), genesis)
  for (let i = 0; i < 3; i++) {
    assert.equal(typeof await withTimeout(node.services.ping.ping(connection.remotePeer), 10000, 'ping'), 'number')
  }
  // js speaks none of Substrate's protocols, so it is no sync peer; the node stays healthy.
  const health = await rpc(ours, 'system_health')
  assert.equal(health.peers, 0)
})
