// `--format html`: one self-contained page an agency can send its client and print (A4, one filing
// per page): the verdict and its dates, what to fix in plain words, the documents to prepare as a
// checklist saying what each must show and how, and the sources. No request leaves the page:
// the style is inline and the verdict filter of a batch works with CSS alone.
// The page renders the report it is given: the command masks personal data before (`--mask`).
import type { FilingReport, Finding, Lang, Report, RequiredDocument, Status, Verdict } from '../../model.js';
import { addDays } from '../../facts/dates.js';
import { loadImageSpecs } from '../../regulations/image-specs.js';
import { documentKindName } from '../document-kinds.js';
import { html, raw, type SafeHtml } from '../html-template.js';
import type { FormatContext, Formatter } from './context.js';
import { relativeFile, sortFindings } from './finding-groups.js';
import { verdictLabel } from './labels.js';

type Words = Record<Lang, string>;
const W = {
  title: { en: 'ICP filing pre-check', zh: 'ICP 备案预检报告' },
  intro: { en: 'Checked on', zh: '检查日期' },
  rules: { en: 'rules as of', zh: '规则日期' },
  index: { en: 'Filings', zh: '备案列表' },
  show: { en: 'Show', zh: '显示' },
  all: { en: 'all', zh: '全部' },
  filing: { en: 'Filing', zh: '备案' },
  province: { en: 'Province', zh: '省份' },
  verdict: { en: 'Verdict', zh: '结论' },
  toFix: { en: 'To fix', zh: '待修正' },
  toConfirm: { en: 'To confirm', zh: '待确认' },
  warnings: { en: 'Warnings', zh: '提醒' },
  notes: { en: 'Good to know', zh: '说明' },
  docsMissing: { en: 'Documents missing', zh: '缺少材料' },
  submitFrom: { en: 'Submit from', zh: '最早提交日期' },
  submitNow: { en: 'Can be submitted now', zh: '现在即可提交' },
  submitNowBlocked: { en: 'No waiting period: once fixed, it can be submitted', zh: '无需等待：修正后即可提交' },
  readyUntil: { en: 'Stays ready until', zh: '保持可提交至' },
  lapsesOn: { en: 'Also lapses on', zh: '另将于此日失效' },
  noLapse: { en: 'Nothing lapses in the next ten years if nothing changes', zh: '若无变化，十年内没有到期事项' },
  lastDay: { en: 'last day', zh: '最后一天' },
  from: { en: 'From', zh: '自' },
  fromEnd: { en: ': ', zh: ' 起：' },
  documents: { en: 'Documents to prepare', zh: '需准备的材料' },
  for: { en: 'for', zh: '用于' },
  mustShow: { en: 'What it must show', zh: '须包含' },
  how: { en: 'How', zh: '要求' },
  provided: { en: 'provided', zh: '已提供' },
  missing: { en: 'missing', zh: '缺少' },
  optional: { en: 'if applicable', zh: '视情况' },
  sources: { en: 'Sources', zh: '依据' },
  nothingToFix: { en: 'Nothing to fix.', zh: '没有需要修正的事项。' },
  invalid: { en: 'The filing file could not be read; correct it first:', zh: '备案资料文件无法读取，请先修正：' },
  none: { en: 'No filings were checked.', zh: '没有检查任何备案。' },
  footer: {
    en: 'Prepared with icp-check. The check is a preparation aid; the communications administration decides.',
    zh: '由 icp-check 生成。本检查仅用于准备材料，以通信管理局的审核为准。',
  },
  app: { en: 'Photograph the original with the Alibaba Cloud app.', zh: '使用阿里云 App 拍摄原件。' },
  oneToOne: { en: 'Front and back photographed the same way: proportions 1:1.', zh: '人像面与国徽面拍摄方式一致：比例 1:1。' },
} satisfies Record<string, Words>;

const w = (key: keyof typeof W, lang: Lang) => W[key][lang];

const MB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

/** Format and size requirements of an image of this kind, from regulations/images.yaml. */
function imageRequirements(kind: string, lang: Lang, entityCertificate: boolean): string[] {
  const specs = loadImageSpecs();
  const upper = (xs: string[]) => xs.map((x) => x.toUpperCase()).join(lang === 'zh' ? '、' : ', ');
  const out: string[] = [];
  if (kind === 'entity-certificate' && entityCertificate) {
    const types = upper(specs.certificate.types);
    const min = sizeText(specs.certificate.minBytesExclusive);
    const max = sizeText(specs.uploads.maxBytes);
    out.push(lang === 'zh' ? `${types} 格式，大于 ${min}、小于 ${max}。` : `${types}, larger than ${min} and smaller than ${max}.`);
  } else {
    const types = upper(specs.uploads.types);
    const max = sizeText(specs.uploads.maxBytes);
    out.push(lang === 'zh' ? `${types} 格式，小于 ${max}。` : `${types}, smaller than ${max}.`);
  }
  const px = specs.smallDimensions.minShortSidePx;
  out.push(lang === 'zh' ? `清晰、完整，短边至少约 ${px} 像素。` : `Sharp and complete, at least about ${px} pixels on the short side.`);
  if (kind === 'id-front' || kind === 'id-back') out.push(w('oneToOne', lang));
  return out;
}

/** Who a document is for, in words: `websites[1].admin` → the administrator of website 2. */
function holderText(holder: string, lang: Lang): string {
  const site = /^websites\[(\d+)\](\.admin)?$/.exec(holder);
  if (site) {
    const n = Number(site[1]) + 1;
    if (site[2]) return lang === 'zh' ? `网站 ${n} 的网站负责人` : `administrator of website ${n}`;
    return lang === 'zh' ? `网站 ${n}` : `website ${n}`;
  }
  const known: Record<string, Words> = {
    entity: { en: 'the entity', zh: '主体' },
    'entity.principal': { en: 'entity principal', zh: '主体负责人' },
    'entity.legalRepresentative': { en: 'legal representative', zh: '法定代表人' },
  };
  return known[holder]?.[lang] ?? holder;
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
const SECTIONS: Array<{ status: Exclude<Status, 'pass'>; key: keyof typeof W }> = [
  { status: 'fail', key: 'toFix' },
  { status: 'unknown', key: 'toConfirm' },
  { status: 'warn', key: 'warnings' },
  { status: 'info', key: 'notes' },
];

function detail(f: Finding, lang: Lang): SafeHtml {
  const line = f.line === undefined ? '' : lang === 'zh' ? `第 ${f.line} 行` : `line ${f.line}`;
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
    ? html`<div class="date wait"><span class="label">${w('submitFrom', lang)}</span><strong>${f.submitFrom.date}</strong><span class="why">${f.submitFrom.reason}</span></div>`
    : html`<div class="date"><span class="label">${w('submitFrom', lang)}</span><strong>${blocked ? w('submitNowBlocked', lang) : w('submitNow', lang)}</strong></div>`;
  const lapse = f.readyUntil;
  const until = lapse
    ? blocked
      ? html`<div class="date lapse"><span class="label">${w('lapsesOn', lang)}</span><strong>${lapse.date}</strong><span class="why">${lapse.reason}</span><span class="detail">${lapse.rule} · ${lapse.path}</span></div>`
      : html`<div class="date until"><span class="label">${w('readyUntil', lang)}</span><strong>${addDays(lapse.date, -1)}</strong> <small>(${w('lastDay', lang)})</small><span class="why">${w('from', lang)} ${lapse.date}${w('fromEnd', lang)}${lapse.reason}</span><span class="detail">${lapse.rule} · ${lapse.path}</span></div>`
    : html`<div class="date"><span class="label">${w('readyUntil', lang)}</span><strong>${w('noLapse', lang)}</strong></div>`;
  return html`<div class="dates">${submit}${until}</div>`;
}

function documentItem(d: RequiredDocument, f: FilingReport, ctx: FormatContext, organisation: boolean): SafeHtml {
  const { lang } = ctx;
  const why = f.findings.find((x) => d.rules.includes(x.rule) && x.documents?.includes(d.kind) && x.status !== 'pass');
  const quotes = d.rules.map((r) => ctx.rules.get(r)?.quote ?? '').join(' ');
  const how = [...imageRequirements(d.kind, lang, organisation)];
  const plainFix = why?.fix ? plainWords(why.fix) : undefined;
  const app = /alibaba cloud app|阿里云 ?app/i;
  if (app.test(quotes) && !(plainFix && app.test(plainFix))) how.unshift(w('app', lang));
  if (plainFix) how.unshift(plainFix);
  const state = d.provided ? 'provided' : d.required ? 'missing' : 'optional';
  const mark = d.provided ? '☑' : '☐';
  const stateText = d.provided ? w('provided', lang) : d.required ? w('missing', lang) : w('optional', lang);
  const where = [d.providedBy, ...d.rules].filter(Boolean).join(' · ');
  return html`<li class="doc ${state}"><span class="box" aria-hidden="true">${mark}</span><div><p><strong>${documentKindName(d.kind, lang)}</strong> — ${w('for', lang)} ${holderText(d.for, lang)} <span class="state">${stateText}</span></p>${why ? html`<p><span class="label">${w('mustShow', lang)}:</span> ${withCode(why.message)}</p>` : ''}<p><span class="label">${w('how', lang)}:</span></p><ul class="how">${how.map((h) => html`<li>${h}</li>`)}</ul><span class="detail">${where}</span></div></li>`;
}

function sourcesList(f: FilingReport, ctx: FormatContext): SafeHtml {
  const seen = new Map<string, string>();
  const rules = [...f.findings.filter((x) => x.status !== 'pass').map((x) => x.rule), ...f.documents.flatMap((d) => d.rules)];
  for (const id of rules) {
    const source = ctx.rules.get(id)?.source ?? f.findings.find((x) => x.rule === id)?.source ?? '';
    if (!source || seen.has(id)) continue;
    seen.set(id, source);
  }
  if (seen.size === 0) return html``;
  const bySource = new Map<string, string[]>();
  for (const [id, source] of seen) bySource.set(source, [...(bySource.get(source) ?? []), ctx.rules.get(id)?.title[ctx.lang] ?? id]);
  const items = [...bySource].sort(([a], [b]) => a.localeCompare(b));
  return html`<section class="sources"><h3>${w('sources', ctx.lang)}</h3><ul>${items.map(([source, titles]) => html`<li><strong>${source}</strong>: ${[...new Set(titles)].join(ctx.lang === 'zh' ? '；' : '; ')}</li>`)}</ul></section>`;
}

function filingSection(f: FilingReport, index: number, ctx: FormatContext): SafeHtml {
  const { lang } = ctx;
  const file = relativeFile(f, ctx.cwd);
  const cls = VERDICT_CLASS[f.verdict];
  const head = html`<header class="filing-head"><h2><span class="num">${index + 1}</span> ${file}</h2><p class="meta">${w('province', lang)}: ${f.province ?? '—'}</p><p class="verdict ${cls}">${verdictLabel(f.verdict, lang)}</p></header>`;
  const findings = sortFindings(f.findings.filter((x) => x.status !== 'pass'));
  if (f.verdict === 'invalid') {
    return html`<section class="filing v-${f.verdict}" id="filing-${index + 1}">${head}<p>${w('invalid', lang)}</p><ul class="findings">${findings.map((x) => findingItem(x, lang))}</ul></section>`;
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
  const nothing = shown.every((x) => x.status === 'info') ? html`<p class="ok">${w('nothingToFix', lang)}</p>` : '';
  return html`<section class="filing v-${f.verdict}" id="filing-${index + 1}">${head}${datesBlock(f, lang)}${nothing}${groups}${
    docs.length > 0
      ? html`<section class="documents"><h3>${w('documents', lang)}</h3><ul class="checklist">${docs.map((d) => documentItem(d, f, ctx, organisation))}</ul></section>`
      : ''
  }${sourcesList(f, ctx)}</section>`;
}

const VERDICTS: Verdict[] = ['blocked', 'ready-with-warnings', 'ready', 'invalid'];

function indexTable(report: Report, ctx: FormatContext): SafeHtml {
  const { lang } = ctx;
  const present = VERDICTS.filter((v) => report.filings.some((f) => f.verdict === v));
  const count = (v: Verdict) => report.filings.filter((f) => f.verdict === v).length;
  const rows = report.filings.map((f, i) => {
    const lastDay = f.readyUntil && f.verdict !== 'blocked' && f.verdict !== 'invalid' ? addDays(f.readyUntil.date, -1) : '—';
    return html`<tr class="v-${f.verdict}"><td class="file"><a href="#filing-${i + 1}">${i + 1}. ${relativeFile(f, ctx.cwd)}</a></td><td>${f.province ?? '—'}</td><td><span class="pill ${VERDICT_CLASS[f.verdict]}">${verdictLabel(f.verdict, lang)}</span></td><td class="n">${f.summary.fail}</td><td class="n">${f.summary.unknown}</td><td class="n">${f.summary.missingDocuments}</td><td class="d">${f.submitFrom?.date ?? '—'}</td><td class="d">${lastDay}</td></tr>`;
  });
  return html`<nav class="index"><h2>${w('index', lang)}</h2><div class="filters"><span>${w('show', lang)}:</span><label for="show-all">${w('all', lang)} (${report.filings.length})</label>${present.map((v) => html`<label for="show-${v}">${verdictLabel(v, lang)} (${count(v)})</label>`)}</div><table><thead><tr><th>${w('filing', lang)}</th><th>${w('province', lang)}</th><th>${w('verdict', lang)}</th><th class="n">${w('toFix', lang)}</th><th class="n">${w('toConfirm', lang)}</th><th class="n">${w('docsMissing', lang)}</th><th>${w('submitFrom', lang)}</th><th>${w('readyUntil', lang)}</th></tr></thead><tbody>${rows}</tbody></table></nav>`;
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

export const htmlReport: Formatter = (report: Report, ctx: FormatContext): string => {
  const { lang } = ctx;
  const batch = report.filings.length > 1;
  const tool = `${report.tool.name} ${report.tool.version}`;
  const radios = batch
    ? html`<input class="filter" type="radio" name="show" id="show-all" checked>${VERDICTS.map((v) => html`<input class="filter" type="radio" name="show" id="show-${v}">`)}`
    : '';
  const body =
    report.filings.length === 0 ? html`<p>${w('none', lang)}</p>` : html`${batch ? indexTable(report, ctx) : ''}${report.filings.map((f, i) => filingSection(f, i, ctx))}`;
  const page = html`<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${w('title', lang)} — ${report.date}</title>
<style>${raw(CSS)}${raw(batch ? filterCss() : '')}</style>
</head>
<body>
${radios}
<main>
<h1>${w('title', lang)}</h1>
<p class="intro">${w('intro', lang)} ${report.date} · ${tool} · ${w('rules', lang)} ${report.tool.rulesDate}</p>
${body}
<footer>${w('footer', lang)}</footer>
</main>
</body>
</html>
`;
  return page.value;
};
