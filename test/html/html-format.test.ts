// The HTML page as text: escaping, no way out to the network, the report's language, every
// failure said, dates and the document checklist, and a masked report staying masked.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { escapeHtml, html, raw } from '../../src/report/html-template.js';
import { plainWords } from '../../src/report/formats/html.js';
import { FORMATS } from '../../src/report/formats/index.js';
import { batchReport, EXAMPLES, exampleReport, maskedForTest, personalDataOfExamples, renderHtml, sharedMobileReport } from './pages.js';

/** Text as the page shows it: the escaping undone. */
const shown = (s: string) => escapeHtml(s);

/** No element, attribute or style that could load anything. */
function expectNoWayOut(page: string) {
  expect(page).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(|src=|srcset=/i);
  expect(page).not.toMatch(/href="(?!#)/);
  expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
}

describe('html template', () => {
  it('escapes every interpolation, in content and attributes, and passes markup it made itself', () => {
    const evil = `"><script>alert('x')</script>&`;
    const out = html`<p title="${evil}">${evil}${html`<b>${evil}</b>`}${[evil, 1]}${undefined}${false}</p>`.value;
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;<b>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</b>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;1</p>',
    );
    expect(html`${raw('<i>trusted</i>')}`.value).toBe('<i>trusted</i>');
  });

  it('removes control and bidi characters from outside text', () => {
    expect(escapeHtml('a\u0007b\u202ec\u0000d')).toBe('abcd');
  });
});

describe('plain words of a fix', () => {
  it.each([
    ['Photograph the original certificate with the Alibaba Cloud app and set `entity.certificate.image`.', 'Photograph the original certificate with the Alibaba Cloud app.'],
    ['使用阿里云 App 拍摄证件原件，并填写 `entity.certificate.image`。', '使用阿里云 App 拍摄证件原件。'],
    ['拍摄证件原件反面，并填写主体负责人的 `id.back`。', '拍摄证件原件反面。'],
    ['Add a `documents[]` entry with `kind: authenticity-statement` and its `file`.', undefined],
    ['Renew the instance or use another one.', 'Renew the instance or use another one.'],
  ])('%s', (fix, plain) => {
    expect(plainWords(fix)).toBe(plain);
  });
});

describe('--format html', () => {
  it('is one of the formats', () => {
    expect(FORMATS).toContain('html');
  });

  it.each(EXAMPLES)('%s: one page with its verdict, dates, every failure, the checklist and the sources', async (name) => {
    const report = await exampleReport(name);
    const page = renderHtml(report);
    const f = report.filings[0]!;
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expectNoWayOut(page);
    expect(page).toContain(`class="verdict`);
    for (const x of f.findings.filter((x) => x.status === 'fail')) expect(page).toContain(shown(x.message));
    if (f.readyUntil) expect(page).toContain(shown(f.readyUntil.reason));
    for (const d of f.documents) expect(page).toContain(`class="doc ${d.provided ? 'provided' : d.required ? 'missing' : 'optional'}"`);
    expect(page).toContain('<section class="sources">');
    // The main text speaks in words: manifest paths only in the muted detail or code spans.
    const main = page.replace(/<span class="detail">.*?<\/span>|<code class="muted">.*?<\/code>/g, '');
    expect(main).not.toMatch(/Add a `documents\[\]` entry|documents\[\d\]/);
  });

  it('speaks Chinese when the report does', async () => {
    const page = renderHtml(await exampleReport('guangdong-enterprise', 'zh'), 'zh');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('需准备的材料');
    expect(page).not.toContain('Documents to prepare');
  });

  it('a batch: an index with a row per filing and a verdict filter without script, a section per filing', async () => {
    const report = await batchReport();
    const page = renderHtml(report);
    expectNoWayOut(page);
    const rows = page.match(/<tr class="v-/g) ?? [];
    expect(rows).toHaveLength(report.filings.length);
    expect(page.match(/<section class="filing /g)).toHaveLength(report.filings.length);
    for (const v of new Set(report.filings.map((f) => f.verdict))) expect(page).toContain(`<label for="show-${v}">`);
    expect(page).toContain('#show-blocked:checked~main .filing:not(.v-blocked)');
    // The hostile name in the broken manifest arrives as text.
    expect(page).not.toContain('<script>alert(1)</script>');
  });

  it('renders a masked report without bringing back any identity number, mobile or e-mail', async () => {
    const personal = personalDataOfExamples();
    expect(personal.length).toBeGreaterThan(3);
    // The batch, and a filing whose findings name a mobile number of the examples (shared by two people).
    const report = async (): Promise<Report> => {
      const [batch, shared] = await Promise.all([batchReport(), sharedMobileReport()]);
      return { ...batch, filings: [...batch.filings, ...shared.filings] };
    };
    const plain = renderHtml(await report());
    expect(personal.some((p) => plain.includes(p))).toBe(true); // the unmasked report does carry some
    const page = renderHtml(maskedForTest(await report()));
    for (const p of personal) expect(page).not.toContain(p);
  });

  it('says when nothing was checked', () => {
    const report: Report = { tool: { name: 'icp-check', version: '0', rulesDate: '2019-08-06' }, date: '2026-11-30', filings: [] };
    expect(renderHtml(report)).toContain('No filings were checked.');
  });
});
