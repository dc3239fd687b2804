// --shard over the whole process: the shards of a folder together check every filing exactly once.
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const files = (stdout: string) => (JSON.parse(stdout) as { filings: Array<{ file: string }> }).filings.map((f) => f.file);

describe('--shard', () => {
  it('splits the provinces fixtures into three disjoint shards that cover them all', () => {
    const all = files(runBin(['test/fixtures/provinces', '--offline', '--format', 'json', '--date', '2026-11-26']).stdout);
    expect(all).toHaveLength(31);
    const shards = [1, 2, 3].map((i) => files(runBin(['test/fixtures/provinces', '--offline', '--format', 'json', '--date', '2026-11-26', '--shard', `${i}/3`]).stdout));
    for (const s of shards) expect(s.length).toBeGreaterThan(0);
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(31);
  });

  it('refuses a shard outside 1..n', () => {
    const r = runBin(['test/fixtures/provinces', '--shard', '4/3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard');
  });
});
