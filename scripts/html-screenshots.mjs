// Screenshots of the HTML report of every example, for the README and docs/: renders each
// example's page (as of a fixed date, so the pictures only change when the page does) in
// Debian's Chromium through playwright-core, with every request refused.
// Usage: npm run build && node scripts/html-screenshots.mjs [--date YYYY-MM-DD]
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { checkFiles } from '../dist/check/run.js';
import { DomainLookupService } from '../dist/facts/domains/lookup.js';
import { ImageInspector } from '../dist/facts/images.js';
import { htmlReport } from '../dist/report/formats/html.js';
import { ruleIndex } from '../dist/rules/registry.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dateAt = process.argv.indexOf('--date');
const date = dateAt > 0 ? process.argv[dateAt + 1] : '2026-11-30';
const examples = readdirSync(path.join(root, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const profile = mkdtempSync(path.join(os.tmpdir(), 'icp-screenshots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 900, height: 1200 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const domains = new DomainLookupService({ offline: true, useCache: false, timeoutMs: 1000 });
try {
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    throw new Error(`the page requested ${route.request().url()}`);
  });
  for (const name of examples) {
    const report = await checkFiles(
      [path.join(root, 'examples', name, 'manifest.yaml')],
      { date, offline: true, approvedSuffixes: [], lang: 'en', concurrency: 1 },
      { images: new ImageInspector(), domains },
    );
    await page.setContent(htmlReport(report, { lang: 'en', rules: ruleIndex(), cwd: root }));
    const out = path.join(root, 'docs', `html-report-${name}.png`);
    await page.screenshot({ path: out, fullPage: true });
    console.log(path.relative(root, out));
  }
} finally {
  await domains.close();
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
