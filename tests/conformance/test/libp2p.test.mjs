// js-libp2p (TCP + Noise + Yamux + identify + ping) against our libp2p host, in both directions.
// Our side is tests/Subtensor.Network.InteropHost (built here unless SUBTENSOR_INTEROP_HOST points at its dll).

// js-libp2p 3 calls Promise.withResolvers, which Node 20 lacks.
Promise.withResolvers ??= function () { let resolve, reject; const promise = new Promise((res, rej) => { resolve = res; reject = rej }); return { promise, resolve, reject } }

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, execFileSync } from 'node:child_process'
import { createInterface } from 'node:readline'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { generateKeyPairFromSeed } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../../..')
const project = path.join(repo, 'tests/Subtensor.Network.InteropHost/Subtensor.Network.InteropHost.csproj')
let hostDll = process.env.SUBTENSOR_INTEROP_HOST ?? path.join(repo, 'tests/Subtensor.Network.InteropHost/bin/Release/net10.0/Subtensor.Network.InteropHost.dll')

// Substrate's well-known "alice" node key and its peer id (as printed by polkadot-sdk nodes started with --node-key ...01).
const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001'
const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp'

const children = []

function withTimeout (promise, ms, what) {
  let timer
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms) })
  ])
}

function startOurs (args) {
  const child = spawn('dotnet', [hostDll, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  children.push(child)
  const lines = []
  const waiters = []
  let stderr = ''
  child.stderr.on('data', d => { stderr += d })
  createInterface({ input: child.stdout }).on('line', line => {
    lines.push(line)
    for (const w of [...waiters]) {
      if (w.match(line)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(line) }
    }
  })
  const exited = new Promise(resolve => child.on('exit', code => resolve(code)))
  return {
    child,
    exited,
    stderr: () => stderr,
    waitLine (prefix, ms = 20000) {
      const found = lines.find(l => l.startsWith(prefix))
      if (found) return Promise.resolve(found)
      return withTimeout(new Promise(resolve => waiters.push({ match: l => l.startsWith(prefix), resolve })), ms, `line '${prefix}' from our host; stderr:\n${stderr}`)
    }
  }
}

const ECHO = '/subtensor-interop/echo/1.0.0'
const ECHO_BYTES = 4 * 1024 * 1024

// Echo handler in the style of @libp2p/ping: send back every chunk, honouring back-pressure, then close.
async function serveEcho (stream) {
  for await (const buf of stream) {
    if (!stream.send(buf)) await new Promise(resolve => stream.addEventListener('drain', resolve, { once: true }))
  }
  await stream.close()
}

// Sends ECHO_BYTES through our echo protocol while reading the echo, and checks it.
async function echoThrough (node, peer) {
  const data = new Uint8Array(ECHO_BYTES)
  for (let i = 0; i < data.length; i += 65536) crypto.getRandomValues(data.subarray(i, Math.min(i + 65536, data.length)))
  const stream = await node.dialProtocol(peer, ECHO)
  const reading = (async () => {
    const chunks = []
    let total = 0
    for await (const buf of stream) {
      const bytes = buf.subarray()
      chunks.push(bytes)
      total += bytes.byteLength
    }
    return Buffer.concat(chunks, total)
  })()
  for (let i = 0; i < data.length; i += 100000) {
    if (!stream.send(data.subarray(i, Math.min(i + 100000, data.length)))) {
      await new Promise(resolve => stream.addEventListener('drain', resolve, { once: true }))
    }
  }
  await stream.close()
  const echoed = await reading
  assert.equal(echoed.length, data.length)
  assert.ok(Buffer.from(data).equals(echoed), 'echoed data differs')
}

async function createJsNode (listen) {
  return createLibp2p({
    addresses: { listen: listen ? ['/ip4/127.0.0.1/tcp/0'] : [] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), ping: ping() }
  }).then(async node => {
    await node.handle(ECHO, serveEcho)
    return node
  })
}

before(async () => {
  if (!process.env.SUBTENSOR_INTEROP_HOST) {
    execFileSync('dotnet', ['build', project, '-c', 'Release', '--nologo', '--verbosity', 'quiet'], { stdio: 'inherit' })
  }
  assert.ok(existsSync(hostDll), `interop host not found at ${hostDll}`)
})

after(() => {
  for (const c of children) {
    if (c.exitCode === null) c.kill()
  }
})

test('peer id of a known node key matches js-libp2p', async () => {
  const key = await generateKeyPairFromSeed('Ed25519', Buffer.from(ALICE_NODE_KEY, 'hex'))
  assert.equal(peerIdFromPrivateKey(key).toString(), ALICE_PEER_ID)
  const ours = startOurs(['listen', '--key', ALICE_NODE_KEY])
  const line = await ours.waitLine('LISTEN ')
  assert.match(line, new RegExp(`/p2p/${ALICE_PEER_ID}$`))
  ours.child.stdin.end()
  assert.equal(await withTimeout(ours.exited, 15000, 'listener exit'), 0)
})

test('js-libp2p dials our node: noise + yamux, identify, ping', async () => {
  const ours = startOurs(['listen'])
  const address = (await ours.waitLine('LISTEN ')).slice('LISTEN '.length)
  const node = await createJsNode(false)
  try {
    const identified = new Promise(resolve => node.addEventListener('peer:identify', evt => resolve(evt.detail)))
    const connection = await withTimeout(node.dial(multiaddr(address)), 15000, 'js dial')
    assert.equal(connection.remotePeer.toString(), address.split('/p2p/')[1])
    assert.equal(connection.encryption, '/noise')
    assert.equal(connection.multiplexer, '/yamux/1.0.0')

    const info = await withTimeout(identified, 15000, 'identify of our node')
    assert.equal(info.peerId.toString(), connection.remotePeer.toString())
    assert.equal(info.agentVersion, 'Subtensor.NET/0.1.0')
    assert.equal(info.protocolVersion, '/substrate/1.0')
    assert.ok(info.protocols.includes('/ipfs/ping/1.0.0'), `protocols: ${info.protocols}`)
    assert.ok(info.protocols.includes('/ipfs/id/1.0.0'), `protocols: ${info.protocols}`)
    assert.ok(info.listenAddrs.some(a => address.startsWith(a.toString())), `listenAddrs: ${info.listenAddrs}`)

    for (let i = 0; i < 3; i++) {
      const rtt = await withTimeout(node.services.ping.ping(connection.remotePeer), 10000, 'js ping')
      assert.equal(typeof rtt, 'number')
    }

    // 4 MiB each way: window updates and back-pressure against js-libp2p's yamux.
    await withTimeout(echoThrough(node, connection.remotePeer), 30000, 'echo through our node')

    // Our listener also identifies and pings the js node on the same connection (and echoes through its echo handler).
    const report = JSON.parse((await ours.waitLine('REPORT ')).slice('REPORT '.length))
    assert.equal(report.error, undefined, `our side failed: ${report.error}`)
    assert.equal(report.peer, node.peerId.toString())
    assert.equal(report.identifiedPeer, node.peerId.toString())
    assert.match(report.agentVersion, /js-libp2p/)
    assert.ok(report.protocols.includes('/ipfs/ping/1.0.0'))
    assert.equal(report.pingMs.length, 3)
    assert.equal(report.echoBytes, ECHO_BYTES)
  } finally {
    await node.stop()
    ours.child.stdin.end()
  }
  assert.equal(await withTimeout(ours.exited, 15000, 'listener exit'), 0)
})

test('our node dials js-libp2p: noise + yamux, identify, ping', async () => {
  const node = await createJsNode(true)
  try {
    const connected = new Promise(resolve => node.addEventListener('peer:identify', evt => resolve(evt.detail)))
    const address = node.getMultiaddrs()[0].toString()
    assert.match(address, /\/p2p\//)
    const ours = startOurs(['dial', address])
    const report = JSON.parse((await ours.waitLine('REPORT ')).slice('REPORT '.length))
    assert.equal(await withTimeout(ours.exited, 15000, 'dialer exit'), 0, ours.stderr())
    assert.equal(report.peer, node.peerId.toString())
    assert.equal(report.identifiedPeer, node.peerId.toString())
    assert.match(report.agentVersion, /js-libp2p/)
    assert.ok(report.protocols.includes('/ipfs/id/1.0.0'))
    assert.ok(report.listenAddrs.includes(address.split('/p2p/')[0]), `listenAddrs: ${report.listenAddrs}`)
    assert.match(report.observedAddr, /^\/ip4\/127\.0\.0\.1\/tcp\/\d+(\/p2p\/12D3KooW\w+)?$/)
    assert.equal(report.pingMs.length, 3)
    assert.equal(report.echoBytes, ECHO_BYTES)

    // js-libp2p identified us over the connection we opened.
    const info = await withTimeout(connected, 15000, 'js identify of our node')
    assert.equal(info.agentVersion, 'Subtensor.NET/0.1.0')
  } finally {
    await node.stop()
  }
})

test('our node refuses a js peer whose identity differs from the /p2p/ id it dialed', async () => {
  const node = await createJsNode(true)
  try {
    const address = node.getMultiaddrs()[0].toString().split('/p2p/')[0] + '/p2p/' + ALICE_PEER_ID
    const ours = startOurs(['dial', address])
    assert.equal(await withTimeout(ours.exited, 20000, 'dialer exit'), 1)
    assert.match(ours.stderr(), /noise: dialed .* but the remote is/)
  } finally {
    await node.stop()
  }
})
