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
import { type StreamFormat, streamReport } from './stream.js';

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

function leftOutNote(firstFiles: string[], files: number, rows: number, lang: Lang): string {
  const names = firstFiles.slice(0, 10).map((f) => mdCode(f));
  const more = files > names.length ? message('md.leftOutMore', { count: files, more: files - names.length }, lang) : '';
  const rowsText = rows > 0 ? message('md.leftOutRows', { rows }, lang) : '';
  return message('md.leftOut', { budget: MARKDOWN_BUDGET, rows: rowsText, files: names.join(message('list.separator', undefined, lang)), more }, lang);
}

/** The head of the table of filings both the client report and the GitHub step summary start with. */
export function tableHead(lang: Lang): string[] {
  return [`| ${[w('filing', lang), w('status', lang), w('toFix', lang), w('toConfirm', lang), w('docsCol', lang)].join(' | ')} |`, '| --- | --- | ---: | ---: | ---: |'];
}

/** A filing's row of that table. */
export function tableRow(f: FilingReport, ctx: FormatContext): string {
  const cells = [
    mdEscape(relativeFile(f, ctx.cwd)),
    mdEscape(verdictLabel(f.verdict, ctx.lang)),
    String(f.summary.fail),
    String(f.summary.unknown),
    String(missingDocuments(f).length),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Room kept for the note of what was left out and the sources. */
const RESERVE = 2_000;

/**
 * The summary table, then the details of each filing that is not ready, folded; everything within
 * the budget. Rows are kept while they fit; the details wait in a spool until the table's size is
 * known, then go in while they fit, in order.
 */
export const markdownStream: StreamFormat = (head, ctx, spools) => {
  const { lang } = ctx;
  const tool = `${head.tool.name} ${head.tool.version}`;
  const intro = message('md.intro', { date: mdEscape(head.date), tool: mdEscape(tool), rules: mdEscape(head.tool.rulesDate) }, lang);
  const out = [`# ${w('title', lang)}`, '', intro, ''];
  let size = out.join('\n').length;
  const kept: string[] = [];
  let tableFull = false;
  let rowsLeftOut = 0;
  const addRow = (row: string) => {
    if (!tableFull && size + row.length + 1 > MARKDOWN_BUDGET - RESERVE) tableFull = true;
    if (tableFull) {
      rowsLeftOut++;
      return;
    }
    kept.push(row);
    size += row.length + 1;
  };
  for (const row of tableHead(lang)) addRow(row);
  // Each detail block with its file, in input order.
  const blocks = spools.spool();
  return {
    begin: () => [],
    filing(filing, i) {
      addRow(tableRow(filing, ctx));
      if (filing.verdict === 'ready') return [];
      // -q: only the filings that fail the run.
      if (ctx.quiet && filing.verdict === 'ready-with-warnings' && !ctx.strict) return [];
      blocks.appendRecord(relativeFile(filing, ctx.cwd));
      blocks.appendRecord(filingSection(filing, i, ctx).replace(/\n{3,}/g, '\n\n'));
      return [];
    },
    *end(tail) {
      if (head.total === 0) {
        yield [...out, w('none', lang), ''].join('\n');
        return;
      }
      for (const row of kept) out.push(row);
      out.push('');
      const leftOut: string[] = [];
      let leftOutCount = 0;
      let file: string | undefined;
      for (const record of blocks.records()) {
        if (file === undefined) {
          file = record;
          continue;
        }
        const block = record;
        if (rowsLeftOut > 0 || size + block.length + 1 > MARKDOWN_BUDGET - RESERVE) {
          if (leftOut.length < 10) leftOut.push(file);
          leftOutCount++;
        } else {
          out.push(block);
          size += block.length + 1;
        }
        file = undefined;
      }
      if (leftOutCount > 0 || rowsLeftOut > 0) out.push(leftOutNote(leftOut, leftOutCount, rowsLeftOut, lang), '');
      const sources = Object.entries(tail.sources ?? {});
      if (sources.length > 0 && !ctx.quiet) {
        const lines = [`## ${w('sources', lang)}`, ''];
        for (const [key, s] of sources)
          lines.push(`- ${mdCode(key)}: ${mdEscape(s.title)}, ${mdEscape(s.publisher)}${s.date ? `, ${mdEscape(s.date)}` : ''}${s.url ? ` <${s.url}>` : ''}`);
        const block = lines.join('\n');
        if (size + block.length + 1 <= MARKDOWN_BUDGET) out.push(block, '');
      }
      yield `${out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd()}\n`;
    },
  };
};

export const markdown: Formatter = (report: Report, ctx: FormatContext): string => [...streamReport(markdownStream, report, ctx)].join('');
