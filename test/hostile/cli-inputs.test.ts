// The catalogue's cases about the command itself (folders, --output, options, servers), through the
// built bin as CI runs it: the exit code, the message, no internal error, no control sequence, and
// whatever the case checks afterwards (a manifest left as it was, a device still a device).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../cli/run-bin.js';
import { type BinCase, CATALOGUE, type HostileCase, IS_ROOT, prepareCase } from './catalogue.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'icp-hostile-cli-'));
// An unprivileged user must be able to reach the case folders.
chmodSync(root, 0o755);
afterAll(() => {
  // Folders made unreadable on purpose are opened up again so that they can be removed.
  for (const c of CATALOGUE) rmSync(path.join(root, c.name), { recursive: true, force: true, maxRetries: 0 });
  rmSync(root, { recursive: true, force: true });
});

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const NOBODY = 65534;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns without blocking this process, so that a case's loopback server can answer. */
function run(c: HostileCase, dir: string, url: string): Promise<Result> {
  const bin = c.bin!;
  const args = bin.args(dir, url);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', CI: '1', ...bin.env?.(dir) };
  delete env.GITHUB_ACTIONS;
  delete env.FORCE_COLOR;
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const [file, argv] = bin.shell ? ['bash', ['-c', bin.shell.replace('$ICP', command)]] : [process.execPath, [BIN, ...args]];
  const asNobody = bin.unprivileged && IS_ROOT;
  return new Promise((resolve, reject) => {
    const child = spawn(file as string, argv as string[], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function withServer<T>(handler: BinCase['server'], body: (url: string) => Promise<T>): Promise<T> {
  if (!handler) return body('');
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('hostile inputs of the command', () => {
  for (const c of CATALOGUE.filter((x) => x.bin)) {
    const skip = c.skip ?? (c.bin!.needsRoot && !IS_ROOT ? 'only root can make this input' : undefined);
    it.skipIf(skip !== undefined)(`${c.name}: exit ${c.expect.exit}, "${c.expect.message}"`, async () => {
      const file = prepareCase(c, root);
      const dir = path.dirname(file);
      chmodSync(dir, 0o755);
      const r = await withServer(c.bin!.server, (url) => run(c, dir, url));
      expect(r.stderr, r.stderr).not.toMatch(/internal error/);
      expect(r.code, r.stdout.slice(-2000) + r.stderr).toBe(c.expect.exit);
      const where = c.bin!.messageIn ? readFileSync(path.join(dir, c.bin!.messageIn), 'utf8') : `${r.stdout}\n${r.stderr}`;
      expect(where).toContain(c.expect.message);
      expect(r.stdout).not.toMatch(UNSAFE);
      expect(r.stderr).not.toMatch(UNSAFE);
      c.bin!.after?.(dir, r);
    });
  }
});
