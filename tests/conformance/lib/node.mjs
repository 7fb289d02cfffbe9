// Helpers to locate and drive the subtensor-node binary from conformance tests.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Path of the published node (env SUBTENSOR_NODE overrides). */
export const nodeBinary = process.env.SUBTENSOR_NODE ?? path.resolve(here, '../../../artifacts/bin/subtensor-node');

/** Runs the node once with the given arguments; returns { status, stdout, stderr }. */
export function runNode(args, options = {}) {
  const r = spawnSync(nodeBinary, args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A long-lived `key oracle` process answering one JSON request per line. */
export class Oracle {
  constructor() {
    this.child = spawn(nodeBinary, ['key', 'oracle'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.pending = [];
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (line) => {
      const next = this.pending.shift();
      if (next) next.resolve(JSON.parse(line));
    });
    this.child.on('exit', (code) => {
      for (const p of this.pending.splice(0)) p.reject(new Error(`oracle exited with ${code}`));
    });
  }

  ask(request) {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin.write(JSON.stringify(request) + '\n');
    });
  }

  async close() {
    this.child.stdin.end();
    await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

/** A free loopback TCP port (bind to 0, read, close). */
export async function freePort() {
  const net = await import('node:net');
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `subtensor-node` with the given arguments plus an OS-chosen RPC port; resolves once its JSON-RPC answers.
 * Returns { child, port, url, httpUrl, stop(), logs() }.
 */
export async function startNode(args, { timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  const child = spawn(nodeBinary, [...args, '--rpc-port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node exited with ${child.exitCode}:\n${output}`);
    try {
      const r = await fetch(httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }) });
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`node did not start:\n${output}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child, port, httpUrl, url: `ws://127.0.0.1:${port}`,
    logs: () => output,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    }),
  };
}
