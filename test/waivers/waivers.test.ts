// Waivers: `accept:` entries in a manifest, the config or the API accept a finding with a reason
// until a date; an accepted finding does not block, an expired waiver fails, an unused one is reported.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import type { Finding, Report } from '../../src/model.js';
import { globRegExp } from '../../src/waivers/apply.js';
import { reportValidator } from '../fuzz/check-in-process.js';
import { REPO, runBin } from '../cli/run-bin.js';

const DATE = '2026-11-26';
const TIANJIN = path.join(REPO, 'examples/tianjin-enterprise-problems/manifest.yaml');
const GUANGDONG = path.join(REPO, 'examples/guangdong-enterprise/manifest.yaml');
const tianjinText = readFileSync(TIANJIN, 'utf8');

/** The Tianjin example with an `accept:` list appended, checked in place so its images resolve. */
async function tianjinWith(accept: string, options: Parameters<typeof check>[1] = {}): Promise<Report> {
  return check([{ manifest: `${tianjinText}\naccept:\n${accept}`, file: TIANJIN }], { offline: true, date: DATE, config: false, ...options });
}

const byRule = (r: Report, rule: string): Finding[] => r.filings.find((f) => f.file.includes('tianjin'))!.findings.filter((f) => f.rule === rule);

describe('a waiver in the manifest', () => {
  it('accepts the finding it names, with its reason, so it no longer counts as a failure', async () => {
    const plain = await check([{ manifest: tianjinText, file: TIANJIN }], { offline: true, date: DATE, config: false });
    const report = await tianjinWith(
      ['  - rule: domain/suffix-approved', '    path: websites[0].domains[1]', '    reason: MIIT confirmed .example by phone on 2026-11-20', '    until: 2027-01-31'].join('\n'),
    );
    const [finding] = byRule(report, 'domain/suffix-approved');
    expect(finding).toMatchObject({
      status: 'fail',
      accepted: { reason: 'MIIT confirmed .example by phone on 2026-11-20', until: '2027-01-31', source: 'manifest', entry: 'accept[0]' },
    });
    const before = plain.filings[0]!.summary;
    const after = report.filings[0]!.summary;
    expect(after.fail).toBe(before.fail - 1);
    expect(after.accepted).toBe(1);
    expect(byRule(report, 'manifest/accept-unused')).toEqual([]);
    const validate = reportValidator();
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('stops blocking the filing when every failure is accepted and no document is missing', async () => {
    const gd = readFileSync(GUANGDONG, 'utf8').replace('expires: 2030-12-31', 'expires: 2026-12-01');
    const [plain] = (await check([{ manifest: gd, file: GUANGDONG }], { offline: true, date: DATE, config: false })).filings;
    const failing = plain!.findings.filter((f) => f.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(plain!.verdict).toBe('blocked');
    const accept = failing.map((f) => `  - rule: ${f.rule}\n    path: ${JSON.stringify(f.path)}\n    reason: renewal under way\n    until: 2026-12-31`).join('\n');
    const [waived] = (await check([{ manifest: `${gd}\naccept:\n${accept}`, file: GUANGDONG }], { offline: true, date: DATE, config: false })).filings;
    expect(waived!.summary.fail).toBe(0);
    expect(waived!.summary.accepted).toBe(failing.length);
    expect(waived!.verdict).not.toBe('blocked');
  });

  it('fails once expired, at its own line, and no longer accepts', async () => {
    const report = await tianjinWith(['  - rule: domain/suffix-approved', '    reason: was being confirmed', '    until: 2026-11-25'].join('\n'));
    expect(byRule(report, 'domain/suffix-approved')[0]!.accepted).toBeUndefined();
    const [expired] = byRule(report, 'manifest/accept-expired');
    const acceptLine = tianjinText.split('\n').length + 2; // the list item after the appended `accept:`
    expect(expired).toMatchObject({ status: 'fail', path: 'accept[0]', line: acceptLine });
    expect(expired!.message).toBe('The waiver of domain/suffix-approved (accept[0]) expired on 2026-11-25: was being confirmed');
  });

  it('is reported when it matches nothing (a fixed problem, a mistyped rule or path)', async () => {
    const report = await tianjinWith(
      [
        '  - rule: whois/hold',
        '    reason: no longer needed',
        '    until: 2027-01-31',
        '  - rule: domain/suffix-approved',
        '    path: websites[1]',
        '    reason: wrong website',
        '    until: 2027-01-31',
      ].join('\n'),
      { lang: 'zh' },
    );
    const unused = byRule(report, 'manifest/accept-unused');
    expect(unused.map((f) => [f.status, f.path])).toEqual([
      ['warn', 'accept[0]'],
      ['warn', 'accept[1]'],
    ]);
    expect(unused[1]!.message).toBe('对 websites[1] 处 domain/suffix-approved 的豁免（accept[1]）没有对应的检查结果。');
  });

  it('takes a rule prefix and a path that covers the paths under it', async () => {
    const report = await tianjinWith(['  - rule: instance/*', '    path: instances[0]', '    reason: moving to a new instance', '    until: 2027-01-31'].join('\n'));
    const instance = report.filings[0]!.findings.filter((f) => f.rule.startsWith('instance/') && f.status === 'fail');
    expect(instance.filter((f) => f.path.startsWith('instances[0]')).every((f) => f.accepted?.entry === 'accept[0]')).toBe(true);
    expect(instance.filter((f) => !f.path.startsWith('instances[0]')).every((f) => f.accepted === undefined)).toBe(true);
    // One fact, one finding: the Hong Kong instance's billing, term, bandwidth and quota fold into its
    // region failure, which the waiver accepts together with them.
    const accepted = report.filings[0]!.findings.filter((f) => f.accepted);
    expect(accepted.map((f) => [f.rule, f.path])).toEqual([['instance/mainland-region', 'instances[0].region']]);
    expect(accepted[0]!.alsoRequiredBy).toEqual(['instance/public-bandwidth', 'instance/remaining-term', 'instance/service-number-quota', 'instance/subscription-billing']);
    expect(report.filings[0]!.summary.accepted).toBe(1);
    expect(byRule(report, 'manifest/accept-unused')).toEqual([]);
  });

  it('matches a finding folded into another one, without accepting the one that stays', async () => {
    const report = await tianjinWith(['  - rule: instance/remaining-term', '    path: instances[0]', '    reason: renewal ordered', '    until: 2027-01-31'].join('\n'));
    expect(byRule(report, 'manifest/accept-unused')).toEqual([]);
    const [region] = byRule(report, 'instance/mainland-region');
    expect(region!.alsoRequiredBy).toContain('instance/remaining-term');
    expect(region!.accepted).toBeUndefined();
    expect(report.filings[0]!.findings.filter((f) => f.accepted)).toEqual([]);
    expect(report.filings[0]!.verdict).toBe('blocked');
  });
});

describe('a waiver in the config', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-check-waivers-'));
  mkdirSync(path.join(dir, '.git'));

  it('accepts findings of the manifests its glob takes in, and says so in the report', async () => {
    const accept = [{ rule: 'whois/privacy', files: 'examples/tianjin-*/*.yaml', reason: 'privacy is lifted on submission', until: '2027-01-31' }];
    const report = await check([TIANJIN, GUANGDONG], { offline: true, date: DATE, config: false, cwd: REPO, accept });
    expect(byRule(report, 'whois/privacy')[0]!.accepted).toEqual({ reason: 'privacy is lifted on submission', until: '2027-01-31', source: 'config', entry: 'accept[0]' });
    expect(report.unusedWaivers).toBeUndefined();
    const elsewhere = await check([TIANJIN], { offline: true, date: DATE, config: false, cwd: REPO, accept: [{ ...accept[0]!, files: 'filings/**/*.yaml' }] });
    expect(byRule(elsewhere, 'whois/privacy')[0]!.accepted).toBeUndefined();
    expect(elsewhere.unusedWaivers).toEqual([
      { rule: 'whois/privacy', files: 'filings/**/*.yaml', reason: 'privacy is lifted on submission', until: '2027-01-31', entry: 'accept[0]' },
    ]);
  });

  it('fails where it would have accepted something once expired', async () => {
    const report = await check([TIANJIN], { offline: true, date: DATE, config: false, cwd: REPO, accept: [{ rule: 'whois/privacy', reason: 'old', until: '2026-01-01' }] });
    const [expired] = byRule(report, 'manifest/accept-expired');
    expect(expired).toMatchObject({ status: 'fail', path: 'websites[0].domains[0]', line: expect.any(Number) });
  });

  it('from icp-check.config.yaml through the command line: unused ones on stderr, not under --shard', () => {
    writeFileSync(
      path.join(dir, 'icp-check.config.yaml'),
      ['offline: true', 'date: 2026-11-26', 'accept:', '  - rule: whois/hold', '    reason: kept for next year', '    until: 2027-06-30', ''].join('\n'),
    );
    const r = runBin([GUANGDONG, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`waiver ${path.join(dir, 'icp-check.config.yaml')}: accept[0] (whois/hold) matched no finding\n`);
    expect(JSON.parse(r.stdout).unusedWaivers).toHaveLength(1);
    const shard = runBin([GUANGDONG, '--format', 'json', '--shard', '1/1'], { cwd: dir });
    expect(shard.stderr).toBe('');
    expect(JSON.parse(shard.stdout).unusedWaivers).toBeUndefined();
  });
});

describe('file globs', () => {
  it('match with **, * and braces over / separated paths', () => {
    expect(globRegExp('filings/**/*.yaml').test('filings/a/b/m.yaml')).toBe(true);
    expect(globRegExp('filings/**/*.yaml').test('filings/m.yaml')).toBe(true);
    expect(globRegExp('filings/*.yaml').test('filings/a/m.yaml')).toBe(false);
    expect(globRegExp('f/{a,b}.y?ml').test('f/b.yaml')).toBe(true);
    expect(globRegExp('f/{a,b}.y?ml').test('f/c.yaml')).toBe(false);
    expect(globRegExp('f/a,b.yaml').test('f/a,b.yaml')).toBe(true);
  });
});
