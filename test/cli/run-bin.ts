// Spawns the built bin as a user would, with NO_COLOR and a fixed locale.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/icp-check.js', import.meta.url));

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): BinResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', CI: '1', ...options.env };
  delete env.GITHUB_ACTIONS;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env, input: options.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
