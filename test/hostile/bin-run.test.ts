// The inputs that could hang or corrupt a terminal, through the built bin as CI runs it: it must
// exit with the catalogue's code, print the expected message, and write no control sequence.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from '../cli/run-bin.js';
import { CATALOGUE, prepareCase } from './catalogue.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'icp-hostile-bin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const THROUGH_THE_BIN = [
  'manifest-is-a-fifo',
  'manifest-is-dev-zero',
  'manifest-symlink-loop',
  'alias-bomb',
  'image-is-a-fifo',
  'image-name-with-newline-and-ansi',
  'control-characters-in-keys',
  'control-characters-in-values',
];

describe('hostile inputs through the bin', () => {
  for (const name of THROUGH_THE_BIN) {
    const c = CATALOGUE.find((x) => x.name === name)!;
    it(`${name}: exit ${c.expect.exit}, "${c.expect.message}"`, () => {
      const file = prepareCase(c, root);
      // --verbose: the checklist lists passing checks too, so a hostile name in a pass reaches the terminal.
      const r = runBin([path.relative(root, file), '--offline', '--no-cache', '--verbose', '--date', '2026-11-26'], { cwd: root });
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code, r.stdout + r.stderr).toBe(c.expect.exit);
      expect(r.stdout).toContain(c.expect.message);
      expect(r.stdout).not.toMatch(UNSAFE);
      expect(r.stderr).not.toMatch(UNSAFE);
    });
  }
});
