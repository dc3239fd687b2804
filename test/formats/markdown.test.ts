import { describe, expect, it } from 'vitest';
import { markdown, mdCode, mdEscape } from '../../src/report/formats/markdown.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { documentKindName } from '../../src/report/document-kinds.js';
import { verdictLabel } from '../../src/report/formats/labels.js';
import { makeFilings, makeReport, RULE_MAP } from './filings-fixture.js';

const en: FormatContext = { lang: 'en', rules: RULE_MAP, cwd: '/work/repo' };
const zh: FormatContext = { ...en, lang: 'zh' };

/** The folded details of each filing, by their `<summary>` line. */
function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^<details>\n<summary>(.*)<\/summary>\n([\s\S]*?)^<\/details>$/gm)) out.set(m[1]!, m[2]!);
  return out;
}

describe('markdown', () => {
  const filings = makeFilings(30, '/work/repo/filings');
  const report = makeReport(filings);

  it('folds the details of each filing not ready, in order, under the file and its verdict', () => {
    for (const ctx of [en, zh]) {
      const heads = [...sections(markdown(report, ctx)).keys()];
      const expected = report.filings.flatMap((f, i) => (f.verdict === 'ready' ? [] : [`${i + 1}. ${f.file.replace('/work/repo/', '')} — ${verdictLabel(f.verdict, ctx.lang)}`]));
      expect(heads).toEqual(expected);
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

  it('shows a ready filing in the table only, says one with warnings can be submitted, and lists an invalid one’s syntax error', () => {
    const ready = filings.find((f) => f.kind === 'ready')!;
    const warned = filings.find((f) => f.kind === 'warnings')!;
    const invalid = filings.find((f) => f.kind === 'invalid')!;
    const text = markdown(makeReport([ready, warned, invalid]), en);
    expect(sections(text).size).toBe(2);
    expect(text).toContain(`| ${mdEscape(ready.file.replace('/work/repo/', ''))} | ready |`);
    const [readySection, invalidSection] = [...sections(text).values()];
    expect(readySection).toContain('This filing can be submitted; read the warnings above first.');
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
