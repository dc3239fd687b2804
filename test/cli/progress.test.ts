// The progress spinner, seen in a real pseudo-terminal: on stderr for a person at a terminal, never
// under CI or --quiet, never when a machine format goes to standard output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from './run-bin.js';

const PTY = path.join(REPO, 'test/init/pty-session.py');

function inTerminal(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-pty-')), 'steps.json');
  writeFileSync(script, JSON.stringify([{ expect: 'filings:|Unknown|Allowed' }]));
  const base = { ...process.env };
  delete base.CI;
  delete base.GITHUB_ACTIONS;
  const r = spawnSync('python3', [PTY, script, '--', process.execPath, BIN, ...args], { cwd: REPO, env: { ...base, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return (JSON.parse(r.stdout) as { output: string }).output;
}

describe('progress', () => {
  it('shows "checked n/N filings" at a terminal', () => {
    expect(inTerminal(['examples', '--offline'])).toMatch(/checked \d\/3 filings/);
  });

  it('stays quiet under CI, with --quiet, and when JSON goes to standard output', () => {
    const ci = inTerminal(['examples', '--offline'], { CI: 'true' });
    expect(ci).toContain('3 filings: 2 ready');
    expect(ci).not.toMatch(/checked \d\/3/);
    const quiet = inTerminal(['examples', '--offline', '--quiet']);
    expect(quiet).toContain('BLOCKED');
    expect(quiet).not.toMatch(/checked \d\/3/);
    const json = inTerminal(['examples', '--offline', '--format', 'json']);
    expect(json).toContain('"filings"');
    expect(json).not.toMatch(/checked \d\/3/);
  });
});
