// `npm run fuzz`: at least 10,000 hostile manifests through the in-process check, plus a sample
// through the real bin. FUZZ_RUNS and FUZZ_SEED replay or widen a run.
import { describe, expect, it } from 'vitest';
import { fuzzManifests } from './manifest-properties.js';
import { fuzzBin } from './bin-properties.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

describe(`hostile manifests (seed ${SEED})`, () => {
  it(`${RUNS} generated manifests in-process`, async () => {
    const run = await fuzzManifests(RUNS, SEED);
    process.stdout.write(`fuzz: ${run.cases} cases, seed ${SEED}, 0 failures; by origin ${JSON.stringify(run.byOrigin)}; exit codes ${JSON.stringify(run.exitCodes)}\n`);
    expect(run.cases).toBe(RUNS);
  });

  it('60 generated manifests through the real bin, every format', () => {
    const run = fuzzBin(60, SEED);
    process.stdout.write(`fuzz (bin): ${run.cases} runs, seed ${SEED}, 0 failures; exit codes ${JSON.stringify(run.exitCodes)}\n`);
    expect(run.cases).toBe(60);
  });
});
