// A folder of 30 real filings (the Guangdong example and its scans, varied) through the real
// pipeline, offline: every format must give each filing the verdict the report gives it.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { expandInputs } from '../../src/check/inputs.js';
import { checkFiles, exitCodeOf } from '../../src/check/run.js';
import { ImageInspector } from '../../src/facts/images.js';
import { DomainLookupService } from '../../src/facts/domains/lookup.js';
import { ruleIndex } from '../../src/rules/registry.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { junit } from '../../src/report/formats/junit.js';
import { sarif } from '../../src/report/formats/sarif.js';
import { github } from '../../src/report/formats/github.js';
import { markdown } from '../../src/report/formats/markdown.js';
import { verdictLabel } from '../../src/report/formats/labels.js';
import { parseXml } from './xml-parse.js';

type Variant = 'as-is' | 'bad-mobile' | 'missing-scan' | 'syntax-error';
const VARIANTS: Variant[] = ['as-is', 'as-is', 'bad-mobile', 'missing-scan', 'syntax-error'];
const example = path.join(import.meta.dirname, '..', '..', 'examples', 'guangdong-enterprise');

let dir: string;
let report: Report;
const variantOf = new Map<string, Variant>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'icp-formats-'));
  const text = await readFile(path.join(example, 'manifest.yaml'), 'utf8');
  for (let i = 0; i < 30; i++) {
    const variant = VARIANTS[i % VARIANTS.length]!;
    const folder = path.join(dir, `client-${String(i + 1).padStart(2, '0')}`);
    await cp(path.join(example, 'docs'), path.join(folder, 'docs'), { recursive: true });
    let manifest = text.replace('$schema=../../schema/', '$schema=../schema/');
    if (variant === 'bad-mobile') manifest = manifest.replace('mobile: "13800138000"', 'mobile: "1380013800"');
    if (variant === 'missing-scan') await rm(path.join(folder, 'docs', 'zhangsan-id-front.jpg'));
    if (variant === 'syntax-error') manifest = manifest.replace(/domains: \[(.*)\]/, 'domains: [$1');
    await writeFile(path.join(folder, 'manifest.yaml'), manifest);
    variantOf.set(path.join(folder, 'manifest.yaml'), variant);
  }
  const { files } = await expandInputs([dir], { cwd: dir });
  const domains = new DomainLookupService({ offline: true, useCache: false, timeoutMs: 5_000 });
  try {
    report = await checkFiles(
      files.map((f) => path.join(dir, f)),
      { date: '2026-11-26', offline: true, approvedSuffixes: [], lang: 'en', concurrency: 4 },
      { images: new ImageInspector(), domains },
    );
  } finally {
    await domains.close();
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const notReady = (verdict: string) => verdict === 'blocked' || verdict === 'invalid';

describe('30 filings through the pipeline and every format', () => {
  const ctx = (): FormatContext => ({ lang: 'en', rules: ruleIndex(), cwd: dir });

  it('gives the verdicts the variations call for, and the worst exit code', () => {
    expect(report.filings).toHaveLength(30);
    for (const f of report.filings) {
      const variant = variantOf.get(f.file)!;
      if (variant === 'syntax-error') expect(f.verdict, f.file).toBe('invalid');
      else if (variant === 'as-is') expect(notReady(f.verdict), f.file).toBe(false);
      else expect(f.verdict, `${f.file} ${variant}`).toBe('blocked');
    }
    expect(exitCodeOf(report, false)).toBe(2);
    expect(exitCodeOf({ ...report, filings: report.filings.filter((f) => f.verdict !== 'invalid') }, false)).toBe(1);
  });

  it('junit fails exactly the suites of filings not ready', () => {
    const suites = parseXml(junit(report, ctx())).children;
    expect(suites).toHaveLength(30);
    for (const [i, suite] of suites.entries()) {
      expect(Number(suite.attrs.failures) > 0, suite.attrs.name).toBe(notReady(report.filings[i]!.verdict));
    }
  });

  it('sarif has error results for exactly the filings not ready', () => {
    const log = JSON.parse(sarif(report, ctx()));
    const withErrors = new Set(log.runs[0].results.filter((r: { level: string }) => r.level === 'error').map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    for (const f of report.filings) expect(withErrors.has(path.relative(dir, f.file)), f.file).toBe(notReady(f.verdict));
  });

  it('github has errors, annotated or past the cap in the log, for exactly the filings not ready', () => {
    const lines = github(report, ctx()).split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBeLessThanOrEqual(10);
    const errors = new Set([
      ...lines.filter((l) => l.startsWith('::error file=')).map((l) => /file=([^,:]*)/.exec(l)![1]),
      ...lines.filter((l) => l.startsWith('error: ')).map((l) => /^error: ([^:]*):/.exec(l)![1]),
    ]);
    for (const f of report.filings) expect(errors.has(path.relative(dir, f.file)), f.file).toBe(notReady(f.verdict));
  });

  it('markdown folds the details of each filing not ready under its verdict', () => {
    const heads = markdown(report, ctx())
      .split('\n')
      .filter((l) => l.startsWith('<summary>'));
    const expected = report.filings.flatMap((f, i) =>
      f.verdict === 'ready' ? [] : [`<summary>${i + 1}. ${path.relative(dir, f.file)} — ${verdictLabel(f.verdict, 'en')}</summary>`],
    );
    expect(heads).toEqual(expected);
  });
});
