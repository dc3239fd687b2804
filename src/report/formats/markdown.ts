// A report an agency can send to its client: one section per filing with what must be fixed,
// what to confirm, and the documents to prepare, in the chosen language.
import type { FilingReport, Finding, Lang, Report, Status } from '../../model.js';
import { cleanText as stripControl } from './outside-text.js';
import type { FormatContext, Formatter } from './context.js';
import { isFailing, positionText, relativeFile, sortFindings } from './finding-groups.js';
import { documentKindName as documentLabel } from '../document-kinds.js';
import { verdictLabel } from './labels.js';
import { validityWords } from '../validity.js';
import { message } from '../catalogue/index.js';
import { nameOf } from '../catalogue/names.js';
import { citationText } from '../sources.js';

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

type Word = 'title' | 'filing' | 'status' | 'toFix' | 'toConfirm' | 'docsCol' | 'province' | 'unknownProvince' | 'fail' | 'unknown' | 'warn' | 'info';
type MoreWord =
  | 'documents'
  | 'invalid'
  | 'ready'
  | 'readyWithWarnings'
  | 'field'
  | 'source'
  | 'forWhom'
  | 'requiredBy'
  | 'alsoRequiredBy'
  | 'none'
  | 'sources'
  | 'accepted'
  | 'until';

function w(key: Word | MoreWord, lang: Lang): string {
  return message(`md.${key}`, undefined, lang);
}

/** Where a finding points: the manifest field and its line. */
function where(f: Finding, lang: Lang): string {
  const parts: string[] = [];
  if (f.path) parts.push(`${w('field', lang)} ${mdCode(f.path)}`);
  if (f.line !== undefined) parts.push(message('md.line', { line: positionText(f) }, lang));
  return parts.length > 0 ? ` (${parts.join(message('md.whereSeparator', undefined, lang))})` : '';
}

function findingItem(f: Finding, lang: Lang): string {
  const fix = f.fix ? ` — ${mdEscape(f.fix)}` : '';
  const source = f.source ? ` · ${w('source', lang)}: ${mdEscape(citationText(f.source, lang))}` : '';
  const also = f.alsoRequiredBy?.length ? ` · ${w('alsoRequiredBy', lang)}: ${f.alsoRequiredBy.map((r) => mdCode(r)).join(', ')}` : '';
  return `- ${mdEscape(f.message)}${fix}${where(f, lang)}${source}${also}`;
}

const SECTIONS: Array<Exclude<Status, 'pass'>> = ['fail', 'unknown', 'warn', 'info'];

export function missingDocuments(filing: FilingReport) {
  return filing.documents.filter((d) => d.required && !d.provided && !d.reportedBy);
}

function filingSection(filing: FilingReport, index: number, ctx: FormatContext): string {
  const { lang } = ctx;
  const file = relativeFile(filing, ctx.cwd);
  const out: string[] = ['<details>', `<summary>${index + 1}. ${htmlEscape(file)} — ${htmlEscape(verdictLabel(filing.verdict, lang))}</summary>`, ''];
  out.push(`${w('province', lang)}: ${filing.province ? mdEscape(nameOf('province', filing.province, lang)) : w('unknownProvince', lang)}`, '');
  const dates = validityWords(filing, lang);
  for (const line of [dates.submitFrom, dates.readyUntil]) if (line) out.push(`**${mdEscape(line)}**`, '');
  // -q: only what needs action (under --strict warnings and unknowns too).
  const findings = sortFindings(filing.findings.filter((f) => f.status !== 'pass' && (!ctx.quiet || isFailing(f.status, ctx.strict))));
  if (filing.verdict === 'invalid') {
    out.push(w('invalid', lang), '');
    for (const f of findings) out.push(findingItem(f, lang));
    out.push('', '</details>', '');
    return out.join('\n');
  }
  for (const status of SECTIONS) {
    const list = findings.filter((f) => f.status === status && !f.accepted);
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
  const accepted = findings.filter((f) => f.accepted);
  if (accepted.length > 0) {
    out.push(`### ${w('accepted', lang)}`, '');
    for (const f of accepted)
      out.push(`${findingItem(f, lang)} — ${mdEscape(f.accepted!.reason)} (${w('until', lang)} ${mdEscape(f.accepted!.until)}, ${mdCode(f.accepted!.entry)})`);
    out.push('');
  }
  if (filing.verdict === 'ready') out.push(w('ready', lang), '');
  if (filing.verdict === 'ready-with-warnings') out.push(w('readyWithWarnings', lang), '');
  out.push('</details>', '');
  return out.join('\n');
}

/** Raw HTML inside Markdown (`<summary>`) takes HTML escaping. */
function htmlEscape(text: string): string {
  return stripControl(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What a pull-request comment accepts is 65,536 characters; the report stays under this. */
export const MARKDOWN_BUDGET = 65_000;

function leftOutNote(files: string[], filings: number, lang: Lang): string {
  const names = files.slice(0, 10).map((f) => mdCode(f));
  const more = files.length > names.length ? message('md.leftOutMore', { count: files.length, more: files.length - names.length }, lang) : '';
  const rows = filings > 0 ? message('md.leftOutRows', { rows: filings }, lang) : '';
  return message('md.leftOut', { budget: MARKDOWN_BUDGET, rows, files: names.join(message('list.separator', undefined, lang)), more }, lang);
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
  const intro = message('md.intro', { date: mdEscape(report.date), tool: mdEscape(tool), rules: mdEscape(report.tool.rulesDate) }, lang);
  const out = [`# ${w('title', lang)}`, '', intro, ''];
  if (report.filings.length === 0) return [...out, w('none', lang), ''].join('\n');
  // The summary table, then the details of each filing that is not ready, folded; everything within the budget.
  const reserve = 2_000;
  let size = out.join('\n').length;
  const table = filingsTable(report, ctx).split('\n');
  let rowsLeftOut = 0;
  const kept: string[] = [];
  for (const row of table) {
    if (size + row.length + 1 > MARKDOWN_BUDGET - reserve) {
      rowsLeftOut = table.length - kept.length;
      break;
    }
    kept.push(row);
    size += row.length + 1;
  }
  for (const row of kept) out.push(row);
  out.push('');
  const leftOut: string[] = [];
  report.filings.forEach((filing, i) => {
    if (filing.verdict === 'ready') return;
    // -q: only the filings that fail the run.
    if (ctx.quiet && filing.verdict === 'ready-with-warnings' && !ctx.strict) return;
    const block = filingSection(filing, i, ctx).replace(/\n{3,}/g, '\n\n');
    if (rowsLeftOut > 0 || size + block.length + 1 > MARKDOWN_BUDGET - reserve) {
      leftOut.push(relativeFile(filing, ctx.cwd));
      return;
    }
    out.push(block);
    size += block.length + 1;
  });
  if (leftOut.length > 0 || rowsLeftOut > 0) out.push(leftOutNote(leftOut, rowsLeftOut, lang), '');
  const sources = Object.entries(report.sources ?? {});
  if (sources.length > 0 && !ctx.quiet) {
    const lines = [`## ${w('sources', lang)}`, ''];
    for (const [key, s] of sources)
      lines.push(`- ${mdCode(key)}: ${mdEscape(s.title)}, ${mdEscape(s.publisher)}${s.date ? `, ${mdEscape(s.date)}` : ''}${s.url ? ` <${s.url}>` : ''}`);
    const block = lines.join('\n');
    if (size + block.length + 1 <= MARKDOWN_BUDGET) out.push(block, '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
};
