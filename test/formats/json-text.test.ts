// The JSON and SARIF reports written in pieces are the same text as written whole.
import { describe, expect, it } from 'vitest';
import { nestedJson } from '../../src/report/formats/json-text.js';
import { FORMATTERS, FORMATS, formatChunks } from '../../src/report/formats/index.js';
import { json } from '../../src/report/formats/json.js';
import { sarif } from '../../src/report/formats/sarif.js';
import { ruleIndex } from '../../src/rules/registry.js';
import { checkInProcess } from '../fuzz/check-in-process.js';
import { REPO_ROOT } from '../fuzz/check-in-process.js';
import path from 'node:path';

describe('nestedJson', () => {
  it('is JSON.stringify(value, null, 2) with every line after the first indented', () => {
    const values: unknown[] = [{ a: [1, { b: [] }, {}, null, 'x\ny'], c: undefined, f: () => 1 }, [undefined, { toJSON: () => 'j' }], 'plain', [], {}, { date: new Date(0) }];
    for (const v of values) {
      expect(nestedJson(v, 0)).toBe(JSON.stringify(v, null, 2));
      expect(JSON.parse(`{"k": ${nestedJson(v, 3)}}`)).toEqual(JSON.parse(`{"k": ${JSON.stringify(v)}}`));
      expect(
        nestedJson(v, 3)
          .split('\n')
          .slice(1)
          .every((line) => line.startsWith('      ')),
      ).toBe(true);
    }
    expect(nestedJson(undefined, 1)).toBe('null');
  });

  it('the report in pieces equals the report whole, for JSON and SARIF', async () => {
    const files = ['beijing-individual', 'guangdong-enterprise'].map((e) => path.join(REPO_ROOT, 'examples', e, 'manifest.yaml'));
    const { report } = await checkInProcess(files);
    const ctx = { lang: 'en' as const, rules: ruleIndex(), cwd: REPO_ROOT };
    const pieces = [...formatChunks('json', report, ctx)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(json(report, ctx));
    expect([...formatChunks('sarif', report, ctx)].join('')).toBe(sarif(report, ctx));
  });

  it('every format in pieces equals the format whole, for one filing, several, and none', async () => {
    const files = ['beijing-individual', 'guangdong-enterprise', 'tianjin-enterprise-problems'].map((e) => path.join(REPO_ROOT, 'examples', e, 'manifest.yaml'));
    const { report } = await checkInProcess(files);
    const ctx = { lang: 'zh' as const, rules: ruleIndex(), cwd: REPO_ROOT, color: true };
    for (const r of [report, { ...report, filings: report.filings.slice(0, 1) }, { ...report, filings: [] }]) {
      for (const format of FORMATS) expect([...formatChunks(format, r, ctx)].join(''), format).toBe(FORMATTERS[format](r, ctx));
    }
  });
});
