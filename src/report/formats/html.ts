// `--format html`: one self-contained page an agency can send its client and print (A4, one filing
// per page): the verdict and its dates, what to fix in plain words, the documents to prepare as a
// checklist saying what each must show and how, and the sources. No request leaves the page:
// the style is inline and the verdict filter of a batch works with CSS alone.
// The page renders the report it is given: the command masks personal data before (`--mask`).
import type { Args, FilingReport, Finding, Lang, Report, RequiredDocument, Status, Verdict } from '../../model.js';
import { addDays } from '../../facts/dates.js';
import { loadImageSpecs } from '../../regulations/image-specs.js';
import { message, type MessageKey } from '../catalogue/index.js';
import { holderName, nameOf } from '../catalogue/names.js';
import { documentKindName } from '../document-kinds.js';
import { html, raw, type SafeHtml } from '../html-template.js';
import { citationsOf, citationText, describeSource, sourceKeyOf, sourceTable } from '../sources.js';
import type { FormatContext, Formatter } from './context.js';
import { relativeFile, sortFindings } from './finding-groups.js';
import { verdictLabel } from './labels.js';
import { type StreamFormat, type StreamHead, streamReport } from './stream.js';

type Word = MessageKey & `html.${string}`;

/** The page's words, from the catalogue of the report's language. */
const w = (key: Word, lang: Lang, args?: Args) => message(key, args, lang);

const MB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

/** Format and size requirements of an image of this kind, from regulations/images.yaml. */
function imageRequirements(kind: string, lang: Lang, entityCertificate: boolean): string[] {
  const specs = loadImageSpecs();
  const upper = (xs: string[]) => xs.map((x) => x.toUpperCase());
  const out: string[] = [];
  if (kind === 'entity-certificate' && entityCertificate) {
    out.push(
      w('html.certificateFile', lang, {
        types: upper(specs.certificate.types),
        min: sizeText(specs.certificate.minBytesExclusive),
        max: sizeText(specs.uploads.maxBytes),
      }),
    );
  } else {
    out.push(w('html.uploadFile', lang, { types: upper(specs.uploads.types), max: sizeText(specs.uploads.maxBytes) }));
  }
  out.push(w('html.sharp', lang, { px: specs.smallDimensions.minShortSidePx }));
  if (kind === 'id-front' || kind === 'id-back') out.push(w('html.oneToOne', lang));
  return out;
}

/** The roles the manifest paths of the filing's own people stand for. */
const ROLE_OF_PATH: Record<string, string> = { entity: 'entity', 'entity.principal': 'principal', 'entity.legalRepresentative': 'legalRepresentative' };

/** Who a document is for, in words: `websites[1].admin` → the administrator of website 2. */
function holderText(holder: string, lang: Lang): string {
  const site = /^websites\[(\d+)\](\.admin)?$/.exec(holder);
  if (site) return w(site[2] ? 'html.siteAdmin' : 'html.site', lang, { n: Number(site[1]) + 1 });
  const role = ROLE_OF_PATH[holder];
  return role ? nameOf('role', role, lang) : holderName(holder, lang);
}

/** Text with `code` spans: the words stay in the main text, the code goes into a muted span. */
function withCode(text: string): SafeHtml {
  const parts = text.split(/`([^`]*)`/);
  return html`${parts.map((p, i) => (i % 2 === 1 ? html`<code class="muted">${p}</code>` : p))}`;
}

/**
 * A fix in plain words: the part before the first clause that names a manifest field, or nothing
 * when the whole fix is about the manifest (the muted detail still carries it).
 */
export function plainWords(text: string): string | undefined {
  const tick = text.indexOf('`');
  if (tick < 0) return text;
  const head = text.slice(0, tick);
  const cut = Math.max(...[', and ', ' and ', '; ', ': ', '. ', '，', '；', '：', '。', '并'].map((b) => head.lastIndexOf(b)));
  if (cut <= 0) return undefined;
  const plain = head.slice(0, cut).replace(/[\s,;:，；：、]+$/u, '');
  if (plain.length < 6) return undefined;
  return /[\u3000-\u9fff]/.test(plain) ? `${plain}。` : `${plain}.`;
}

const VERDICT_CLASS: Record<Verdict, string> = { ready: 'ready', 'ready-with-warnings': 'warn', blocked: 'blocked', invalid: 'blocked' };
const SECTIONS: Array<{ status: Exclude<Status, 'pass'>; key: Word }> = [
  { status: 'fail', key: 'html.toFix' },
  { status: 'unknown', key: 'html.toConfirm' },
  { status: 'warn', key: 'html.warnings' },
  { status: 'info', key: 'html.notes' },
];

function detail(f: Finding, lang: Lang): SafeHtml {
  const line = f.line === undefined ? '' : message('md.line', { line: f.line }, lang);
  const where = [f.rule, f.path, line].filter(Boolean).join(' · ');
  return html`<span class="detail">${where}</span>`;
}

function findingItem(f: Finding, lang: Lang): SafeHtml {
  const fix = f.fix ? plainWords(f.fix) : undefined;
  return html`<li class="finding ${f.status}"><p class="msg">${withCode(f.message)}</p>${fix ? html`<p class="fix">→ ${fix}</p>` : ''}${detail(f, lang)}</li>`;
}

function datesBlock(f: FilingReport, lang: Lang): SafeHtml {
  const blocked = f.verdict === 'blocked';
  const submit = f.submitFrom
    ? html`<div class="date wait"><span class="label">${w('html.submitFrom', lang)}</span><strong>${f.submitFrom.date}</strong><span class="why">${f.submitFrom.reason}</span></div>`
    : html`<div class="date"><span class="label">${w('html.submitFrom', lang)}</span><strong>${blocked ? w('html.submitNowBlocked', lang) : w('html.submitNow', lang)}</strong></div>`;
  const lapse = f.readyUntil;
  const until = lapse
    ? blocked
      ? html`<div class="date lapse"><span class="label">${w('html.lapsesOn', lang)}</span><strong>${lapse.date}</strong><span class="why">${lapse.reason}</span><span class="detail">${lapse.rule} · ${lapse.path}</span></div>`
      : html`<div class="date until"><span class="label">${w('html.readyUntil', lang)}</span><strong>${addDays(lapse.date, -1)}</strong> <small>${w('html.lastDay', lang)}</small><span class="why">${w('html.from', lang, { date: lapse.date, reason: lapse.reason })}</span><span class="detail">${lapse.rule} · ${lapse.path}</span></div>`
    : html`<div class="date"><span class="label">${w('html.readyUntil', lang)}</span><strong>${w('html.noLapse', lang)}</strong></div>`;
  return html`<div class="dates">${submit}${until}</div>`;
}

function documentItem(d: RequiredDocument, f: FilingReport, ctx: FormatContext, organisation: boolean): SafeHtml {
  const { lang } = ctx;
  const why = f.findings.find((x) => d.rules.includes(x.rule) && x.documents?.includes(d.kind) && x.status !== 'pass');
  const quotes = d.rules.map((r) => ctx.rules.get(r)?.quote ?? '').join(' ');
  const how = [...imageRequirements(d.kind, lang, organisation)];
  const plainFix = why?.fix ? plainWords(why.fix) : undefined;
  const app = /alibaba cloud app|阿里云 ?app/i;
  if (app.test(quotes) && !(plainFix && app.test(plainFix))) how.unshift(w('html.app', lang));
  if (plainFix) how.unshift(plainFix);
  const state = d.provided ? 'provided' : d.required ? 'missing' : 'optional';
  const mark = d.provided ? '☑' : '☐';
  const stateText = d.provided ? w('html.provided', lang) : d.required ? w('html.missing', lang) : w('html.optional', lang);
  const where = [d.providedBy, ...d.rules].filter(Boolean).join(' · ');
  return html`<li class="doc ${state}"><span class="box" aria-hidden="true">${mark}</span><div><p><strong>${documentKindName(d.kind, lang)}</strong> — ${w('html.for', lang, { holder: holderText(d.for, lang) })} <span class="state">${stateText}</span></p>${why ? html`<p><span class="label">${w('html.mustShow', lang)}</span> ${withCode(why.message)}</p>` : ''}<p><span class="label">${w('html.how', lang)}</span></p><ul class="how">${how.map((h) => html`<li>${h}</li>`)}</ul><span class="detail">${where}</span></div></li>`;
}

/**
 * The sources of what the page reports, each by its title, publisher, date and public address
 * (regulations/sources.yaml), with the checks that cite it.
 */
function sourcesList(f: FilingReport, ctx: FormatContext): SafeHtml {
  const { lang } = ctx;
  const ids = new Set([...f.findings.filter((x) => x.status !== 'pass').map((x) => x.rule), ...f.documents.flatMap((d) => d.rules)]);
  const bySource = new Map<string, Set<string>>();
  for (const id of ids) {
    const source = ctx.rules.get(id)?.source ?? f.findings.find((x) => x.rule === id)?.source ?? '';
    const title = ctx.rules.get(id)?.title[lang] ?? id;
    for (const citation of citationsOf(source)) {
      const key = sourceKeyOf(citation) ?? citation;
      bySource.set(key, (bySource.get(key) ?? new Set()).add(title));
    }
  }
  if (bySource.size === 0) return html``;
  const separator = message('source.separator', undefined, lang);
  const items = [...bySource].map(([key, titles]) => {
    const entry = sourceTable()[key];
    const d = entry ? describeSource(entry, lang) : undefined;
    const name = d ? d.title : citationText(key, lang);
    const more = d
      ? [d.publisher, d.date, d.url]
          .filter(Boolean)
          .map((x) => `${separator}${x}`)
          .join('')
      : '';
    return { name, more, titles: [...titles].join(message('source.citationSeparator', undefined, lang)) };
  });
  items.sort((a, b) => a.name.localeCompare(b.name));
  const colon = message('explain.colon', undefined, lang);
  return html`<section class="sources"><h3>${w('html.sources', lang)}</h3><ul>${items.map((x) => html`<li><strong>${x.name}</strong>${x.more}${colon}${x.titles}</li>`)}</ul></section>`;
}

function filingSection(f: FilingReport, index: number, ctx: FormatContext): SafeHtml {
  const { lang } = ctx;
  const file = relativeFile(f, ctx.cwd);
  const cls = VERDICT_CLASS[f.verdict];
  const head = html`<header class="filing-head"><h2><span class="num">${index + 1}</span> ${file}</h2><p class="meta">${w('html.meta', lang, { province: f.province ? { name: 'province', value: f.province } : '—' })}</p><p class="verdict ${cls}">${verdictLabel(f.verdict, lang)}</p></header>`;
  const findings = sortFindings(f.findings.filter((x) => x.status !== 'pass'));
  if (f.verdict === 'invalid') {
    return html`<section class="filing v-${f.verdict}" id="filing-${index + 1}">${head}<p>${w('html.invalid', lang)}</p><ul class="findings">${findings.map((x) => findingItem(x, lang))}</ul></section>`;
  }
  // A note that only demands a document is said once, in the checklist.
  const shown = findings.filter((x) => !(x.status === 'info' && (x.documents?.length ?? 0) > 0));
  const groups = SECTIONS.map(({ status, key }) => {
    const list = shown.filter((x) => x.status === status);
    return list.length === 0
      ? ''
      : html`<section class="group ${status}"><h3>${w(key, lang)} <span class="count">${list.length}</span></h3><ul class="findings">${list.map((x) => findingItem(x, lang))}</ul></section>`;
  });
  const organisation = f.documents.some((d) => d.kind === 'entity-certificate' && d.for === 'entity');
  const docs = [...f.documents].sort((a, b) => Number(a.provided) - Number(b.provided) || Number(b.required) - Number(a.required));
  const nothing = shown.every((x) => x.status === 'info') ? html`<p class="ok">${w('html.nothingToFix', lang)}</p>` : '';
  return html`<section class="filing v-${f.verdict}" id="filing-${index + 1}">${head}${datesBlock(f, lang)}${nothing}${groups}${
    docs.length > 0
      ? html`<section class="documents"><h3>${w('html.documents', lang)}</h3><ul class="checklist">${docs.map((d) => documentItem(d, f, ctx, organisation))}</ul></section>`
      : ''
  }${sourcesList(f, ctx)}</section>`;
}

const VERDICTS: Verdict[] = ['blocked', 'ready-with-warnings', 'ready', 'invalid'];

/** Stands for markup that is written in pieces: a template is rendered once and cut there. */
const HOLE = '\u0000';

/** The index's row of a filing. */
function indexRow(f: FilingReport, i: number, ctx: FormatContext): SafeHtml {
  const { lang } = ctx;
  const lastDay = f.readyUntil && f.verdict !== 'blocked' && f.verdict !== 'invalid' ? addDays(f.readyUntil.date, -1) : '—';
  return html`<tr class="v-${f.verdict}"><td class="file"><a href="#filing-${i + 1}">${i + 1}. ${relativeFile(f, ctx.cwd)}</a></td><td>${f.province ? nameOf('province', f.province, lang) : '—'}</td><td><span class="pill ${VERDICT_CLASS[f.verdict]}">${verdictLabel(f.verdict, lang)}</span></td><td class="n">${f.summary.fail}</td><td class="n">${f.summary.unknown}</td><td class="n">${f.summary.missingDocuments}</td><td class="d">${f.submitFrom?.date ?? '—'}</td><td class="d">${lastDay}</td></tr>`;
}

/** The index of a batch around its rows: what comes before them and after. */
function indexAround(counts: Record<Verdict, number>, total: number, ctx: FormatContext): [string, string] {
  const { lang } = ctx;
  const present = VERDICTS.filter((v) => counts[v] > 0);
  const page = html`<nav class="index"><h2>${w('html.index', lang)}</h2><div class="filters"><span>${w('html.show', lang)}</span><label for="show-all">${w('html.filter', lang, { label: w('html.all', lang), count: total })}</label>${present.map((v) => html`<label for="show-${v}">${w('html.filter', lang, { label: verdictLabel(v, lang), count: counts[v] })}</label>`)}</div><table><thead><tr><th>${w('html.filing', lang)}</th><th>${w('html.province', lang)}</th><th>${w('html.verdict', lang)}</th><th class="n">${w('html.toFix', lang)}</th><th class="n">${w('html.toConfirm', lang)}</th><th class="n">${w('html.docsMissing', lang)}</th><th>${w('html.submitFrom', lang)}</th><th>${w('html.readyUntil', lang)}</th></tr></thead><tbody>${raw(HOLE)}</tbody></table></nav>`;
  const [before, after] = page.value.split(HOLE);
  return [before!, after!];
}

/** The filter of a batch: radio buttons and CSS (`:checked ~`), no script. */
function filterCss(): string {
  return VERDICTS.map(
    (v) =>
      `#show-${v}:checked~main .filing:not(.v-${v}),#show-${v}:checked~main tbody tr:not(.v-${v}){display:none}` +
      `#show-${v}:checked~main label[for="show-${v}"]{background:#1f2937;color:#fff;border-color:#1f2937}`,
  ).join('\n');
}

const CSS = `
@page{size:A4;margin:16mm 14mm}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:15px;line-height:1.5;color:#1f2937;background:#f3f4f6}
body{margin:0}
main{max-width:52rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:0}
h3{font-size:1rem;margin:1.25rem 0 .5rem;text-transform:none}
p{margin:.25rem 0}
.intro{color:#4b5563;margin-bottom:1.25rem}
.filing,.index{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:1.25rem 1.5rem;margin:0 0 1.5rem;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.filing-head{display:grid;grid-template-columns:1fr auto;gap:.25rem 1rem;align-items:center;border-bottom:1px solid #e5e7eb;padding-bottom:.75rem}
.filing-head h2{grid-column:1;word-break:break-all}
.filing-head .meta{grid-column:1;color:#6b7280;font-size:.9rem}
.filing-head .verdict{grid-column:2;grid-row:1/span 2}
.num{display:inline-block;min-width:1.6em;height:1.6em;line-height:1.6em;text-align:center;border-radius:50%;background:#e5e7eb;font-size:.85rem;margin-right:.25rem}
.verdict,.pill{display:inline-block;font-weight:700;border-radius:999px;padding:.3rem .9rem;border:2px solid;white-space:nowrap}
.pill{font-size:.8rem;padding:.05rem .6rem;border-width:1px}
.ready{color:#065f46;background:#ecfdf5;border-color:#10b981}
.warn{color:#92400e;background:#fffbeb;border-color:#f59e0b}
.blocked{color:#991b1b;background:#fef2f2;border-color:#ef4444}
.dates{display:grid;grid-template-columns:1fr 1fr;gap:.75rem;margin:1rem 0;align-items:start}
.date{border:1px solid #e5e7eb;border-left:4px solid #10b981;border-radius:6px;padding:.5rem .75rem;background:#fafafa}
.date.wait,.date.until{border-left-color:#f59e0b}
.date.lapse{border-left-color:#ef4444}
.date .label,.label{display:block;font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:#6b7280}
.doc .label{display:inline}
.date strong{font-size:1.05rem}
.date .why{display:block;font-size:.9rem;margin-top:.2rem}
.findings,.checklist,.sources ul{list-style:none;margin:0;padding:0}
.finding{border-left:4px solid #d1d5db;padding:.35rem .75rem;margin:.4rem 0;background:#fafafa;border-radius:0 6px 6px 0;break-inside:avoid}
.finding.fail{border-left-color:#ef4444}
.finding.unknown{border-left-color:#6366f1}
.finding.warn{border-left-color:#f59e0b}
.finding.info{border-left-color:#9ca3af}
.fix{color:#374151}
.count{display:inline-block;background:#e5e7eb;border-radius:999px;font-size:.75rem;padding:0 .5rem;vertical-align:middle}
.detail{display:block;color:#9ca3af;font-size:.72rem;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
code.muted{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8em;color:#6b7280;background:#f3f4f6;border-radius:3px;padding:0 .2em}
.doc{display:flex;gap:.75rem;padding:.6rem 0;border-bottom:1px solid #f3f4f6;break-inside:avoid}
.doc .box{font-size:1.4rem;line-height:1}
.doc.missing .box{color:#dc2626}
.doc.provided .box{color:#059669}
.state{font-size:.75rem;border-radius:999px;padding:0 .5rem;margin-left:.25rem;background:#e5e7eb}
.doc.missing .state{background:#fee2e2;color:#991b1b}
.doc.provided .state{background:#d1fae5;color:#065f46}
.how{margin:.1rem 0 .25rem 1.1rem;padding:0;font-size:.9rem}
.sources li{font-size:.85rem;color:#4b5563;margin:.2rem 0}
.ok{color:#065f46;font-weight:600}
.index table{width:100%;border-collapse:collapse;font-size:.9rem;margin-top:.75rem}
.index th,.index td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb}
.index th{font-size:.75rem;text-transform:uppercase;color:#6b7280}
.index .n{text-align:right}
.index a{color:#1d4ed8;text-decoration:none}
.index td{white-space:nowrap}
.index td.file{white-space:normal;overflow-wrap:anywhere}
.filters{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.5rem}
.filters label{cursor:pointer;border:1px solid #d1d5db;border-radius:999px;padding:.1rem .7rem;font-size:.85rem;background:#fff}
.filter{position:absolute;opacity:0;pointer-events:none}
#show-all:checked~main label[for="show-all"]{background:#1f2937;color:#fff;border-color:#1f2937}
footer{color:#6b7280;font-size:.8rem;text-align:center;margin-top:2rem}
@media (max-width:40rem){.dates{grid-template-columns:1fr}.filing-head{grid-template-columns:1fr}.filing-head .verdict{grid-column:1;grid-row:auto;justify-self:start}}
@media print{
html{background:#fff;font-size:10.5pt}
main{max-width:none;padding:0}
.filing,.index{border:none;box-shadow:none;padding:0;margin:0}
.filing{break-before:page}
.filters{display:none}
.detail{color:#6b7280}
a{color:inherit}
}
`;

/** The page around its body: what comes before and after. */
function pageAround(head: StreamHead, ctx: FormatContext): [string, string] {
  const { lang } = ctx;
  const batch = head.total > 1;
  const tool = `${head.tool.name} ${head.tool.version}`;
  const radios = batch
    ? html`<input class="filter" type="radio" name="show" id="show-all" checked>${VERDICTS.map((v) => html`<input class="filter" type="radio" name="show" id="show-${v}">`)}`
    : '';
  const page = html`<!DOCTYPE html>
<html lang="${w('html.lang', lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${w('html.title', lang)} — ${head.date}</title>
<style>${raw(CSS)}${raw(batch ? filterCss() : '')}</style>
</head>
<body>
${radios}
<main>
<h1>${w('html.title', lang)}</h1>
<p class="intro">${w('html.intro', lang, { date: head.date, tool, rules: head.tool.rulesDate })}</p>
${raw(HOLE)}
<footer>${w('html.footer', lang, { tool: head.tool.name })}</footer>
</main>
</body>
</html>
`;
  const [before, after] = page.value.split(HOLE);
  return [before!, after!];
}

/** The page: a batch's index (its rows and the filings' sections wait in spools for the counts of its filter). */
export const htmlStream: StreamFormat = (head, ctx, spools) => {
  const batch = head.total > 1;
  const rows = spools.spool();
  const sections = spools.spool();
  const counts: Record<Verdict, number> = { ready: 0, 'ready-with-warnings': 0, blocked: 0, invalid: 0 };
  const [before, after] = pageAround(head, ctx);
  return {
    begin: () => [],
    filing(f, i) {
      counts[f.verdict]++;
      if (batch) rows.append(indexRow(f, i, ctx).value);
      sections.append(filingSection(f, i, ctx).value);
      return [];
    },
    *end() {
      yield before;
      if (head.total === 0) yield html`<p>${w('html.none', ctx.lang)}</p>`.value;
      if (batch) {
        const [open, close] = indexAround(counts, head.total, ctx);
        yield open;
        yield* rows.read();
        yield close;
      }
      yield* sections.read();
      yield after;
    },
  };
};

export const htmlReport: Formatter = (report: Report, ctx: FormatContext): string => [...streamReport(htmlStream, report, ctx)].join('');
