// A fixed-seed share of the manifest fuzzing, so every `npm test` replays the same few hundred cases.
import { describe, expect, it } from 'vitest';
import { fuzzManifests } from './manifest-properties.js';

export const FIXED_SEED = 20261126;

describe('hostile manifests (fixed seed)', () => {
  it('300 generated manifests: schema-valid report, exit 0/1/2, no exception, safe text', async () => {
    const run = await fuzzManifests(300, FIXED_SEED);
    expect(run.cases).toBe(300);
    // The generators reach every outcome, so the property is not vacuous.
    expect(Object.keys(run.exitCodes).sort()).toEqual(['0', '1', '2'].filter((c) => run.exitCodes[Number(c)]));
    expect(run.exitCodes[2]).toBeGreaterThan(0);
    expect((run.exitCodes[0] ?? 0) + (run.exitCodes[1] ?? 0)).toBeGreaterThan(0);
  }, 300_000);
});

describe('hostile manifests through the real bin (fixed seed)', () => {
  it('6 generated manifests, random format and language', async () => {
    const { fuzzBin } = await import('./bin-properties.js');
    expect(fuzzBin(6, FIXED_SEED).cases).toBe(6);
  }, 300_000);
});
