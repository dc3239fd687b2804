// Every finding visible in CI, end to end: the SARIF of every example validates against SARIF 2.1.0
// with a start line on each result and repository-relative URIs; the GitHub output of the Tianjin
// example gets every failure into the first 10 `::error` lines or says where the rest are; the
// Markdown of a large batch stays under what a pull-request comment takes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, formatReport } from '../../src/api.js';
import { REPO, runBin } from '../cli/run-bin.js';
import { sarifValidator } from './sarif-validator.js';

const DATE = ['--date', '2026-11-26', '--offline', '--no-config'];

interface Result {
  level: string;
  ruleId: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine?: number } } }>;
  suppressions?: unknown[];
  properties?: { alsoRequiredBy?: string[] };
}

describe('SARIF of the examples', () => {
  for (const notes of [false, true]) {
    it(`validates against SARIF 2.1.0 and gives every result a start line${notes ? ' (with --sarif-notes)' : ''}`, () => {
      // Run from a subfolder: URIs are still relative to the repository root.
      const r = runBin(['.', ...DATE, '--format', 'sarif', ...(notes ? ['--sarif-notes'] : [])], { cwd: path.join(REPO, 'examples') });
      expect(r.code).toBe(1);
      const log = JSON.parse(r.stdout);
      const validate = sarifValidator();
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const results = log.runs[0].results as Result[];
      expect(results.length).toBeGreaterThan(20);
      for (const res of results) {
        const loc = res.locations[0]!.physicalLocation;
        expect(loc.region?.startLine, `${res.ruleId}`).toBeGreaterThanOrEqual(1);
        expect(loc.artifactLocation.uri).toMatch(/^examples\/[a-z-]+\/manifest\.yaml$/);
      }
      const levels = new Set(results.map((x) => x.level));
      expect(levels.has('note')).toBe(notes);
      expect(log.runs[0].originalUriBaseIds.SRCROOT.uri).toBe(`file://${REPO.endsWith('/') ? REPO : `${REPO}/`}`);
      // Ready filings leave no alert behind.
      const uris = new Set(results.filter((x) => x.level !== 'note').map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
      expect([...uris]).toEqual(['examples/tianjin-enterprise-problems/manifest.yaml']);
    });
  }

  it('points whole-filing findings and missing documents at a line of their own, not the top of the file', () => {
    const log = JSON.parse(runBin(['examples/tianjin-enterprise-problems/manifest.yaml', ...DATE, '--format', 'sarif'], {}).stdout);
    const results = log.runs[0].results as Result[];
    const lineOf = (rule: string) => results.find((x) => x.ruleId === rule)!.locations[0]!.physicalLocation.region!.startLine;
    const text = readFileSync(path.join(REPO, 'examples/tianjin-enterprise-problems/manifest.yaml'), 'utf8').split('\n');
    // The missing back of the principal's ID card: one fact, one result, the image failure at the principal's
    // `back:` line, which names the document rule that requires it; the document is not listed again.
    const back = results.filter((x) => x.properties?.alsoRequiredBy?.includes('document/principal-id-back'));
    expect(back.map((x) => x.ruleId)).toEqual(['image/readable']);
    expect(text[back[0]!.locations[0]!.physicalLocation.region!.startLine! - 1]).toMatch(/^\s+back:/);
    expect(results.filter((x) => x.ruleId === 'document/principal-id-back')).toEqual([]);
    // A missing document no failure names: at the entity it is for.
    expect(text[lineOf('document/authenticity-statement')! - 1]).toMatch(/^entity:/);
    // A Tianjin rule about the whole filing: at `province:`.
    expect(text[lineOf('province/tianjin/no-shared-mobile')! - 1]).toMatch(/^province:/);
  });
});

describe('GitHub annotations of the Tianjin example', () => {
  it('put every failure in the first 10 ::error lines or say where the rest are', () => {
    const r = runBin(['examples/tianjin-enterprise-problems/manifest.yaml', ...DATE, '--format', 'github']);
    expect(r.code).toBe(1);
    const json = JSON.parse(runBin(['examples/tianjin-enterprise-problems/manifest.yaml', ...DATE, '--format', 'json']).stdout);
    const filing = json.filings[0];
    const failures = filing.summary.fail + filing.summary.missingDocuments;
    const lines = r.stdout.split('\n');
    const errors = lines.filter((l) => l.startsWith('::error'));
    expect(errors.length).toBeLessThanOrEqual(10);
    // Failures come before any other level, and each named failure has a line.
    expect(lines.findIndex((l) => l.startsWith('::warning'))).toBeGreaterThan(lines.lastIndexOf(errors.at(-1)!));
    for (const e of errors.slice(0, 9)) expect(e).toMatch(/^::error file=examples\/tianjin-enterprise-problems\/manifest\.yaml,line=\d+,/);
    if (failures <= 10) {
      expect(errors).toHaveLength(failures);
    } else {
      const rest = failures - 9;
      expect(errors[9]).toBe(`::error title=icp-check::${rest} more failures not annotated (GitHub shows 10 per level and step): the job summary and the log below list them all.`);
      const logged = lines.filter((l) => l.startsWith('error: examples/tianjin-enterprise-problems/manifest.yaml:'));
      expect(logged).toHaveLength(rest);
      // The missing documents, which used to come last without a line, are among them, with a line.
      expect(logged.filter((l) => l.includes('Missing document')).length).toBe(filing.summary.missingDocuments);
    }
  });
});

describe('Markdown of a batch of filings', () => {
  it('stays under 65,000 characters and says which details it left out', async () => {
    const dir = path.join(REPO, 'examples/tianjin-enterprise-problems');
    const text = readFileSync(path.join(dir, 'manifest.yaml'), 'utf8');
    const gd = path.join(REPO, 'examples/guangdong-enterprise');
    const gdText = readFileSync(path.join(gd, 'manifest.yaml'), 'utf8');
    const inputs = [
      ...Array.from({ length: 42 }, (_, i) => ({ manifest: text, file: path.join(dir, `client-${String(i + 1).padStart(2, '0')}.yaml`) })),
      ...Array.from({ length: 8 }, (_, i) => ({ manifest: gdText, file: path.join(gd, `ready-${i + 1}.yaml`) })),
    ];
    const report = await check(inputs, { offline: true, date: '2026-11-26', config: false, cwd: REPO });
    expect(report.filings).toHaveLength(50);
    const full = report.filings.filter((f) => f.verdict !== 'ready').length;
    for (const lang of ['en', 'zh'] as const) {
      const md = formatReport(report, 'markdown', { lang, cwd: REPO });
      expect(md.length).toBeLessThan(65_000);
      // The table has every filing.
      expect(md.split('\n').filter((l) => l.startsWith('| examples/'))).toHaveLength(50);
      const detailed = (md.match(/^<details>$/gm) ?? []).length;
      expect(detailed).toBeGreaterThan(0);
      expect(detailed).toBeLessThan(full);
      const note = md.split('\n').find((l) => l.startsWith('> '))!;
      expect(note).toBeDefined();
      if (lang === 'en') expect(note).toContain(`and ${full - detailed - 10} more`);
      expect(note).toContain('client-');
      // Every <details> is closed: nothing is cut in the middle.
      expect((md.match(/^<\/details>$/gm) ?? []).length).toBe(detailed);
    }
  });
});
