// The reports the HTML tests render: every example, and a generated batch of real manifests
// (the examples with dates moved so that every verdict and both dates appear, plus an invalid one).
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { Lang, Report } from '../../src/model.js';
import { htmlReport } from '../../src/report/formats/html.js';
import { ruleIndex } from '../../src/rules/registry.js';
import { checkInProcess, REPO_ROOT } from '../fuzz/check-in-process.js';

export const DATE = '2026-11-30';
// The example filings: the folders of examples/ that hold a manifest (examples/ci holds CI settings).
export const EXAMPLES = readdirSync(path.join(REPO_ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(REPO_ROOT, 'examples', d.name, 'manifest.yaml')))
  .map((d) => d.name)
  .sort();

export async function exampleReport(name: string, lang: Lang = 'en'): Promise<Report> {
  return (await checkInProcess([path.join(REPO_ROOT, 'examples', name, 'manifest.yaml')], { date: DATE, lang })).report;
}

/** A batch in a temporary folder: the examples, a waiting one, one close to a lapse, one invalid. */
export async function batchReport(lang: Lang = 'en'): Promise<Report> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-html-batch-'));
  const files: string[] = [];
  const copy = (name: string, as: string, edit?: (d: YAML.Document) => void) => {
    cpSync(path.join(REPO_ROOT, 'examples', name), path.join(dir, as), { recursive: true });
    const file = path.join(dir, as, 'manifest.yaml');
    if (edit) {
      const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
      edit(doc);
      writeFileSync(file, doc.toString());
    }
    files.push(file);
  };
  for (const name of EXAMPLES) copy(name, name);
  copy('beijing-individual', 'beijing-just-verified', (d) => d.setIn(['domains', 'wangxiaowu-blog.cn', 'realNameVerifiedOn'], '2026-11-29'));
  copy('guangdong-enterprise', 'guangdong-instance-ending', (d) => d.setIn(['instances', 0, 'expires'], '2027-03-10'));
  copy('beijing-individual', 'beijing-warning', (d) => d.setIn(['entity', 'principal', 'id', 'expires'], '2027-01-15'));
  const bad = path.join(dir, 'broken', 'manifest.yaml');
  cpSync(path.join(REPO_ROOT, 'examples', 'beijing-individual'), path.dirname(bad), { recursive: true });
  writeFileSync(bad, 'version: 1\nentity: {type: individual, name: <script>alert(1)</script>\nwebsites: [\n');
  files.push(bad);
  return (await checkInProcess(files, { date: DATE, lang })).report;
}

/**
 * The Guangdong example with a website administrator who shares the principal's mobile number: a
 * filing whose findings name personal data of the examples (the mobile number) outside passing checks.
 */
export async function sharedMobileReport(lang: Lang = 'en'): Promise<Report> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-html-shared-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'guangdong-enterprise'), dir, { recursive: true });
  const file = path.join(dir, 'manifest.yaml');
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
  const principal = doc.getIn(['entity', 'principal']) as YAML.YAMLMap;
  const admin = principal.clone() as YAML.YAMLMap;
  admin.set('name', '李四');
  admin.delete('email');
  doc.setIn(['websites', 0, 'admin'], admin);
  writeFileSync(file, doc.toString());
  return (await checkInProcess([file], { date: DATE, lang })).report;
}

export function renderHtml(report: Report, lang: Lang = 'en'): string {
  return htmlReport(report, { lang, rules: ruleIndex(), cwd: REPO_ROOT });
}

export const ID_NUMBER = /\b\d{17}[\dXx]\b/g;
export const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
export const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

/**
 * The report with identity numbers, mobiles and e-mail addresses masked, as the command hands it
 * to the HTML format when masking is on (the command's own masker does this in the product).
 */
export function maskedForTest(report: Report): Report {
  const mask = (s: string) =>
    s
      .replace(ID_NUMBER, (m) => `${m.slice(0, 3)}***********${m.slice(-4)}`)
      .replace(MOBILE, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`)
      .replace(EMAIL, (m) => `${m[0]}***@${m.split('@')[1]}`);
  return JSON.parse(JSON.stringify(report), (_k, v: unknown) => (typeof v === 'string' ? mask(v) : v)) as Report;
}

/** Identity numbers, mobiles and e-mail addresses written in the examples' manifests. */
export function personalDataOfExamples(): string[] {
  const out = new Set<string>();
  for (const name of EXAMPLES) {
    const text = readFileSync(path.join(REPO_ROOT, 'examples', name, 'manifest.yaml'), 'utf8');
    for (const re of [ID_NUMBER, MOBILE, EMAIL]) for (const m of text.matchAll(re)) out.add(m[0]);
  }
  return [...out];
}
