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
