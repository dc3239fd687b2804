// The HTML page in a real browser (Debian's Chromium): no request leaves it, no console error,
// every failure's text is visible, the verdict filter works offline, and it prints to A4.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Report } from '../../src/model.js';
import { type Browser, CHROMIUM, HAVE_CHROMIUM, launch } from './chromium.js';
import { batchReport, EXAMPLES, exampleReport, renderHtml } from './pages.js';

/** A4 in PDF points (72 per inch): 210 mm x 297 mm. */
const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

describe.skipIf(!HAVE_CHROMIUM)(`in Chromium (skipped when ${CHROMIUM} is absent: apt-get install chromium)`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Loads the page with page.setContent; every request it would make is refused and recorded. */
  async function open(markup: string): Promise<Opened> {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    const note = (url: string) => {
      if (!requests.includes(url)) requests.push(url);
    };
    await page.route('**/*', (route) => {
      note(route.request().url());
      return route.abort();
    });
    page.on('request', (r) => note(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(markup, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  /** The page size of every page of a PDF, from its /MediaBox entries. */
  function pdfPages(pdf: Buffer): Array<{ width: number; height: number }> {
    const text = pdf.toString('latin1');
    return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
      width: Number(m[3]) - Number(m[1]),
      height: Number(m[4]) - Number(m[2]),
    }));
  }

  async function expectGoodPage(report: Report, markup: string): Promise<Page> {
    const { page, requests, errors } = await open(markup);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a reader sees; hidden text is left out
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    for (const f of report.filings) {
      for (const x of f.findings.filter((x) => x.status === 'fail')) expect(text).toContain(x.message.replace(/`/g, '').replace(/\s+/g, ' '));
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(report.filings.length);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(A4.width, 0);
      expect(p.height).toBeCloseTo(A4.height, 0);
    }
    // Still no request after printing.
    expect(requests).toEqual([]);
    return page;
  }

  it.each(EXAMPLES)(
    '%s',
    async (name) => {
      const report = await exampleReport(name);
      const page = await expectGoodPage(report, renderHtml(report));
      await expect(page.locator('.verdict').first().isVisible()).resolves.toBe(true);
      await page.close();
    },
    60_000,
  );

  it('the Chinese page of an example', async () => {
    const report = await exampleReport('tianjin-enterprise-problems', 'zh');
    const page = await expectGoodPage(report, renderHtml(report, 'zh'));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.close();
  }, 60_000);

  it('a batch: one printed page or more per filing, and the verdict filter works without network', async () => {
    const report = await batchReport();
    const page = await expectGoodPage(report, renderHtml(report));
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // The index, then each filing from a new page.
    expect(pdfPages(pdf).length).toBeGreaterThanOrEqual(report.filings.length + 1);

    const visible = async (selector: string) =>
      (await page.locator(selector).all()).length && (await Promise.all((await page.locator(selector).all()).map((l) => l.isVisible()))).filter(Boolean).length;
    expect(await visible('tbody tr')).toBe(report.filings.length);
    for (const verdict of new Set(report.filings.map((f) => f.verdict))) {
      const n = report.filings.filter((f) => f.verdict === verdict).length;
      await page.locator(`label[for="show-${verdict}"]`).click();
      expect(await visible('tbody tr')).toBe(n);
      expect(await visible('section.filing')).toBe(n);
      expect(await visible(`section.filing.v-${verdict}`)).toBe(n);
    }
    await page.locator('label[for="show-all"]').click();
    expect(await visible('section.filing')).toBe(report.filings.length);
    await page.close();
  }, 120_000);

  it('a page that would load something is caught (the check can fail)', async () => {
    const { page, requests } = await open('<!DOCTYPE html><html><body><img src="http://192.0.2.1/x.png"></body></html>');
    expect(requests).toEqual(['http://192.0.2.1/x.png']);
    await page.close();
  }, 60_000);
});
