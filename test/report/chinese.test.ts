// In `--lang zh` every word a person reads is Chinese, except rule ids, paths, domains, numbers and
// units: the rules' texts, the findings of every example, and every format's own words.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import type { RuleMeta } from '../../src/rules/types.js';
import { bundledRegulations } from '../../src/regulations/index.js';
import { FORMATTERS } from '../../src/report/formats/index.js';
import { checkExamples, EXAMPLES, formatContext } from './examples.js';
import { latinWords } from './latin-words.js';
import { CATALOGUES } from '../../src/report/catalogue/index.js';
import { NAME_TABLES } from '../../src/report/catalogue/names.js';

const dataRules = new Set(bundledRegulations().rules.map((r) => r.id));
const fromYaml = (rule: string) => dataRules.has(rule);

/** `where: words` for each text with Latin words. */
function offenders(texts: Array<[string, string]>): string[] {
  return texts.flatMap(([where, text]) => {
    const words = latinWords(text);
    return words.length ? [`${where}: ${[...new Set(words)].join(' ')} | ${text.slice(0, 120)}`] : [];
  });
}

function ruleTexts(rules: RuleMeta[]): Array<[string, string]> {
  return rules.flatMap((r) => [
    [`${r.id} title`, r.title.zh] as [string, string],
    [`${r.id} explain`, r.explain.zh] as [string, string],
    ...Object.entries(r.messages).flatMap(([k, m]) => [[`${r.id} ${k}`, m.message.zh] as [string, string], ...(m.fix ? [[`${r.id} ${k}.fix`, m.fix.zh] as [string, string]] : [])]),
  ]);
}

const findingTexts = (findings: Finding[]): Array<[string, string]> =>
  findings.flatMap((f) => [[`${f.rule} ${f.path}`, f.message] as [string, string], ...(f.fix ? [[`${f.rule} ${f.path} fix`, f.fix] as [string, string]] : [])]);

let report: Report;
beforeAll(async () => {
  report = await checkExamples(EXAMPLES, 'zh');
}, 60_000);

describe('Chinese output', () => {
  it('the texts of the rules written as code are Chinese', () => {
    expect(offenders(ruleTexts(allRuleMetas().filter((r) => !fromYaml(r.id))))).toEqual([]);
  });

  it('the findings of every example, from rules written as code, are Chinese', () => {
    const findings = report.filings.flatMap((f) => f.findings).filter((f) => !fromYaml(f.rule));
    expect(offenders(findingTexts(findings))).toEqual([]);
  });

  it('every format adds only Chinese words of its own', () => {
    // Messages and rule texts are checked above; here they are replaced, so what is left is the format's.
    const plain: Report = {
      ...report,
      filings: report.filings.map((f) => ({ ...f, findings: f.findings.map((x) => ({ ...x, message: '消息', ...(x.fix ? { fix: '处理' } : {}) })) })),
    };
    const rules = new Map([...formatContext('zh').rules].map(([id, r]) => [id, { ...r, title: { en: 'T', zh: '标题' }, explain: { en: 'E', zh: '说明' }, quote: undefined }]));
    const problems: string[] = [];
    for (const [name, format] of Object.entries(FORMATTERS)) {
      for (const verbose of [false, true]) {
        const text = format(plain, formatContext('zh', { rules, verbose }));
        for (const t of readable(name, text)) problems.push(...offenders([[`${name}${verbose ? ' --verbose' : ''}`, t]]));
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('uses the glossary: 备案资料文件, 备案服务号, 人像面/国徽面, 通信管理局, 国家金融监督管理总局', () => {
    const FORBIDDEN = /清单|服务码|(?<!备案)服务号|正面|反面|背面|(?<!通信)管局|银保监/;
    const texts = [
      ...ruleTexts(allRuleMetas().filter((r) => !fromYaml(r.id))),
      ...Object.entries(CATALOGUES.zh),
      ...Object.values(NAME_TABLES).flatMap((t) => Object.entries(t!).map(([k, v]) => [k, v.zh] as [string, string])),
    ];
    expect(texts.filter(([, t]) => FORBIDDEN.test(t)).map(([where, t]) => `${where}: ${t}`)).toEqual([]);
  });

  // Province and general rule texts live in regulations/*.yaml and are brought to the same glossary
  // there; this check is skipped only for that YAML-sourced text until it passes, and is not relaxed.
  it('the texts of the rules in regulations/*.yaml, and their findings in the examples, are Chinese', () => {
    const texts = [...ruleTexts(allRuleMetas().filter((r) => fromYaml(r.id))), ...findingTexts(report.filings.flatMap((f) => f.findings).filter((f) => fromYaml(f.rule)))];
    expect(offenders(texts)).toEqual([]);
  });
});

/** The parts of a format's output a person reads (machine keys and values of XML and JSON are not). */
function readable(format: string, text: string): string[] {
  if (format === 'json') {
    const r = JSON.parse(text) as Report;
    return [...r.filings.flatMap((f) => f.findings.flatMap((x) => [x.message, x.fix ?? ''])), ...Object.values(r.sources ?? {}).flatMap((s) => [s.title, s.publisher])];
  }
  if (format === 'sarif') {
    const run = JSON.parse(text).runs[0];
    return [
      ...run.results.map((r: { message: { text: string } }) => r.message.text),
      ...run.tool.driver.rules.flatMap((r: { shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string } }) => [
        r.shortDescription.text,
        r.fullDescription.text,
        r.help.text,
      ]),
    ];
  }
  if (format === 'junit') {
    const attrs = [...text.matchAll(/ message="([^"]*)"/g)].map((m) => m[1]!);
    const bodies = [...text.matchAll(/>([^<]+)</g)].map((m) => m[1]!).filter((t) => t.trim());
    return [...attrs, ...bodies];
  }
  if (format === 'github') return text.split('\n').map((l) => l.replace(/^::[^:]*::/, '').replace(/%0A/g, '\n'));
  if (format === 'html') {
    // The text of the page: without its style sheet and markup, the escaping undone.
    const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    return text
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .split(/<[^>]*>/)
      .map((t) => t.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e]!))
      .filter((t) => t.trim());
  }
  return [text];
}
