import { describe, expect, it } from 'vitest';
import { markdown, mdCode, mdEscape } from '../../src/report/formats/markdown.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { documentKindName } from '../../src/report/document-kinds.js';
import { verdictLabel } from '../../src/report/formats/labels.js';
import { makeFilings, makeReport, RULE_MAP } from './filings-fixture.js';

const en: FormatContext = { lang: 'en', rules: RULE_MAP, cwd: '/work/repo' };
const zh: FormatContext = { ...en, lang: 'zh' };

/** The filing sections: heading line to the next heading of the same level. */
function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = text.split(/^## /m).slice(1);
  for (const p of parts) out.set(p.split('\n')[0]!, p);
  return out;
}

describe('markdown', () => {
  const filings = makeFilings(30, '/work/repo/filings');
  const report = makeReport(filings);

  it('has one section per filing, in order, headed by the file and its verdict', () => {
    for (const ctx of [en, zh]) {
      const heads = [...sections(markdown(report, ctx)).keys()];
      expect(heads).toEqual(report.filings.map((f, i) => `${i + 1}. ${mdEscape(f.file.replace('/work/repo/', ''))} — ${verdictLabel(f.verdict, ctx.lang)}`));
    }
  });

  it('lists what must be fixed and the documents to prepare, in the chosen language', () => {
    const withDocs = filings.find((f) => f.kind === 'blocked-documents')!;
    for (const ctx of [en, zh]) {
      const [section] = [...sections(markdown(makeReport([withDocs]), ctx)).values()];
      const fail = withDocs.report.findings.find((f) => f.status === 'fail')!;
      expect(section).toContain(ctx.lang === 'en' ? '### What must be fixed before submitting' : '### 提交前必须处理');
      expect(section).toContain(`- ${mdEscape(fail.message)} — ${mdEscape(fail.fix!)}`);
      expect(section).toContain(ctx.lang === 'en' ? `line ${fail.line}:${fail.column}` : `第 ${fail.line}:${fail.column} 行`);
      expect(section).toContain(ctx.lang === 'en' ? '### Documents to prepare' : '### 需准备的材料');
      expect(section).toContain(`- [ ] ${mdEscape(documentKindName('website-construction-plan', ctx.lang))}`);
    }
  });

  it('says a ready filing can be submitted and lists an invalid one’s syntax error', () => {
    const ready = filings.find((f) => f.kind === 'ready')!;
    const invalid = filings.find((f) => f.kind === 'invalid')!;
    const text = markdown(makeReport([ready, invalid]), en);
    const [readySection, invalidSection] = [...sections(text).values()];
    expect(readySection).toContain('this filing can be submitted');
    expect(readySection).not.toContain('### What must be fixed');
    expect(readySection).not.toContain('### Documents to prepare');
    expect(invalidSection).toContain('could not be read or validated');
    expect(invalidSection).toContain(`line ${invalid.report.findings[0]!.line}`);
  });

  it('starts with a table with a row per filing and the counts', () => {
    const rows = markdown(report, en)
      .split('\n')
      .filter((l) => l.startsWith('| filings/'));
    expect(rows).toHaveLength(30);
    const first = report.filings[2]!;
    expect(rows[2]).toBe(`| ${mdEscape('filings/client-03.yaml')} | ${verdictLabel(first.verdict, 'en')} | ${first.summary.fail} | ${first.summary.unknown} | 0 |`);
  });

  it('escapes outside text and fences code that contains backticks', () => {
    expect(mdEscape('a*b_c [x](y) <b> | #1 & ~z~ `t`')).toBe('a\\*b\\_c \\[x\\]\\(y\\) \\<b\\> \\| \\#1 \\& \\~z\\~ \\`t\\`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x')).toBe('`` `x ``');
  });
});
