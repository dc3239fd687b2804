// Every input of the catalogue through the check the command line runs: the expected finding and
// exit code, a report that matches its schema, and no control character in what a terminal sees.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pretty } from '../../src/report/formats/pretty.js';
import { ruleIndex } from '../../src/rules/registry.js';
import { checkInProcess } from '../fuzz/check-in-process.js';
import { assertReportProperties, UNSAFE_TEXT } from '../fuzz/manifest-properties.js';
import { CATALOGUE, prepareCase } from './catalogue.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'icp-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The report's own line breaks and tabs aside.
const UNSAFE_OUTPUT = new RegExp(UNSAFE_TEXT.source.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000b-\\u001f'));

describe('the hostile catalogue', () => {
  it('has at least 40 inputs, each with a distinct name', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CATALOGUE.map((c) => c.name)).size).toBe(CATALOGUE.length);
  });

  for (const c of CATALOGUE.filter((x) => !x.bin)) {
    it.skipIf(c.skip !== undefined)(`${c.name}: ${c.input}`, async () => {
      const file = prepareCase(c, root);
      const { report, json, exitCode } = await checkInProcess([file]);
      assertReportProperties(report, json, exitCode);
      const findings = report.filings[0]!.findings;
      const hit = findings.find((f) => f.rule === c.expect.rule && f.status === c.expect.status && f.message.includes(c.expect.message));
      expect(
        hit,
        JSON.stringify(
          findings.filter((f) => f.status !== 'pass' || f.rule === c.expect.rule),
          null,
          1,
        ),
      ).toBeDefined();
      expect(exitCode).toBe(c.expect.exit);
      // File names from outside reach the JSON report cleaned like any other outside text.
      for (const f of JSON.parse(json).filings as Array<{ file: string }>) expect(f.file).not.toMatch(UNSAFE_OUTPUT);
      const text = pretty(report, { lang: 'en', rules: ruleIndex(), cwd: root, color: false });
      expect(UNSAFE_OUTPUT.test(text), text).toBe(false);
      const zh = pretty((await checkInProcess([file], { lang: 'zh' })).report, { lang: 'zh', rules: ruleIndex(), cwd: root, color: true });
      // With colour on, the only escapes are chalk's own SGR sequences.
      expect(zh.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(UNSAFE_OUTPUT);
    });
  }
});
