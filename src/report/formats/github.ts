// GitHub Actions workflow commands: an annotation per finding on the manifest's line, so a pull
// request shows each problem where it is; plus the Markdown for `$GITHUB_STEP_SUMMARY`.
import type { FilingReport, Finding, Lang, Report, RequiredDocument, Status } from '../../model.js';
import { cleanText as stripControl } from './outside-text.js';
import type { FormatContext, Formatter } from './context.js';
import { isFailing, relativeFile, sortFindings } from './finding-groups.js';
import { documentKindName as documentLabel } from '../document-kinds.js';
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

/** fail → error, warn → warning, unknown → notice; `--strict` turns the last two into errors. */
export function commandFor(status: Status, strict?: boolean): Command | undefined {
  if (isFailing(status, strict)) return 'error';
  if (status === 'warn') return 'warning';
  if (status === 'unknown') return 'notice';
  return undefined;
}

function annotation(command: Command, props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${command}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

function findingMessage(f: Finding, lang: Lang): string {
  const lines = [f.message];
  if (f.fix) lines.push(f.fix);
  const at = lang === 'zh' ? '位置' : 'at';
  const source = lang === 'zh' ? '依据：' : 'source: ';
  const ref = [f.path ? `${at} ${f.path}` : '', f.source ? `${source}${f.source}` : ''].filter(Boolean).join('; ');
  if (ref) lines.push(ref);
  return lines.join('\n');
}

function filingAnnotations(filing: FilingReport, ctx: FormatContext): string[] {
  const file = relativeFile(filing, ctx.cwd);
  const out: string[] = [];
  const findings = sortFindings(filing.findings);
  for (const f of findings) {
    const command = commandFor(f.status, ctx.strict);
    if (!command) continue;
    const props: Record<string, string | number | undefined> = { file };
    if (f.line !== undefined) {
      props.line = f.line;
      if (f.column !== undefined) props.col = f.column;
    }
    props.title = f.rule;
    out.push(annotation(command, props, findingMessage(f, ctx.lang)));
  }
  // A missing document no failing finding already names still fails the filing, so it is shown too.
  const named = new Set(findings.filter((f) => isFailing(f.status, ctx.strict)).flatMap((f) => f.documents ?? []));
  for (const d of missingDocuments(filing)) {
    if (named.has(d.kind)) continue;
    const rule = d.rules[0] ?? 'document/required';
    const message = missingText(d, ctx.lang);
    out.push(annotation('error', { file, title: rule }, message));
  }
  return out;
}

function missingText(d: RequiredDocument, lang: Lang): string {
  return lang === 'zh' ? `缺少材料：${documentLabel(d.kind, lang)}（${d.kind}），对应 ${d.for}` : `Missing document: ${documentLabel(d.kind, lang)} (${d.kind}) for ${d.for}`;
}

function countText(report: Report, ctx: FormatContext): string {
  const counts = new Map<string, number>();
  for (const f of report.filings) counts.set(f.verdict, (counts.get(f.verdict) ?? 0) + 1);
  const parts = (['ready', 'ready-with-warnings', 'blocked', 'invalid'] as const).filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${verdictLabel(v, ctx.lang)}`);
  const total = report.filings.length;
  if (ctx.lang === 'zh') return `共 ${total} 份备案${parts.length ? `：${parts.join('，')}` : ''}`;
  return `${total} filing${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** The annotations in pieces, a filing at a time: no one string holds a whole large run. */
export function* githubChunks(report: Report, ctx: FormatContext): Generator<string> {
  for (const filing of report.filings) {
    const lines = filingAnnotations(filing, ctx);
    if (lines.length > 0) yield `${lines.join('\n')}\n`;
  }
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
      const pos = f.line !== undefined ? ` line ${f.line}` : '';
      const fix = f.fix ? ` — ${mdEscape(f.fix)}` : '';
      return `- **${mdEscape(statusLabel(f.status, ctx.lang))}**${pos} ${mdCode(f.rule)}: ${mdEscape(f.message)}${fix}`;
    });
    for (const d of missingDocuments(filing)) {
      items.push(`- **${mdEscape(ctx.lang === 'zh' ? '缺少材料' : 'missing document')}**: ${mdEscape(documentLabel(d.kind, ctx.lang))} ${mdCode(d.for)}`);
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
    out.push(ctx.lang === 'zh' ? `另有 ${omitted} 份备案未列出，请查看作业日志。` : `${omitted} more filing${omitted === 1 ? '' : 's'} not shown; see the job log.`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
