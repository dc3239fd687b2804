// -q means "only what needs action" in every format; under --strict that includes warnings and
// checks to confirm, so `--strict -q` on a filing with unconfirmed checks lists them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { pretty } from '../../src/report/formats/pretty.js';
import { markdown } from '../../src/report/formats/markdown.js';
import { junit } from '../../src/report/formats/junit.js';
import { github } from '../../src/report/formats/github.js';
import { sarif } from '../../src/report/formats/sarif.js';
import { checkExamples, formatContext } from './examples.js';

let report: Report;
beforeAll(async () => {
  report = await checkExamples(['tianjin-enterprise-problems'], 'en');
}, 60_000);

const quiet = (strict: boolean) => formatContext('en', { quiet: true, strict });
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('-q', () => {
  it('pretty: failures and missing documents only; --strict adds warnings and checks to confirm', () => {
    const plain = pretty(report, quiet(false));
    expect(plain).toMatch(/^ {4}✗/m);
    expect(plain).not.toMatch(/^ {4}[?!✓]/m);
    const strict = pretty(report, quiet(true));
    expect(strict).toMatch(/^ {4}\?/m);
    expect(strict).toMatch(/^ {4}!/m);
    expect(strict).not.toMatch(/^ {4}✓/m);
  });

  it('markdown: the same', () => {
    const plain = markdown(report, quiet(false));
    expect(plain).toContain('### What must be fixed before submitting');
    expect(plain).not.toContain('### What to confirm by hand');
    expect(plain).not.toContain('### Notes');
    expect(markdown(report, quiet(true))).toContain('### What to confirm by hand');
  });

  it('junit: only failing test cases, without notes', () => {
    const plain = junit(report, quiet(false));
    expect(count(plain, /<testcase /g)).toBe(count(plain, /<failure /g));
    expect(plain).not.toContain('<system-out>');
    expect(count(junit(report, quiet(true)), /<failure /g)).toBeGreaterThan(count(plain, /<failure /g));
  });

  it('github: errors only', () => {
    // Annotations are capped per level: past the cap, errors follow as plain `error: …` log lines.
    const errors = (text: string) => count(text, /^::error file=/gm) + count(text, /^error: /gm);
    const plain = github(report, quiet(false));
    expect(plain).toContain('::error ');
    expect(plain).not.toMatch(/::(warning|notice) |^(warning|notice): /m);
    const strict = github(report, quiet(true));
    expect(strict).not.toMatch(/::(warning|notice) |^(warning|notice): /m);
    expect(errors(strict)).toBeGreaterThan(errors(plain));
  });

  it('sarif: error results only', () => {
    const levels = (text: string) => new Set(JSON.parse(text).runs[0].results.map((r: { level: string }) => r.level));
    expect([...levels(sarif(report, quiet(false)))]).toEqual(['error']);
    const strict = JSON.parse(sarif(report, quiet(true))).runs[0].results;
    expect(strict.length).toBeGreaterThan(JSON.parse(sarif(report, quiet(false))).runs[0].results.length);
  });
});
