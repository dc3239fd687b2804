import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, parseShard, shardOf } from '../../src/check/inputs.js';
import { UsageError } from '../../src/errors.js';
import { makeFilings } from '../formats/filings-fixture.js';

let root: string;
const generated = makeFilings(30);
// Three client groups, as an agency might keep them.
const manifestPaths = generated.map((g, i) => g.file.replace('filings/', `filings/${['north', 'south', 'west'][i % 3]}/`));

async function put(rel: string, text: string): Promise<void> {
  const file = path.join(root, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'icp-inputs-'));
  for (const [i, g] of generated.entries()) await put(manifestPaths[i]!, g.text);
  await put('filings/notes.yaml', 'title: meeting notes\nclients: [a, b]\n');
  await put('filings/config.yml', 'version: 2\nname: pipeline settings\n');
  await put('filings/README.md', '# not YAML\n');
  await put('filings/node_modules/pkg/manifest.yaml', generated[0]!.text);
  await put('filings/.git/old.yaml', generated[0]!.text);
  // A manifest with a YAML syntax error is still a manifest: it must be checked, not skipped.
  await put('filings/broken.yaml', 'version: 1\nentity:\n  name: [unclosed\n');
  await put('other/plain.yaml', 'just: a file\n');
  await symlink(path.join(root, manifestPaths[0]!), path.join(root, 'filings/zz-link-to-first.yaml'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const manifestsInFolder = () => [...manifestPaths, 'filings/broken.yaml'].sort();

describe('expandInputs', () => {
  it('finds the manifests in a folder recursively, sorted, and counts the YAML files that are not manifests', async () => {
    const out = await expandInputs(['filings'], { cwd: root });
    expect(out.files).toEqual(manifestsInFolder());
    expect(out.skipped).toEqual(['filings/config.yml', 'filings/notes.yaml']);
    expect(out.missing).toEqual([]);
  });

  it('checks a file named on the command line as given, even if it does not look like a manifest', async () => {
    const out = await expandInputs(['other/plain.yaml'], { cwd: root });
    expect(out.files).toEqual(['other/plain.yaml']);
    expect(out.skipped).toEqual([]);
  });

  it('expands globs, and reports a glob that matches nothing and a path that does not exist', async () => {
    const out = await expandInputs(['filings/south/*.yaml', 'filings/**/none-*.yaml', 'filings/missing.yaml'], { cwd: root });
    expect(out.files).toEqual(manifestPaths.filter((p) => p.startsWith('filings/south/')).sort());
    expect(out.missing).toEqual(['filings/**/none-*.yaml', 'filings/missing.yaml']);
  });

  it('lists a manifest once however it is reached (folder, file, another spelling, a symbolic link)', async () => {
    const first = manifestPaths[0]!;
    const out = await expandInputs(['filings', first, `./${path.dirname(first)}/../${first.split('/').slice(1).join('/')}`, path.join(root, first)], { cwd: root });
    expect(out.files).toEqual(manifestsInFolder());
    expect(out.files.filter((f) => f.endsWith(path.basename(first)))).toHaveLength(1);
  });

  it('gives the same list whatever the order of the arguments', async () => {
    const a = await expandInputs(['filings/west', 'filings/north', 'filings/south'], { cwd: root });
    const b = await expandInputs(['filings/south', 'filings/west', 'filings/north'], { cwd: root });
    expect(a.files).toEqual(b.files);
    expect(a.files).toHaveLength(30);
  });
});

describe('shards', () => {
  it('1/3, 2/3 and 3/3 together cover every filing exactly once', async () => {
    const all = (await expandInputs(['filings'], { cwd: root })).files;
    const shards = await Promise.all([1, 2, 3].map((index) => expandInputs(['filings'], { cwd: root, shard: { index, count: 3 } })));
    const union = shards.flatMap((s) => s.files);
    expect(union.slice().sort()).toEqual(all);
    expect(new Set(union).size).toBe(union.length);
    // With 31 files none of three shards should be empty (a hash that ignores the path would put all in one).
    for (const s of shards) expect(s.files.length).toBeGreaterThan(0);
  });

  it('covers every filing once for other shard counts too', async () => {
    const all = (await expandInputs(['filings'], { cwd: root })).files;
    for (const count of [1, 2, 5, 7]) {
      const parts = await Promise.all(Array.from({ length: count }, (_, i) => expandInputs(['filings'], { cwd: root, shard: { index: i + 1, count } })));
      const union = parts.flatMap((p) => p.files);
      expect(union.slice().sort()).toEqual(all);
    }
  });

  it('depends on the path relative to the working folder, not on how it was spelled', async () => {
    const relative = await expandInputs(['filings'], { cwd: root, shard: { index: 2, count: 3 } });
    const absolute = await expandInputs([path.join(root, 'filings')], { cwd: root, shard: { index: 2, count: 3 } });
    expect(absolute.files).toEqual(relative.files);
    expect(shardOf('filings/north/client-01.yaml', 3)).toBe(shardOf('filings/north/client-01.yaml', 3));
  });
});

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/3', '4/3', 'x', '1/0', '-1/3', '1/3/4', '', '2.5/3'])('rejects %j with a usage error naming it', (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
    expect(() => parseShard(text)).toThrow(`"${text}"`);
  });
});
