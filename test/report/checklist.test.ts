// The pretty report is a checklist a person reads top down: problems first, within a line budget,
// the same in both languages; --verbose lists every check; -q keeps only what needs action.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang, Report } from '../../src/model.js';
import { pretty } from '../../src/report/formats/pretty.js';
import { checkExamples, formatContext } from './examples.js';
import { interpolate, message } from '../../src/report/catalogue/index.js';
import { ruleIndex } from '../../src/rules/registry.js';

const reports = new Map<Lang, Report>();
beforeAll(async () => {
  for (const lang of ['en', 'zh'] as const) reports.set(lang, await checkExamples(['beijing-individual', 'guangdong-enterprise', 'tianjin-enterprise-problems'], lang));
}, 60_000);

const one = (lang: Lang, name: string): Report => {
  const r = reports.get(lang)!;
  return { ...r, filings: r.filings.filter((f) => f.file.includes(name)) };
};
const lines = (text: string) => text.trimEnd().split('\n');

describe.each(['en', 'zh'] as const)('the pretty checklist (%s)', (lang) => {
  it('the Tianjin example fits 60 lines and shows its first failure within the first 10', () => {
    const out = lines(pretty(one(lang, 'tianjin'), formatContext(lang)));
    expect(out.length).toBeLessThanOrEqual(60);
    const first = out.findIndex((l) => l.startsWith('    ✗'));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(10);
    // Problems come before the section counts of passed checks.
    const passedAt = out.findIndex((l) => l.startsWith('    ✓'));
    expect(passedAt).toBeGreaterThan(out.findLastIndex((l) => l.startsWith('    ✗') || l.startsWith('    ?')));
  });

  it.each(['guangdong-enterprise', 'beijing-individual'])('the ready %s example fits 25 lines', (name) => {
    const report = one(lang, name);
    expect(report.filings[0]!.verdict).toBe('ready');
    const out = lines(pretty(report, formatContext(lang)));
    expect(out.length).toBeLessThanOrEqual(25);
    expect(out.some((l) => /^ {4}✓ \S.* \d+$/.test(l))).toBe(true);
  });

  it('--verbose lists every passing check and note', () => {
    const report = one(lang, 'tianjin');
    const out = pretty(report, formatContext(lang, { verbose: true }));
    for (const f of report.filings[0]!.findings.filter((x) => x.status === 'pass' || (x.status === 'info' && !x.documents))) expect(out).toContain(f.message);
    expect(lines(out).length).toBeGreaterThan(lines(pretty(report, formatContext(lang))).length);
  });

  it('asks the same question once, naming whom it is about', () => {
    const out = pretty(one(lang, 'tianjin'), formatContext(lang));
    const expiry = lines(out).filter((l) => l.includes('haihe-example.cn') && l.includes('haihe-shop-example.cn'));
    expect(expiry).toHaveLength(1);
    expect(out.match(/钱七、孙八|钱七, 孙八/g)).toHaveLength(1);
  });

  it('several filings: one line each first, then the details of the one not ready', () => {
    const out = lines(pretty(reports.get(lang)!, formatContext(lang)));
    expect(out.slice(0, 3).map((l) => l.split(' ')[0])).toEqual(['✓', '✓', '✗']);
    expect(out.filter((l) => l.includes('guangdong-enterprise/manifest.yaml'))).toHaveLength(1);
    expect(out.filter((l) => l.includes('tianjin-enterprise-problems/manifest.yaml')).length).toBeGreaterThan(1);
  });
});

describe('English counts', () => {
  it('use the singular for one: 1 warning, 1 document, 1 day', () => {
    const ones = { fail: 1, warn: 1, unknown: 1, missing: 1, pass: 1, info: 1 };
    expect(message('pretty.summary', ones, 'en')).toBe('1 to fix, 1 warning, 1 to confirm, 1 document missing; 1 check passed, 1 note');
    expect(message('pretty.summary', { ...ones, warn: 2, missing: 0 }, 'en')).toContain('2 warnings, 1 to confirm, 0 documents missing');
    const expiry = ruleIndex().get('whois/expiry')!.messages.pass!.message.en;
    expect(interpolate(expiry, { domain: 'a.cn', expires: '2026-11-27', days: 1, date: '2026-11-26', from: 'x' }, 'en')).toContain('1 day after');
    expect(interpolate(expiry, { domain: 'a.cn', expires: '2026-11-28', days: 2, date: '2026-11-26', from: 'x' }, 'en')).toContain('2 days after');
  });

  it('never say "1 warnings" or "1 days" in a report', () => {
    for (const name of ['tianjin', 'guangdong', 'beijing']) {
      const out = pretty(one('en', name), formatContext('en', { verbose: true }));
      expect(out).not.toMatch(/(?<![\d.])1 (warnings|documents|days|checks|notes|months|websites|instances)\b/);
    }
  });
});
