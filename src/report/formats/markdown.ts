// A report an agency can send to its client: one section per filing with what must be fixed,
// what to confirm, and the documents to prepare, in the chosen language.
import type { FilingReport, Finding, Lang, Report, Status } from '../../model.js';
import { cleanText as stripControl } from './outside-text.js';
import type { FormatContext, Formatter } from './context.js';
import { positionText, relativeFile, sortFindings } from './finding-groups.js';
import { documentKindName as documentLabel } from '../document-kinds.js';
import { verdictLabel } from './labels.js';
import { validityWords } from '../validity.js';

/** Outside text on one line with every character Markdown could read as markup escaped. */
export function mdEscape(text: string): string {
  return stripControl(text)
    .replace(/\r/g, ' ')
    .replace(/[\\`*_{}[\]()<>#|~!&$]/g, (c) => `\\${c}`);
}

/** A code span that survives backticks inside (a longer fence) and never breaks the line. */
export function mdCode(text: string): string {
  const clean = stripControl(text).replace(/\r/g, ' ');
  const longest = (clean.match(/`+/g) ?? []).reduce((m, run) => Math.max(m, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

const WORDS = {
  title: { en: 'ICP filing pre-flight report', zh: 'ICP备案预检报告' },
  intro: {
    en: (date: string, tool: string, rules: string) => `Checked on ${date} with ${tool} (rules as of ${rules}).`,
    zh: (date: string, tool: string, rules: string) => `检查日期：${date}；工具：${tool}（规则版本 ${rules}）。`,
  },
  filing: { en: 'Filing', zh: '备案' },
  status: { en: 'Status', zh: '状态' },
  toFix: { en: 'To fix', zh: '需修改' },
  toConfirm: { en: 'To confirm', zh: '待确认' },
  docsCol: { en: 'Documents to prepare', zh: '需准备材料' },
  province: { en: 'Province', zh: '备案省份' },
  unknownProvince: { en: 'not determined', zh: '未确定' },
  fail: { en: 'What must be fixed before submitting', zh: '提交前必须处理' },
  unknown: { en: 'What to confirm by hand', zh: '需要人工确认' },
  warn: { en: 'Warnings', zh: '提醒' },
  info: { en: 'Notes', zh: '说明' },
  documents: { en: 'Documents to prepare', zh: '需准备的材料' },
  invalid: {
    en: 'The manifest could not be read or validated; correct it and check again:',
    zh: '备案清单无法读取或校验未通过，请修改后重新检查：',
  },
  ready: { en: 'Nothing is missing: this filing can be submitted.', zh: '未发现问题，可以提交。' },
  readyWithWarnings: { en: 'This filing can be submitted; read the warnings above first.', zh: '可以提交，但请先阅读上面的提醒。' },
  field: { en: 'field', zh: '字段' },
  source: { en: 'source', zh: '依据' },
  forWhom: { en: 'for', zh: '对应' },
  requiredBy: { en: 'required by', zh: '依据规则' },
  none: { en: 'No filings were checked.', zh: '没有检查任何备案。' },
} as const;

function w(key: Exclude<keyof typeof WORDS, 'intro'>, lang: Lang): string {
  return WORDS[key][lang];
}

/** Where a finding points: the manifest field and its line. */
function where(f: Finding, lang: Lang): string {
  const parts: string[] = [];
  if (f.path) parts.push(`${w('field', lang)} ${mdCode(f.path)}`);
  if (f.line !== undefined) parts.push(lang === 'zh' ? `第${positionText(f)}行` : `line ${positionText(f)}`);
  return parts.length > 0 ? ` (${parts.join(lang === 'zh' ? '，' : ', ')})` : '';
}

function findingItem(f: Finding, lang: Lang): string {
  const fix = f.fix ? ` — ${mdEscape(f.fix)}` : '';
  const source = f.source ? ` · ${w('source', lang)}: ${mdEscape(f.source)}` : '';
  return `- ${mdEscape(f.message)}${fix}${where(f, lang)}${source}`;
}

const SECTIONS: Array<Exclude<Status, 'pass'>> = ['fail', 'unknown', 'warn', 'info'];

export function missingDocuments(filing: FilingReport) {
  return filing.documents.filter((d) => d.required && !d.provided);
}

function filingSection(filing: FilingReport, index: number, ctx: FormatContext): string {
  const { lang } = ctx;
  const file = relativeFile(filing, ctx.cwd);
  const out: string[] = [`## ${index + 1}. ${mdEscape(file)} — ${mdEscape(verdictLabel(filing.verdict, lang))}`, ''];
  out.push(`${w('province', lang)}: ${filing.province ? mdEscape(filing.province) : w('unknownProvince', lang)}`, '');
  const dates = validityWords(filing, lang);
  for (const line of [dates.submitFrom, dates.readyUntil]) if (line) out.push(`**${mdEscape(line)}**`, '');
  const findings = sortFindings(filing.findings.filter((f) => f.status !== 'pass'));
  if (filing.verdict === 'invalid') {
    out.push(w('invalid', lang), '');
    for (const f of findings) out.push(findingItem(f, lang));
    out.push('');
    return out.join('\n');
  }
  for (const status of SECTIONS) {
    const list = findings.filter((f) => f.status === status);
    if (list.length === 0) continue;
    out.push(`### ${w(status, lang)}`, '');
    for (const f of list) out.push(findingItem(f, lang));
    out.push('');
  }
  const missing = missingDocuments(filing);
  if (missing.length > 0) {
    out.push(`### ${w('documents', lang)}`, '');
    for (const d of missing) {
      const rules = d.rules.length > 0 ? ` · ${w('requiredBy', lang)}: ${d.rules.map((r) => mdCode(r)).join(', ')}` : '';
      out.push(`- [ ] ${mdEscape(documentLabel(d.kind, lang))} — ${w('forWhom', lang)} ${mdCode(d.for)}${rules}`);
    }
    out.push('');
  }
  if (filing.verdict === 'ready') out.push(w('ready', lang), '');
  if (filing.verdict === 'ready-with-warnings') out.push(w('readyWithWarnings', lang), '');
  return out.join('\n');
}

/** The table of filings both the client report and the GitHub step summary start with. */
export function filingsTable(report: Report, ctx: FormatContext): string {
  const { lang } = ctx;
  const rows = report.filings.map((f) => {
    const cells = [
      mdEscape(relativeFile(f, ctx.cwd)),
      mdEscape(verdictLabel(f.verdict, lang)),
      String(f.summary.fail),
      String(f.summary.unknown),
      String(missingDocuments(f).length),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    `| ${[w('filing', lang), w('status', lang), w('toFix', lang), w('toConfirm', lang), w('docsCol', lang)].join(' | ')} |`,
    '| --- | --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

export const markdown: Formatter = (report: Report, ctx: FormatContext): string => {
  const { lang } = ctx;
  const tool = `${report.tool.name} ${report.tool.version}`;
  const intro = WORDS.intro[lang](mdEscape(report.date), mdEscape(tool), mdEscape(report.tool.rulesDate));
  const out = [`# ${w('title', lang)}`, '', intro, ''];
  if (report.filings.length === 0) return [...out, w('none', lang), ''].join('\n');
  out.push(filingsTable(report, ctx), '');
  report.filings.forEach((filing, i) => out.push(filingSection(filing, i, ctx)));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
};
