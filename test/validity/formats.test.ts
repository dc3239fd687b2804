// The two dates in every human and machine format: the pretty verdict line, Markdown, JUnit and SARIF.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/report/formats/index.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { ruleIndex } from '../../src/rules/registry.js';
import { checkInProcess, REPO_ROOT } from '../fuzz/check-in-process.js';

const beijing = path.join(REPO_ROOT, 'examples', 'beijing-individual', 'manifest.yaml');
const tianjin = path.join(REPO_ROOT, 'examples', 'tianjin-enterprise-problems', 'manifest.yaml');
const ctx = (lang: 'en' | 'zh' = 'en'): FormatContext => ({ lang, rules: ruleIndex(), cwd: REPO_ROOT, color: false });

describe('submitFrom and readyUntil in the formats', async () => {
  const { report } = await checkInProcess([beijing], { date: '2026-11-30' });
  const waiting = (await checkInProcess([tianjin], { date: '2026-11-26' })).report;

  it('pretty: the verdict line says until when and why', () => {
    const out = FORMATTERS.pretty(report, ctx());
    expect(out.split('\n')[0]).toBe(
      'examples/beijing-individual/manifest.yaml  Beijing  READY until 2030-04-01: Instance swas-bj-example01 (Simple Application Server instance) expires on 2030-06-30: only 2 whole months left, at least 3 are needed.',
    );
  });

  it('pretty: a filing that must wait says from when, in Chinese too', async () => {
    expect(FORMATTERS.pretty(waiting, ctx())).toContain('submit from 2026-11-28');
    const zh = (await checkInProcess([tianjin], { date: '2026-11-26', lang: 'zh' })).report;
    expect(FORMATTERS.pretty(zh, ctx('zh'))).toContain('2026-11-28 起可提交');
  });

  it('markdown: both dates under the filing heading', () => {
    const md = FORMATTERS.markdown(waiting, ctx());
    expect(md).toContain('**submit from 2026-11-28**');
    expect(md).toMatch(/\*\*from 2027-01-01: The certificate expired on 2026-12-31\.\*\*/);
  });

  it('junit: suite properties', () => {
    const xml = FORMATTERS.junit(waiting, ctx());
    expect(xml).toContain('<property name="submitFrom" value="2026-11-28"/>');
    expect(xml).toContain('<property name="submitFromRule" value="domain/real-name-sync"/>');
    expect(xml).toContain('<property name="readyUntil" value="2027-01-01"/>');
    expect(xml).toContain('<property name="readyUntilRule" value="entity/certificate-expiry"/>');
  });

  it('sarif: run properties per filing', () => {
    const log = JSON.parse(FORMATTERS.sarif(waiting, ctx()));
    expect(log.runs[0].properties.filings[0]).toMatchObject({
      submitFrom: { date: '2026-11-28', rule: 'domain/real-name-sync' },
      readyUntil: { date: '2027-01-01', rule: 'entity/certificate-expiry', path: 'entity.certificate.expires', status: 'fail' },
    });
  });
});
