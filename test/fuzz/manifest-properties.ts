// The properties every manifest must satisfy, however hostile: a report that matches its schema,
// an exit code of 0, 1 or 2, no exception (neither thrown nor turned into a "could not run"
// finding), a rule id and a path on every finding, and no control character in any text.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Report } from '../../src/model.js';
import { ruleIndex } from '../../src/rules/registry.js';
import { checkInProcess, reportValidator } from './check-in-process.js';
import { EXAMPLES, hostileManifest } from './manifest-arbitraries.js';
import { RULE_AREAS } from '../../src/rules/types.js';

// ESC and the other C0/C1 controls, DEL, bidi overrides and isolates, lone surrogates.
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const RULE_ID = new RegExp(`^(${RULE_AREAS.filter((a) => a !== 'province').join('|')})/[a-z0-9]+(-[a-z0-9]+)*$|^province/[a-z]+(-[a-z]+)*/[a-z0-9]+(-[a-z0-9]+)*$`);
const INTERNAL_ERROR = /could not run|无法运行/;

const validate = reportValidator();

/** Throws (with a readable reason) when a report breaks a property. */
export function assertReportProperties(report: Report, json: string, exitCode: number): void {
  expect([0, 1, 2]).toContain(exitCode);
  const parsed: unknown = JSON.parse(json);
  if (!validate(parsed)) throw new Error(`report does not match its schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  const known = ruleIndex();
  for (const filing of report.filings) {
    expect(exitCode === 2).toBe(report.filings.some((f) => f.verdict === 'invalid'));
    const counts = { fail: 0, warn: 0, unknown: 0, pass: 0, info: 0 };
    for (const f of filing.findings) {
      counts[f.status]++;
      expect(f.rule, JSON.stringify(f)).toMatch(RULE_ID);
      expect(typeof f.path).toBe('string');
      if (!known.has(f.rule) && !f.rule.startsWith('province/')) throw new Error(`finding of an unknown rule: ${JSON.stringify(f)}`);
      if (INTERNAL_ERROR.test(f.message)) throw new Error(`a check threw: ${f.message}`);
      for (const [field, text] of [
        ['message', f.message],
        ['fix', f.fix ?? ''],
        ['path', f.path],
        ['source', f.source],
      ] as const) {
        if (UNSAFE_TEXT.test(text)) throw new Error(`control character in ${field}: ${JSON.stringify(text)}`);
      }
    }
    for (const d of filing.documents) if (UNSAFE_TEXT.test(d.for)) throw new Error(`control character in a document holder: ${JSON.stringify(d.for)}`);
    expect({ ...filing.summary, missingDocuments: 0 }).toEqual({ ...counts, missingDocuments: 0 });
    if (filing.verdict === 'invalid') expect(filing.findings.some((f) => f.rule.startsWith('manifest/') && f.status === 'fail')).toBe(true);
  }
}

/** A scratch folder per run: one folder per example, its `docs` linked to the example's real images. */
export function scratch(): { dir: string; fileFor: (example?: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-fuzz-'));
  mkdirSync(path.join(dir, 'plain'));
  for (const ex of EXAMPLES) {
    mkdirSync(path.join(dir, ex.name));
    symlinkSync(path.join(ex.dir, 'docs'), path.join(dir, ex.name, 'docs'));
  }
  return {
    dir,
    fileFor: (example) => path.join(dir, example ?? 'plain', 'manifest.yaml'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface FuzzRun {
  cases: number;
  byOrigin: Record<string, number>;
  exitCodes: Record<number, number>;
}

/** Runs the in-process property over `numRuns` hostile manifests; fails on the first broken property. */
export async function fuzzManifests(numRuns: number, seed?: number): Promise<FuzzRun> {
  const run: FuzzRun = { cases: 0, byOrigin: {}, exitCodes: {} };
  const area = scratch();
  try {
    await fc.assert(
      fc.asyncProperty(hostileManifest, async ({ origin, bytes, example }) => {
        const file = area.fileFor(example);
        writeFileSync(file, bytes);
        const { report, json, exitCode } = await checkInProcess([file]);
        assertReportProperties(report, json, exitCode);
        run.cases++;
        run.byOrigin[origin] = (run.byOrigin[origin] ?? 0) + 1;
        run.exitCodes[exitCode] = (run.exitCodes[exitCode] ?? 0) + 1;
      }),
      { numRuns, ...(seed !== undefined ? { seed } : {}), endOnFailure: true },
    );
  } finally {
    area.remove();
  }
  return run;
}
