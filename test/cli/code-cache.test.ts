// The CLI bundle runs through V8's code cache; a missing, corrupt, truncated or foreign cache file
// is ignored and replaced, and the output is the same with or without one.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO, runBin } from './run-bin.js';

const BUNDLE = path.join(REPO, 'dist/bundle/cli.cjs');
const EXAMPLE = ['examples/beijing-individual/manifest.yaml', '--offline', '--no-cache', '--format', 'json', '--date', '2026-11-26'];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'icp-code-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Loads the bundle in a fresh process (V8 keeps compiled scripts per process, so only a new one
 * shows whether the cache was taken) and saves the cache; tells whether a cache was used.
 */
function load(): boolean {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'bin/code-cache.js')).href)});
const l = m.loadBundle(${JSON.stringify(BUNDLE)});
if (typeof l.exports.main !== 'function') process.exit(3);
l.save();
process.stdout.write(String(l.cacheUsed));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ICP_CHECK_CODE_CACHE: dir }, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout === 'true';
}
const cacheFile = () => {
  const names = readdirSync(dir).filter((n) => n.endsWith('.bin'));
  expect(names).toHaveLength(1);
  return path.join(dir, names[0]!);
};
/** A cache file as the loader writes it: the SHA-256 of the payload, then the payload. */
const framed = (payload: Buffer) => Buffer.concat([createHash('sha256').update(payload).digest(), payload]);

describe('code cache of the CLI bundle', () => {
  it('is written after a run without one and used by the next', () => {
    expect(load()).toBe(false);
    const file = cacheFile();
    expect(path.basename(file)).toContain(process.version);
    expect(load()).toBe(true);
  });

  it('ignores a corrupt, truncated or foreign file and replaces it', () => {
    load();
    const file = cacheFile();
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length >> 1] = flipped[flipped.length >> 1]! ^ 0xff;
    // Another script's code cache, framed correctly: only V8 can tell it is not this bundle's.
    const foreign = framed(new vm.Script('globalThis.x = 1 + 1;').createCachedData());
    for (const bad of [flipped, good.subarray(0, 100), Buffer.alloc(0), Buffer.from('not a cache'), foreign]) {
      writeFileSync(file, bad);
      expect(load(), `${bad.length} bytes`).toBe(false);
      expect(load()).toBe(true);
    }
  });

  it('gives the same report from the bin with no cache, a corrupt cache and a good one', () => {
    const plain = runBin(EXAMPLE, { env: { ICP_CHECK_CODE_CACHE: 'off' } });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).filings).toHaveLength(1);
    const cold = runBin(EXAMPLE, { env: { ICP_CHECK_CODE_CACHE: dir } });
    expect(cold.stdout).toBe(plain.stdout);
    const file = cacheFile();
    writeFileSync(file, Buffer.alloc(4096, 7));
    const corrupt = runBin(EXAMPLE, { env: { ICP_CHECK_CODE_CACHE: dir } });
    expect(corrupt.stdout).toBe(plain.stdout);
    expect(corrupt.stderr).toBe('');
    expect(readFileSync(file).equals(Buffer.alloc(4096, 7))).toBe(false);
    const warm = runBin(EXAMPLE, { env: { ICP_CHECK_CODE_CACHE: dir } });
    expect(warm.stdout).toBe(plain.stdout);
  });

  it('is left alone when turned off', () => {
    const r = runBin(['schema'], { env: { ICP_CHECK_CODE_CACHE: 'off' } });
    expect(r.code).toBe(0);
    expect(existsSync(dir) && readdirSync(dir)).toEqual([]);
  });
});

describe('which run writes the code cache', () => {
  it('a check that reaches its verdict, not `schema`, `--help` or a refused manifest', () => {
    const env = { ICP_CHECK_CODE_CACHE: dir };
    const written = () => readdirSync(dir).filter((n) => n.endsWith('.bin'));
    expect(runBin(['schema'], { env }).code).toBe(0);
    expect(runBin(['--help'], { env }).code).toBe(0);
    const refused = path.join(dir, 'not-a-manifest.yaml');
    writeFileSync(refused, 'version: 1\n');
    expect(runBin([refused, '--offline', '--no-cache'], { env }).code).toBe(2);
    expect(written()).toEqual([]);
    // A check whose filing is not ready (exit 1) has run every rule: its cache is worth keeping.
    expect(runBin(['examples/tianjin-enterprise-problems/manifest.yaml', '--offline', '--no-cache', '--date', '2026-11-26'], { env }).code).toBe(1);
    expect(written()).toHaveLength(1);
  });
});
