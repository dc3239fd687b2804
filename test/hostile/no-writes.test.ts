// A full run never touches the user's files: the fixture trees are hashed (content, size, mode,
// mtime, ctime) before and after checking them in every format, to stdout and with --output to
// another folder, and must come out identical, with no file added or removed.
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/report/formats/index.js';
import { REPO, runBin } from '../cli/run-bin.js';

const TREES = ['examples', 'test/hostile/fixtures', 'test/fixtures/cli', 'test/fixtures/images'].map((t) => path.join(REPO, t));

function snapshot(trees: string[] = TREES): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (p: string) => {
    const st = lstatSync(p);
    const meta = `${st.mode}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
    if (st.isDirectory()) {
      out.set(p, `dir:${meta}`);
      for (const e of readdirSync(p).sort()) walk(path.join(p, e));
    } else if (st.isSymbolicLink()) out.set(p, `link:${meta}:${readlinkSync(p)}`);
    else out.set(p, `file:${meta}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
  };
  for (const t of trees) walk(t);
  return out;
}

const outDir = mkdtempSync(path.join(os.tmpdir(), 'icp-no-writes-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('no writes', () => {
  it('checking the fixture trees in every format, to stdout and to --output elsewhere, changes nothing in them', () => {
    const before = snapshot();
    expect(before.size).toBeGreaterThan(50);
    const common = ['--offline', '--cache-dir', path.join(outDir, 'cache'), '--date', '2026-11-26'];
    for (const format of FORMATS) {
      const toStdout = runBin([...TREES, ...common, '--format', format]);
      expect([1, 2], toStdout.stderr).toContain(toStdout.code);
      expect(toStdout.stdout.length).toBeGreaterThan(0);
      const out = path.join(outDir, `report.${format}`);
      const toFile = runBin([...TREES, ...common, '--format', format, '--output', out]);
      expect(toFile.code).toBe(toStdout.code);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(0);
    }
    const after = snapshot();
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    expect(changed).toEqual([]);
    // Only the reports (and no temporary file beside them) were written.
    expect(
      readdirSync(outDir)
        .filter((f) => f !== 'cache')
        .sort(),
    ).toEqual(FORMATS.map((f) => `report.${f}`).sort());
  }, 300_000);

  it('the snapshot sees a write: --output into the checked folder shows as a change', () => {
    const tree = mkdtempSync(path.join(outDir, 'tree-'));
    cpSync(path.join(REPO, 'examples', 'beijing-individual'), tree, { recursive: true });
    const before = snapshot([tree]);
    runBin([tree, '--offline', '--no-cache', '--format', 'json', '--output', path.join(tree, 'report.json')]);
    const after = snapshot([tree]);
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([path.join(tree, 'report.json')]);
    expect(after.get(tree)).not.toBe(before.get(tree));
  });
});
