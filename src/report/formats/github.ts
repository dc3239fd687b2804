// GitHub Actions workflow commands: an annotation per finding on the manifest's line, so a pull
// request shows each problem where it is; plus the Markdown for `$GITHUB_STEP_SUMMARY`.
import type { FilingReport, Finding, Lang, Report, RequiredDocument, Status } from '../../model.js';
import { cleanText as stripControl } from './outside-text.js';
import type { FormatContext, Formatter } from './context.js';
import { isFailing, relativeFile, repositoryFile, sortFindings } from './finding-groups.js';
import { documentKindName as documentLabel } from '../document-kinds.js';
import { message } from '../catalogue/index.js';
import { citationText } from '../sources.js';
import { holderName } from '../catalogue/names.js';
import { statusLabel, verdictLabel } from './labels.js';
import { filingsTable, mdCode, mdEscape, missingDocuments } from './markdown.js';

type Command = 'error' | 'warning' | 'notice';

/** Message data: `%`, CR and LF are the characters the runner decodes (documented escaping). */
export function escapeData(text: string): string {
  return stripControl(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Property values additionally escape `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** fail → error, warn and unknown → warning (as in SARIF); `--strict` turns the last two into errors. */
export function commandFor(status: Status, strict?: boolean): Command | undefined {
  if (isFailing(status, strict)) return 'error';
  if (status === 'warn' || status === 'unknown') return 'warning';
  return undefined;
}

/** GitHub shows at most this many annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

function annotation(command: Command, props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${command}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

interface Item {
  command: Command;
  /** Within a level: an invalid manifest first, then failures, then missing documents. */
  rank: number;
  filing: number;
  line: number;
  file: string;
  title: string;
  col?: number;
  message: string;
}

function findingMessage(f: Finding, lang: Lang): string {
  const lines = [f.message];
  if (f.fix) lines.push(f.fix);
  const ref = [f.path ? `${message('ci.at', undefined, lang)} ${f.path}` : '', f.source ? `${message('ci.source', undefined, lang)}: ${citationText(f.source, lang)}` : '']
    .filter(Boolean)
    .join('; ');
  if (ref) lines.push(ref);
  return lines.join('\n');
}

function filingItems(filing: FilingReport, index: number, ctx: FormatContext): Item[] {
  const file = repositoryFile(filing, ctx);
  const out: Item[] = [];
  const findings = sortFindings(filing.findings);
  for (const f of findings) {
    const command = commandFor(f.status, ctx.strict);
    if (!command || f.accepted) continue;
    // -q: only what fails the run.
    if (ctx.quiet && command !== 'error') continue;
    const rank = filing.verdict === 'invalid' ? 0 : f.status === 'fail' ? 1 : 3;
    out.push({ command, rank, filing: index, line: f.line ?? 1, col: f.column, file, title: f.rule, message: findingMessage(f, ctx.lang) });
  }
  // A missing document no failing finding already names still fails the filing, so it is shown too, on its holder's line.
  const named = new Set(findings.filter((f) => isFailing(f.status, ctx.strict) && !f.accepted).flatMap((f) => f.documents ?? []));
  for (const d of missingDocuments(filing)) {
    if (named.has(d.kind) || d.reportedBy) continue;
    out.push({ command: 'error', rank: 2, filing: index, line: d.line ?? 1, col: d.column, file, title: d.rules[0] ?? 'document/required', message: missingText(d, ctx.lang) });
  }
  return out;
}

const LEVELS: Command[] = ['error', 'warning', 'notice'];

function moreText(n: number, command: Command, lang: Lang): string {
  return message(`ci.more.${command}`, { count: n, cap: ANNOTATIONS_PER_LEVEL }, lang);
}

/** A log line for an item past the cap: readable, and never a workflow command. */
function plainLine(item: Item): string {
  return stripControl(`${item.command}: ${item.file}:${item.line}${item.col !== undefined ? `:${item.col}` : ''}: ${item.title}: ${item.message.replace(/\n/g, ' — ')}`);
}

function missingText(d: RequiredDocument, lang: Lang): string {
  return message('ci.missingDocument', { name: documentLabel(d.kind, lang), kind: d.kind, holder: holderName(d.for, lang) }, lang);
}

function countText(report: Report, ctx: FormatContext): string {
  const counts = new Map<string, number>();
  for (const f of report.filings) counts.set(f.verdict, (counts.get(f.verdict) ?? 0) + 1);
  const parts = (['ready', 'ready-with-warnings', 'blocked', 'invalid'] as const).filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${verdictLabel(v, ctx.lang)}`);
  const total = report.filings.length;
  const head = message('ci.count', { total }, ctx.lang);
  return parts.length ? `${head}${message('ci.countSeparator', undefined, ctx.lang)}${parts.join(message('list.separator', undefined, ctx.lang))}` : head;
}

/** The annotations in pieces: failures first, the most important first; each level within GitHub's cap. */
export function* githubChunks(report: Report, ctx: FormatContext): Generator<string> {
  const items = report.filings.flatMap((filing, i) => filingItems(filing, i, ctx));
  const rest: string[] = [];
  // Each level within GitHub's cap, the last slot saying how many more; the rest follow as plain log lines.
  for (const command of LEVELS) {
    const level = items.filter((x) => x.command === command).sort((a, b) => a.rank - b.rank || a.filing - b.filing || a.line - b.line || (a.col ?? 0) - (b.col ?? 0));
    const shown = level.length > ANNOTATIONS_PER_LEVEL ? level.slice(0, ANNOTATIONS_PER_LEVEL - 1) : level;
    const lines = shown.map((x) => annotation(command, { file: x.file, line: x.line, col: x.col, title: x.title }, x.message));
    if (shown.length < level.length) {
      lines.push(annotation(command, { title: 'icp-check' }, moreText(level.length - shown.length, command, ctx.lang)));
      for (const x of level.slice(shown.length)) rest.push(plainLine(x));
    }
    if (lines.length > 0) yield `${lines.join('\n')}\n`;
  }
  for (let i = 0; i < rest.length; i += 1000) yield `${rest.slice(i, i + 1000).join('\n')}\n`;
  // A plain closing line for the log; it cannot start a workflow command.
  yield `${stripControl(`${report.tool.name}: ${countText(report, ctx)}`)}\n`;
}

export const github: Formatter = (report: Report, ctx: FormatContext): string => [...githubChunks(report, ctx)].join('');

/** The `<summary>` line is raw HTML inside Markdown, so it takes HTML escaping. */
function htmlEscape(text: string): string {
  return stripControl(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// GitHub rejects a step summary over 1 MiB; details stop well before that.
const SUMMARY_BUDGET = 900 * 1024;

/** Markdown appended to `$GITHUB_STEP_SUMMARY`: the table of filings and the details of those not ready. */
export function githubStepSummary(report: Report, ctx: FormatContext): string {
  const head = [`### ${mdEscape(report.tool.name)}: ${mdEscape(countText(report, ctx))}`, ''];
  if (report.filings.length === 0) return `${head.join('\n')}\n`;
  const out = [...head, filingsTable(report, ctx), ''];
  let size = Buffer.byteLength(out.join('\n'));
  let omitted = 0;
  for (const filing of report.filings) {
    if (filing.verdict === 'ready') continue;
    const file = relativeFile(filing, ctx.cwd);
    const items = sortFindings(filing.findings.filter((f) => f.status !== 'pass' && f.status !== 'info')).map((f) => {
      const pos = f.line !== undefined ? ` ${message('ci.line', { line: f.line }, ctx.lang)}` : '';
      const fix = f.fix ? ` — ${mdEscape(f.fix)}` : '';
      const accepted = f.accepted ? ` _(${message('ci.accepted', { reason: mdEscape(f.accepted.reason), until: f.accepted.until }, ctx.lang)})_` : '';
      return `- **${mdEscape(statusLabel(f.status, ctx.lang))}**${pos} ${mdCode(f.rule)}: ${mdEscape(f.message)}${fix}${accepted}`;
    });
    for (const d of missingDocuments(filing)) {
      items.push(`- **${mdEscape(message('ci.missingLabel', undefined, ctx.lang))}**: ${mdEscape(documentLabel(d.kind, ctx.lang))} ${mdCode(d.for)}`);
    }
    const block = ['<details>', `<summary>${htmlEscape(file)}: ${htmlEscape(verdictLabel(filing.verdict, ctx.lang))}</summary>`, '', ...items, '', '</details>', ''].join('\n');
    const bytes = Buffer.byteLength(block);
    if (size + bytes > SUMMARY_BUDGET) {
      omitted += 1;
      continue;
    }
    size += bytes;
    out.push(block);
  }
  if (omitted > 0) {
    out.push(message('ci.omitted', { omitted }, ctx.lang), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
