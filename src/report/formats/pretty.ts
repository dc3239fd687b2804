// The checklist for a person at a terminal: the verdict, what to fix, what to confirm (the same
// question once, naming whom it is about), the documents to prepare, then one line per section
// with its passed checks. `--verbose` adds every passing check and note; `-q` keeps only what
// needs action.
import { Chalk, type ChalkInstance } from 'chalk';
import type { FilingReport, Finding, Lang, Report, RequiredDocument, Status, Verdict } from '../../model.js';
import { displayPath } from '../../check/run.js';
import { fileNameForTerminal, stripControl } from '../sanitize.js';
import { validityWords } from '../validity.js';
import { message, type MessageKey } from '../catalogue/index.js';
import { holderName, nameOf } from '../catalogue/names.js';
import type { FormatContext, Formatter } from './context.js';
import { isFailing } from './finding-groups.js';
import { citationText } from '../sources.js';
import { type StreamFormat, streamReport } from './stream.js';

const SECTIONS = ['manifest', 'entity', 'people', 'websites', 'domains', 'instances', 'images', 'province', 'documents'] as const;
type Section = (typeof SECTIONS)[number];

function sectionOf(rule: string): Section {
  switch (rule.split('/')[0]) {
    case 'manifest':
      return 'manifest';
    case 'entity':
      return 'entity';
    case 'person':
      return 'people';
    case 'website':
      return 'websites';
    case 'domain':
    case 'whois':
      return 'domains';
    case 'instance':
      return 'instances';
    case 'image':
      return 'images';
    case 'document':
      return 'documents';
    default:
      return 'province';
  }
}

const MARKS: Record<Status, string> = { pass: '✓', fail: '✗', warn: '!', unknown: '?', info: 'i' };

function paint(c: ChalkInstance, status: Status, s: string): string {
  switch (status) {
    case 'pass':
      return c.green(s);
    case 'fail':
      return c.red(s);
    case 'warn':
      return c.yellow(s);
    case 'unknown':
      return c.magenta(s);
    default:
      return c.cyan(s);
  }
}

const t = (key: MessageKey, lang: Lang, args?: Parameters<typeof message>[1]) => message(key, args, lang);

function verdictText(c: ChalkInstance, v: Verdict, lang: Lang): string {
  const text = t(`verdict.${v}`, lang);
  if (v === 'ready') return c.green.bold(text);
  if (v === 'ready-with-warnings') return c.yellow.bold(text);
  return c.red.bold(text);
}

/** Documents a person still has to prepare; one given as an unusable file is reported by its image finding. */
const missingDocs = (f: FilingReport) => f.documents.filter((d) => d.required && !d.provided && !d.reportedBy);

function summaryLine(f: FilingReport, lang: Lang): string {
  const s = f.summary;
  return t('pretty.summary', lang, { fail: s.fail, warn: s.warn, unknown: s.unknown, missing: s.missingDocuments, pass: s.pass, info: s.info });
}

function where(f: Finding, file: string): string {
  return f.line !== undefined ? `${file}:${f.line}:${f.column ?? 1}` : '';
}

/** Under a finding: what to do, then dim the rule id, position, the rules folded into it (the source when verbose). */
function fixLines(c: ChalkInstance, fix: string | undefined, rule: string, at: string, f: Finding | undefined, ctx: FormatContext): string[] {
  const parts = [rule];
  if (ctx.verbose && f?.source) parts.push(citationText(f.source, ctx.lang));
  if (at) parts.push(at);
  if (f?.alsoRequiredBy?.length) parts.push(t('pretty.alsoRequiredBy', ctx.lang, { rules: f.alsoRequiredBy }));
  const ref = c.dim(parts.join(' · '));
  return fix ? [`      ${c.dim('→')} ${fix}  ${ref}`] : [`      ${ref}`];
}

function findingLines(c: ChalkInstance, f: Finding, file: string, ctx: FormatContext): string[] {
  const lines = [`    ${f.accepted ? c.dim('~') : paint(c, f.status, MARKS[f.status])} ${f.message}`];
  if (f.status === 'pass') return lines;
  if (f.accepted) lines.push(`      ${c.dim(t('pretty.acceptedUntil', ctx.lang, { until: f.accepted.until, reason: stripControl(f.accepted.reason), entry: f.accepted.entry }))}`);
  lines.push(...fixLines(c, f.fix, f.rule, [where(f, file), ctx.verbose ? f.path : ''].filter(Boolean).join(' '), f, ctx));
  return lines;
}

/** A subject written as a placeholder when one fix serves several subjects. */
function hole(subject: string, lang: Lang): string {
  return t(/^[^\s]+\.[^\s]+$/.test(subject) ? 'pretty.hole.domain' : 'pretty.hole.name', lang);
}

/**
 * Findings of one rule that ask the same question of several subjects become one line naming them
 * all; a rule's findings whose fixes differ by more than their subject stay apart.
 */
function groupedLines(c: ChalkInstance, list: Finding[], file: string, ctx: FormatContext): string[] {
  const out: string[] = [];
  const done = new Set<Finding>();
  for (const f of list) {
    if (done.has(f)) continue;
    const generic = (x: Finding) => (x.subject ? (x.fix ?? '').split(x.subject).join('\u0000') : undefined);
    const same = f.subject ? list.filter((x) => !done.has(x) && x.rule === f.rule && x.status === f.status && x.subject && generic(x) === generic(f)) : [f];
    for (const x of same) done.add(x);
    if (same.length < 2) {
      for (const line of findingLines(c, f, file, ctx)) out.push(line);
      continue;
    }
    const title = stripControl(ctx.rules.get(f.rule)?.title[ctx.lang] ?? f.rule);
    out.push(`    ${paint(c, f.status, MARKS[f.status])} ${t('pretty.grouped', ctx.lang, { title, subjects: same.map((x) => x.subject) })}`);
    const fix = generic(f)?.split('\u0000').join(hole(f.subject!, ctx.lang));
    const positions = same.map((x) => (x.line !== undefined ? `${x.line}` : '')).filter(Boolean);
    const also = [...new Set(same.flatMap((x) => x.alsoRequiredBy ?? []))].sort();
    for (const line of fixLines(c, fix || undefined, f.rule, positions.length ? `${file}:${positions.join(',')}` : '', also.length ? { ...f, alsoRequiredBy: also } : f, ctx))
      out.push(line);
  }
  return out;
}

/** An unreadable or invalid manifest: compiler-style `file:line:col: message` lines. */
function invalidLines(c: ChalkInstance, f: FilingReport, file: string, lang: Lang): string[] {
  return f.findings.map((x) => {
    const at = x.line !== undefined ? `${file}:${x.line}:${x.column ?? 1}` : file;
    const lines = [`${at}: ${c.red(t('pretty.error', lang))}: ${x.path ? `${x.path}: ` : ''}${x.message}`];
    if (x.fix) lines.push(`  ${c.dim('→')} ${x.fix}`);
    return lines.join('\n');
  });
}

function documentLines(c: ChalkInstance, f: FilingReport, docs: RequiredDocument[], ctx: FormatContext): string[] {
  const lang = ctx.lang;
  const out: string[] = [];
  const why = new Map<string, Finding>();
  for (const x of f.findings) if (x.documents?.length && !why.has(x.rule)) why.set(x.rule, x);
  // Missing documents of one kind demanded by the same rules are listed together, with their reason once.
  const missing = new Map<string, { kind: string; holders: string[]; rules: string[] }>();
  for (const d of docs) {
    const name = nameOf('documentKind', d.kind, lang);
    if (d.provided) {
      out.push(`    ${c.green('✓')} ${name} — ${stripControl(holderName(d.for, lang))}${d.providedBy ? c.dim(` (${d.providedBy})`) : ''}`);
      continue;
    }
    const key = `${d.kind}\u0000${d.rules.join(',')}`;
    const group = missing.get(key) ?? { kind: d.kind, holders: [], rules: d.rules };
    group.holders.push(stripControl(holderName(d.for, lang)));
    missing.set(key, group);
  }
  for (const g of missing.values()) {
    out.push(`    ${c.red('✗')} ${nameOf('documentKind', g.kind, lang)} — ${g.holders.join(t('list.separator', lang))} ${c.red(t('pretty.missing', lang))}`);
    const reason = g.rules.map((r) => why.get(r)).find((x) => x !== undefined);
    if (reason && reason.status === 'info') {
      out.push(`      ${reason.message}`);
      if (reason.fix) out.push(`      ${c.dim('→')} ${reason.fix}`);
    }
    out.push(`      ${c.dim(g.rules.map((r) => `${r}${ctx.verbose && why.get(r)?.source ? ` · ${citationText(why.get(r)!.source, lang)}` : ''}`).join('; '))}`);
  }
  return out;
}

function filingDetails(c: ChalkInstance, f: FilingReport, ctx: FormatContext): string[] {
  const lang = ctx.lang;
  const file = fileNameForTerminal(displayPath(f.file, ctx.cwd));
  if (f.verdict === 'invalid') return [...invalidLines(c, f, file, lang), `${file}: ${verdictText(c, f.verdict, lang)}`];
  const province = f.province ? `${c.dim(nameOf('province', f.province, lang))}  ` : '';
  const dates = validityWords(f, lang);
  const until = f.verdict === 'blocked' || !dates.readyUntil ? '' : ` ${dates.readyUntil}`;
  const from = dates.submitFrom ? c.yellow(` · ${dates.submitFrom}`) : '';
  const out: string[] = [`${c.bold(file)}  ${province}${verdictText(c, f.verdict, lang)}${until}${from}`, `  ${summaryLine(f, lang)}`];
  const heading = (key: MessageKey) => out.push(`  ${c.bold(t(key, lang))}`);
  // Under -q only what fails the run is shown; a note that only demands a document is said under that document.
  const wanted = (s: Status) => !ctx.quiet || isFailing(s, ctx.strict);
  const of = (s: Status) => (wanted(s) ? f.findings.filter((x) => x.status === s && !x.accepted) : []);
  const groups: Array<[MessageKey, Finding[]]> = [
    ['pretty.toFix', of('fail')],
    ['pretty.warnings', of('warn')],
    ['pretty.toConfirm', of('unknown')],
    // A waiver's finding no longer needs action; it is listed with its reason, apart.
    ['pretty.accepted', ctx.quiet ? [] : f.findings.filter((x) => x.accepted)],
  ];
  for (const [key, list] of groups) {
    if (list.length === 0) continue;
    heading(key);
    for (const line of groupedLines(c, list, file, ctx)) out.push(line);
  }
  const docs = ctx.verbose && !ctx.quiet ? [...f.documents].sort((a, b) => Number(a.provided) - Number(b.provided)) : missingDocs(f);
  if (docs.length > 0) {
    heading('pretty.documents');
    for (const line of documentLines(c, f, docs, ctx)) out.push(line);
  }
  if (ctx.quiet) return out;
  if (ctx.verbose) {
    const notes = f.findings.filter((x) => x.status === 'info' && !(x.documents?.length ?? 0));
    if (notes.length > 0) {
      heading('pretty.notes');
      for (const x of notes) for (const line of findingLines(c, x, file, ctx)) out.push(line);
    }
    const passes = f.findings.filter((x) => x.status === 'pass');
    if (passes.length > 0) heading('pretty.passed');
    for (const section of SECTIONS) {
      const items = passes.filter((x) => sectionOf(x.rule) === section);
      if (items.length === 0) continue;
      out.push(`   ${c.dim(t(`section.${section}`, lang))}`);
      for (const item of items) for (const line of findingLines(c, item, file, ctx)) out.push(line);
    }
    return out;
  }
  // One line per section with the checks it passed; --verbose lists them.
  const counts = SECTIONS.map((s) => [s, f.findings.filter((x) => x.status === 'pass' && sectionOf(x.rule) === s).length] as const).filter(([, n]) => n > 0);
  if (counts.length > 0) {
    heading('pretty.passes');
    for (const [s, n] of counts) out.push(`    ${c.green('✓')} ${t('pretty.sectionPassed', lang, { section: t(`section.${s}`, lang), count: n })}`);
    out.push(`  ${c.dim(t('pretty.verbose', lang))}`);
  }
  return out;
}

const lines = (list: Iterable<string>) => [...list].map((l) => `${l}\n`).join('');

/**
 * One filing: its details. Several: one line each first, then the details of those not ready
 * (kept in a spool until the last line is out), then the count of each verdict.
 */
export const prettyStream: StreamFormat = (head, ctx, spools) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lang = ctx.lang;
  const details = spools.spool();
  const counts: Record<Verdict, number> = { ready: 0, 'ready-with-warnings': 0, blocked: 0, invalid: 0 };
  const passing = (f: FilingReport) => f.verdict === 'ready' || (f.verdict === 'ready-with-warnings' && !ctx.strict);
  return {
    begin: () => [],
    filing(f) {
      if (head.total === 1) return [lines(filingDetails(c, f, ctx))];
      counts[f.verdict]++;
      if (!passing(f) || ctx.verbose) details.append(lines(['', ...filingDetails(c, f, ctx)]));
      if (ctx.quiet && passing(f)) return [];
      const mark = f.verdict === 'ready' ? c.green('✓') : f.verdict === 'ready-with-warnings' ? c.yellow('!') : c.red('✗');
      const s = f.summary;
      const text = t('pretty.batchCounts', lang, { fail: s.fail, warn: s.warn, unknown: s.unknown, missing: s.missingDocuments });
      return [`${mark} ${fileNameForTerminal(displayPath(f.file, ctx.cwd))}  ${verdictText(c, f.verdict, lang)}  ${c.dim(f.verdict === 'invalid' ? '' : text)}\n`];
    },
    *end() {
      if (head.total === 1) return;
      yield* details.read();
      const summary = t('pretty.batchSummary', lang, {
        total: head.total,
        ready: counts.ready,
        warned: counts['ready-with-warnings'],
        blocked: counts.blocked,
        invalid: counts.invalid,
      });
      yield lines(['', summary]);
    },
  };
};

export const pretty: Formatter = (report: Report, ctx: FormatContext) => [...prettyChunks(report, ctx)].join('');

/** The same text as `pretty`, in pieces: no one string holds a whole large run. */
export const prettyChunks = (report: Report, ctx: FormatContext) => streamReport(prettyStream, report, ctx);
