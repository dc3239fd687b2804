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
import { mdCode, mdEscape, missingDocuments, tableHead, tableRow } from './markdown.js';
import { type Spool, type StreamFormat, streamReport } from './stream.js';

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

type Counts = Record<FilingReport['verdict'], number>;
const noCounts = (): Counts => ({ ready: 0, 'ready-with-warnings': 0, blocked: 0, invalid: 0 });

function countText(counts: Counts, total: number, ctx: FormatContext): string {
  const parts = (['ready', 'ready-with-warnings', 'blocked', 'invalid'] as const).filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${verdictLabel(v, ctx.lang)}`);
  const head = message('ci.count', { total }, ctx.lang);
  return parts.length ? `${head}${message('ci.countSeparator', undefined, ctx.lang)}${parts.join(message('list.separator', undefined, ctx.lang))}` : head;
}

/** The items of one level and rank, in filing order: the first few kept for annotations, every one as a plain line. */
interface Bucket {
  first: Item[];
  count: number;
  plain: Spool;
}

/**
 * The annotations: failures first, the most important first; each level within GitHub's cap, the
 * last slot saying how many more, the rest as plain log lines. Items wait in a spool per level and
 * rank (an invalid manifest, a failure, a missing document, a warning) until all are counted.
 */
export const githubStream: StreamFormat = (head, ctx, spools) => {
  const buckets = new Map<Command, Map<number, Bucket>>(LEVELS.map((l) => [l, new Map()]));
  const counts = noCounts();
  return {
    begin: () => [],
    filing(filing, index) {
      counts[filing.verdict]++;
      const items = filingItems(filing, index, ctx).sort((a, b) => a.line - b.line || (a.col ?? 0) - (b.col ?? 0));
      for (const item of items) {
        const ranks = buckets.get(item.command)!;
        let bucket = ranks.get(item.rank);
        if (!bucket) ranks.set(item.rank, (bucket = { first: [], count: 0, plain: spools.spool() }));
        if (bucket.first.length < ANNOTATIONS_PER_LEVEL) bucket.first.push(item);
        bucket.count++;
        bucket.plain.append(`${plainLine(item)}\n`);
      }
      return [];
    },
    *end() {
      const rest: Array<{ bucket: Bucket; skip: number }> = [];
      for (const command of LEVELS) {
        const ranks = [...buckets.get(command)!].sort(([a], [b]) => a - b).map(([, b]) => b);
        const total = ranks.reduce((n, b) => n + b.count, 0);
        if (total === 0) continue;
        let room = total > ANNOTATIONS_PER_LEVEL ? ANNOTATIONS_PER_LEVEL - 1 : total;
        const lines: string[] = [];
        for (const bucket of ranks) {
          const shown = bucket.first.slice(0, room);
          room -= shown.length;
          for (const x of shown) lines.push(annotation(command, { file: x.file, line: x.line, col: x.col, title: x.title }, x.message));
          if (shown.length < bucket.count) rest.push({ bucket, skip: shown.length });
        }
        if (total > ANNOTATIONS_PER_LEVEL) lines.push(annotation(command, { title: 'icp-check' }, moreText(total - (ANNOTATIONS_PER_LEVEL - 1), command, ctx.lang)));
        yield `${lines.join('\n')}\n`;
      }
      for (const { bucket, skip } of rest) {
        let n = 0;
        for (const line of bucket.plain.lines()) if (n++ >= skip) yield `${line}\n`;
      }
      // A plain closing line for the log; it cannot start a workflow command.
      yield `${stripControl(`${head.tool.name}: ${countText(counts, head.total, ctx)}`)}\n`;
    },
  };
};

/** The annotations in pieces. */
export const githubChunks = (report: Report, ctx: FormatContext) => streamReport(githubStream, report, ctx);

export const github: Formatter = (report: Report, ctx: FormatContext): string => [...githubChunks(report, ctx)].join('');

/** The `<summary>` line is raw HTML inside Markdown, so it takes HTML escaping. */
function htmlEscape(text: string): string {
  return stripControl(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// GitHub rejects a step summary over 1 MiB; details stop well before that.
const SUMMARY_BUDGET = 900 * 1024;

/** Pieces with the whitespace at the very end taken off, as `trimEnd` would. */
function* trimmedEnd(pieces: Iterable<string>): Generator<string> {
  let held = '';
  for (const piece of pieces) {
    const body = piece.trimEnd();
    if (body.length === 0) {
      held += piece;
      continue;
    }
    yield held + body;
    held = piece.slice(body.length);
  }
}

/** The details of a filing not ready, for the step summary. */
function summaryBlock(filing: FilingReport, ctx: FormatContext): string {
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
  return ['<details>', `<summary>${htmlEscape(file)}: ${htmlEscape(verdictLabel(filing.verdict, ctx.lang))}</summary>`, '', ...items, '', '</details>', ''].join('\n');
}

/**
 * Markdown appended to `$GITHUB_STEP_SUMMARY`: the table of filings and the details of those not
 * ready while they fit GitHub's limit. Rows and details wait in spools: the details that fit are
 * known once the table's size is.
 */
export const githubSummaryStream: StreamFormat = (head, ctx, spools) => {
  const rows = spools.spool();
  const blocks = spools.spool();
  const counts = noCounts();
  let tableBytes = 0;
  return {
    begin: () => [],
    filing(filing) {
      counts[filing.verdict]++;
      const row = `${tableRow(filing, ctx)}\n`;
      tableBytes += Buffer.byteLength(row);
      rows.append(row);
      if (filing.verdict !== 'ready') blocks.appendRecord(summaryBlock(filing, ctx));
      return [];
    },
    *end() {
      const title = `### ${mdEscape(head.tool.name)}: ${mdEscape(countText(counts, head.total, ctx))}\n\n`;
      if (head.total === 0) {
        yield title;
        return;
      }
      const tableHeadText = tableHead(ctx.lang).join('\n');
      // The sizes as the joined text counts them: the title, the table (its last newline is the join's) and an empty line.
      let size = Buffer.byteLength(`${title}${tableHeadText}\n`) + tableBytes;
      let omitted = 0;
      yield* trimmedEnd(
        (function* () {
          yield `${title}${tableHeadText}\n`;
          yield* rows.read();
          yield '\n';
          for (const block of blocks.records()) {
            const bytes = Buffer.byteLength(block);
            if (size + bytes > SUMMARY_BUDGET) {
              omitted += 1;
              continue;
            }
            size += bytes;
            yield `${block}\n`;
          }
          if (omitted > 0) yield `${message('ci.omitted', { omitted }, ctx.lang)}\n`;
        })(),
      );
      yield '\n';
    },
  };
};

/** Markdown appended to `$GITHUB_STEP_SUMMARY`, as one text. */
export function githubStepSummary(report: Report, ctx: FormatContext): string {
  return [...streamReport(githubSummaryStream, report, ctx)].join('');
}
