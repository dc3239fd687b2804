// Sources a reader can follow: every citation names a source of regulations/sources.yaml, no rule
// cites a project-internal file, and explain, Markdown and JSON give titles and addresses.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { bundledRegulations } from '../../src/regulations/index.js';
import { citationText, citationsOf, sourceKeyOf, sourceTable } from '../../src/report/sources.js';
import { renderExplain } from '../../src/commands/explain.js';
import { markdown } from '../../src/report/formats/markdown.js';
import { checkExamples, formatContext } from './examples.js';

const INTERNAL = /CONTRACT\.md|EXTRA-RULES\.md|\.md\b/;
const dataRules = new Set(bundledRegulations().rules.map((r) => r.id));
const codeRules = allRuleMetas().filter((r) => !dataRules.has(r.id));

let report: Report;
beforeAll(async () => {
  report = await checkExamples(['tianjin-enterprise-problems'], 'en');
}, 60_000);

describe('sources', () => {
  it('every citation of a rule written as code names a known source, and none a project file', () => {
    const unknown = codeRules.flatMap((r) =>
      citationsOf(r.source)
        .filter((c) => !sourceKeyOf(c))
        .map((c) => `${r.id}: ${c}`),
    );
    expect(unknown).toEqual([]);
    expect(codeRules.filter((r) => INTERNAL.test(r.source)).map((r) => r.id)).toEqual([]);
  });

  // The rule texts of regulations/*.yaml are edited on their own; a citation of a design note there
  // is listed here until it names the public page instead.
  it('every citation of a rule in regulations/ names a known source', () => {
    const unknown = allRuleMetas()
      .filter((r) => dataRules.has(r.id))
      .flatMap((r) =>
        citationsOf(r.source)
          .filter((c) => !sourceKeyOf(c))
          .map((c) => `${r.id}: ${c}`),
      );
    expect(unknown.filter((c) => !INTERNAL.test(c))).toEqual([]);
  });

  it('gives every source a title and publisher in both languages', () => {
    for (const [key, s] of Object.entries(sourceTable())) {
      expect(s.title.en, key).not.toBe('');
      expect(s.title.zh, key).toMatch(/[\u4e00-\u9fff]/);
      if (s.url) expect(s.url, key).toMatch(/^https:\/\//);
    }
    for (const key of ['before', 'materials', 'reuse', 'guide']) expect(sourceTable()[key]).toBeDefined();
  });

  it('the JSON report lists the sources its findings cite', () => {
    const cited = new Set(report.filings[0]!.findings.flatMap((f) => citationsOf(f.source).map(sourceKeyOf)).filter(Boolean));
    expect(Object.keys(report.sources ?? {}).sort()).toEqual([...cited].sort());
    expect(report.sources?.before).toMatchObject({ title: 'Before ICP Filing', publisher: 'Alibaba Cloud documentation' });
  });

  it('Markdown ends with the sources; explain names each with its address', () => {
    const md = markdown(report, formatContext('en'));
    expect(md).toContain('## Sources');
    expect(md).toContain('Before ICP Filing');
    const explain = renderExplain(allRuleMetas().find((r) => r.id === 'whois/expiry')!, 'en');
    expect(explain).toContain('https://www.alibabacloud.com/help/faq-detail/50260.htm');
  });

  it('in Chinese, a citation names the source by its Chinese title and keeps the section', () => {
    expect(citationText('before §5.9.2 (Tianjin: "A same mobile phone number")', 'zh')).toBe('《ICP备案前须知》§5.9.2');
    expect(citationText('before Table 4-1; guide: step 8', 'zh')).toBe('《ICP备案前须知》表 4-1；《ICP备案指南》第 8 步');
    expect(citationText('before §5.9.2', 'en')).toBe('before §5.9.2');
  });
});
