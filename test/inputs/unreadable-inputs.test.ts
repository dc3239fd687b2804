// Folder expansion never passes over a file it could not read: such a file is checked (and the
// check says why), and every file found, in every shard, is known by its real path.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/check/inputs.js';

const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'icp-unreadable-inputs-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const manifest = 'version: 1\nentity:\n  type: individual\n';

mkdirSync(path.join(dir, 'f'));
for (let i = 0; i < 200; i++) writeFileSync(path.join(dir, 'f', `m${String(i).padStart(3, '0')}.yaml`), manifest);
writeFileSync(path.join(dir, 'f', 'other.yaml'), 'on: push\n');
execFileSync('mkfifo', [path.join(dir, 'f', 'pipe.yaml')]);
symlinkSync('loop-b.yaml', path.join(dir, 'f', 'loop-a.yaml'));
symlinkSync('loop-a.yaml', path.join(dir, 'f', 'loop-b.yaml'));
symlinkSync('nothing.yaml', path.join(dir, 'f', 'dangling.yaml'));

describe('expandInputs and files it cannot read', () => {
  it('checks a FIFO and a link loop named *.yaml (without opening the FIFO) instead of skipping them; a link to nothing is no file', async () => {
    const out = await expandInputs(['f'], { cwd: dir });
    expect(out.files).toContain('f/pipe.yaml');
    expect(out.files).toContain('f/loop-a.yaml');
    expect(out.files).not.toContain('f/dangling.yaml');
    expect(out.skipped).toEqual(['f/other.yaml']);
    expect(out.files.filter((f) => /m\d{3}\.yaml$/.test(f))).toHaveLength(200);
  });

  it('knows the real path of every file found, in every shard, skipped ones included', async () => {
    const out = await expandInputs(['f'], { cwd: dir, shard: { index: 1, count: 7 } });
    expect(out.files.length).toBeLessThan(200);
    expect(out.real.has(path.join(dir, 'f', 'm000.yaml'))).toBe(true);
    expect(out.real.has(path.join(dir, 'f', 'm199.yaml'))).toBe(true);
    expect(out.real.has(path.join(dir, 'f', 'other.yaml'))).toBe(true);
  });
});
