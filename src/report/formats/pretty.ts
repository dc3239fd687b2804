// The checklist for a person at a terminal: grouped by section, a mark per finding, the fix
// under each failure, the documents to prepare, and a one-line summary.
import { Chalk, type ChalkInstance } from 'chalk';
import type { FilingReport, Finding, Lang, Report, Status, Verdict } from '../../model.js';
import { documentKindName } from '../document-kinds.js';
import { displayPath } from '../../check/run.js';
import { fileNameForTerminal, stripControl } from '../sanitize.js';
import { validityWords } from '../validity.js';
import type { FormatContext, Formatter } from './context.js';

const SECTIONS = ['manifest', 'entity', 'people', 'websites', 'domains', 'instances', 'images', 'province', 'documents'] as const;
type Section = (typeof SECTIONS)[number];

const SECTION_NAMES: Record<Section, { en: string; zh: string }> = {
  manifest: { en: 'Manifest', zh: '清单' },
  entity: { en: 'Entity', zh: '主体' },
  people: { en: 'People', zh: '人员' },
  websites: { en: 'Websites', zh: '网站' },
  domains: { en: 'Domains', zh: '域名' },
  instances: { en: 'Instances', zh: '实例' },
  images: { en: 'Images', zh: '图片' },
  province: { en: 'Province', zh: '省份规则' },
  documents: { en: 'Documents to prepare', zh: '需准备的材料' },
};

function sectionOf(rule: string): Section {
  const area = rule.split('/')[0];
  switch (area) {
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

const VERDICTS: Record<Verdict, { en: string; zh: string }> = {
  ready: { en: 'READY', zh: '可以提交' },
  'ready-with-warnings': { en: 'READY WITH WARNINGS', zh: '可以提交（有警告）' },
  blocked: { en: 'BLOCKED', zh: '不能提交' },
  invalid: { en: 'INVALID MANIFEST', zh: '清单无效' },
};

function verdictText(c: ChalkInstance, v: Verdict, lang: Lang): string {
  const t = VERDICTS[v][lang];
  if (v === 'ready') return c.green.bold(t);
  if (v === 'ready-with-warnings') return c.yellow.bold(t);
  return c.red.bold(t);
}

function summaryLine(f: FilingReport, lang: Lang): string {
  const s = f.summary;
  return lang === 'zh'
    ? `${s.fail} 项不通过，${s.warn} 项警告，${s.unknown} 项待确认，${s.pass} 项通过，${s.info} 项提示；缺少 ${s.missingDocuments} 份材料`
    : `${s.fail} failed, ${s.warn} warnings, ${s.unknown} to confirm, ${s.pass} passed, ${s.info} notes; ${s.missingDocuments} documents missing`;
}

function findingLines(c: ChalkInstance, f: Finding, _lang: Lang, file: string): string[] {
  const lines = [`    ${paint(c, f.status, MARKS[f.status])} ${f.message}`];
  if (f.status === 'pass') return lines;
  if (f.fix) lines.push(`      ${c.dim('→')} ${f.fix}`);
  const where = f.line !== undefined ? `${file}:${f.line}:${f.column ?? 1}` : '';
  const at = [where, f.path].filter(Boolean).join(' ');
  lines.push(`      ${c.dim([f.rule, f.source, at].filter(Boolean).join(' · '))}`);
  return lines;
}

/** An unreadable or invalid manifest: compiler-style `file:line:col: message` lines. */
function invalidLines(c: ChalkInstance, f: FilingReport, file: string, lang: Lang): string[] {
  return f.findings.map((x) => {
    const where = x.line !== undefined ? `${file}:${x.line}:${x.column ?? 1}` : file;
    const lines = [`${where}: ${c.red(lang === 'zh' ? '错误' : 'error')}: ${x.path ? `${x.path}: ` : ''}${x.message}`];
    if (x.fix) lines.push(`  ${c.dim('→')} ${x.fix}`);
    return lines.join('\n');
  });
}

function filingDetails(c: ChalkInstance, f: FilingReport, ctx: FormatContext, withPasses = true): string[] {
  const lang = ctx.lang;
  const out: string[] = [];
  const file = fileNameForTerminal(displayPath(f.file, ctx.cwd));
  if (f.verdict === 'invalid') return [...invalidLines(c, f, file, lang), `${file}: ${verdictText(c, f.verdict, lang)}`];
  const dates = validityWords(f, lang);
  const until = f.verdict === 'blocked' || !dates.readyUntil ? '' : ` ${dates.readyUntil}`;
  out.push(`${c.bold(file)}  ${f.province ? `${c.dim(f.province)}  ` : ''}${verdictText(c, f.verdict, lang)}${until}${dates.submitFrom ? c.yellow(` · ${dates.submitFrom}`) : ''}`);
  // A note that only demands a document is said once, under that document in "Documents to prepare".
  const demandsOnly = (x: Finding) => x.status === 'info' && (x.documents?.length ?? 0) > 0;
  const shown = f.findings.filter((x) => (ctx.quiet ? x.status === 'fail' : !demandsOnly(x) && (withPasses || x.status !== 'pass')));
  const why = new Map<string, Finding>();
  for (const x of f.findings) if (x.documents?.length && !why.has(x.rule)) why.set(x.rule, x);
  const documents = [...f.documents].sort((a, b) => Number(a.provided) - Number(b.provided));
  for (const section of SECTIONS) {
    const items = shown.filter((x) => sectionOf(x.rule) === section);
    const docs = section === 'documents' ? documents.filter((d) => (!ctx.quiet && withPasses) || !d.provided) : [];
    if (items.length === 0 && docs.length === 0) continue;
    out.push(`  ${c.bold(SECTION_NAMES[section][lang])}`);
    for (const item of items) for (const line of findingLines(c, item, lang, file)) out.push(line);
    // Missing documents of one kind demanded by the same rules are listed together, with their reason once.
    const missing = new Map<string, { kind: string; holders: string[]; rules: string[] }>();
    for (const d of docs) {
      const name = documentKindName(d.kind, lang);
      if (d.provided) {
        out.push(`    ${c.green('✓')} ${name} — ${stripControl(d.for)}${d.providedBy ? c.dim(` (${d.providedBy})`) : ''}`);
        continue;
      }
      const key = `${d.kind}\u0000${d.rules.join(',')}`;
      const group = missing.get(key) ?? { kind: d.kind, holders: [], rules: d.rules };
      group.holders.push(stripControl(d.for));
      missing.set(key, group);
    }
    for (const g of missing.values()) {
      out.push(`    ${c.red('✗')} ${documentKindName(g.kind, lang)} — ${g.holders.join(', ')} ${c.red(lang === 'zh' ? '缺少' : 'missing')}`);
      const reason = g.rules.map((r) => why.get(r)).find((x) => x !== undefined);
      if (reason && reason.status === 'info') {
        out.push(`      ${reason.message}`);
        if (reason.fix) out.push(`      ${c.dim('→')} ${reason.fix}`);
      }
      out.push(`      ${c.dim(g.rules.map((r) => `${r}${why.get(r)?.source ? ` · ${why.get(r)!.source}` : ''}`).join('; '))}`);
    }
  }
  out.push(`  ${summaryLine(f, lang)}`);
  return out;
}

function prettyLines(report: Report, ctx: FormatContext): string[] {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lang = ctx.lang;
  const out: string[] = [];
  if (report.filings.length === 1) {
    for (const line of filingDetails(c, report.filings[0]!, ctx)) out.push(line);
  } else {
    for (const f of report.filings) {
      if (ctx.quiet && f.verdict === 'ready') continue;
      const mark = f.verdict === 'ready' ? c.green('✓') : f.verdict === 'ready-with-warnings' ? c.yellow('!') : c.red('✗');
      const s = f.summary;
      const counts =
        lang === 'zh'
          ? `不通过 ${s.fail} · 警告 ${s.warn} · 待确认 ${s.unknown} · 缺材料 ${s.missingDocuments}`
          : `${s.fail} failed · ${s.warn} warnings · ${s.unknown} to confirm · ${s.missingDocuments} documents missing`;
      out.push(`${mark} ${fileNameForTerminal(displayPath(f.file, ctx.cwd))}  ${verdictText(c, f.verdict, lang)}  ${c.dim(f.verdict === 'invalid' ? '' : counts)}`);
    }
    const notReady = report.filings.filter((f) => f.verdict !== 'ready' && f.verdict !== 'ready-with-warnings');
    for (const f of notReady) {
      out.push('');
      for (const line of filingDetails(c, f, ctx, false)) out.push(line);
    }
    const count = (v: Verdict) => report.filings.filter((f) => f.verdict === v).length;
    out.push('');
    out.push(
      lang === 'zh'
        ? `${report.filings.length} 份备案：${count('ready')} 份可以提交，${count('ready-with-warnings')} 份有警告，${count('blocked')} 份不能提交，${count('invalid')} 份清单无效`
        : `${report.filings.length} filings: ${count('ready')} ready, ${count('ready-with-warnings')} ready with warnings, ${count('blocked')} blocked, ${count('invalid')} invalid`,
    );
  }
  return out;
}

export const pretty: Formatter = (report: Report, ctx: FormatContext) => `${prettyLines(report, ctx).join('\n')}\n`;

/** The same text as `pretty`, a thousand lines at a time. */
export function* prettyChunks(report: Report, ctx: FormatContext): Generator<string> {
  const lines = prettyLines(report, ctx);
  if (lines.length === 0) yield '\n';
  for (let i = 0; i < lines.length; i += 1000) yield `${lines.slice(i, i + 1000).join('\n')}\n`;
}
