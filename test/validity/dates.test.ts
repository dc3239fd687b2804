import { describe, expect, it } from 'vitest';
import { editedExamples } from './edited-example.js';
import type { FilingReport, Finding } from '../../src/model.js';
import { addDays, addMonths } from '../../src/facts/dates.js';
import { loadInstanceEligibility } from '../../src/regulations/instance-eligibility.js';
import { settingsFor } from '../../src/regulations/index.js';
import { reusableKind, reuseData } from '../../src/regulations/reuse.js';
import { realNameSyncDays } from '../../src/rules/domain.js';
import { probeOffsets } from '../../src/report/validity.js';
import { checkInProcess } from '../fuzz/check-in-process.js';

const TODAY = '2026-11-30';
const example = editedExamples('icp-dates-');

async function filingOn(file: string, date: string): Promise<FilingReport> {
  const { report } = await checkInProcess([file], { date });
  return report.filings[0]!;
}

const SEVERITY: Record<string, number> = { fail: 3, warn: 2, unknown: 2, info: 0, pass: 0 };
function worstAt(f: FilingReport, rule: string, at: string): number {
  return Math.max(0, ...f.findings.filter((x: Finding) => x.rule === rule && x.path === at).map((x) => SEVERITY[x.status]!));
}

/** The day before `date` the rule at `at` is better than on `date` itself: the date is the first worse day. */
async function expectFirstWorseDay(file: string, date: string, rule: string, at: string) {
  const before = await filingOn(file, addDays(date, -1));
  const on = await filingOn(file, date);
  expect(worstAt(before, rule, at)).toBeLessThan(worstAt(on, rule, at));
  // Checked on the day before, the report still names the same day.
  expect(before.readyUntil).toMatchObject({ date, rule, path: at });
}

/** On the day before `date` the rule at `at` is worse than on `date`: the filing waits for that day. */
async function expectFirstBetterDay(file: string, date: string, rule: string, at: string) {
  const before = await filingOn(file, addDays(date, -1));
  const on = await filingOn(file, date);
  expect(worstAt(before, rule, at)).toBeGreaterThan(worstAt(on, rule, at));
  expect(before.submitFrom).toMatchObject({ date, rule, path: at });
  expect(on.submitFrom).toBeUndefined();
}

describe('readyUntil', () => {
  it('an instance: the first day fewer than the minimum months of regulations/instances.yaml are left', async () => {
    const min = loadInstanceEligibility().products['simple-application-server']!.minRemainingMonths!;
    const expires = '2029-06-15';
    const file = example('beijing-individual', (d) => d.setIn(['instances', 0, 'expires'], expires));
    const f = await filingOn(file, TODAY);
    expect(f.verdict).toBe('ready');
    const date = addDays(addMonths(expires, -min), 1);
    expect(f.readyUntil).toMatchObject({ date, rule: 'instance/remaining-term', path: 'instances[0].expires', status: 'fail' });
    expect(f.readyUntil!.reason).toContain('swas-bj-example01');
    await expectFirstWorseDay(file, date, 'instance/remaining-term', 'instances[0].expires');
    // From that day on the filing is blocked, and the next lapse is the instance's expiry itself.
    const on = await filingOn(file, date);
    expect(on.verdict).toBe('blocked');
  });

  it("an ID card: the first day within the province's warning months of its expiry", async () => {
    const months = settingsFor('beijing').identityExpiryWarnMonths;
    const expires = '2028-05-20';
    const file = example('beijing-individual', (d) => d.setIn(['entity', 'principal', 'id', 'expires'], expires));
    const f = await filingOn(file, TODAY);
    expect(f.readyUntil?.path).toBe('entity.principal.id.expires');
    expect(f.readyUntil?.status).toBe('warn');
    // Within a day of "expiry minus the warning months", whichever way the rule counts the boundary.
    const nominal = addMonths(expires, -months);
    expect([addDays(nominal, -1), nominal, addDays(nominal, 1)]).toContain(f.readyUntil!.date);
    await expectFirstWorseDay(file, f.readyUntil!.date, f.readyUntil!.rule, 'entity.principal.id.expires');
  });

  it("a domain: the first day its expiry is within the province's threshold (Guangdong)", async () => {
    const days = settingsFor('guangdong').domainExpiryWarnDays;
    const file = example('guangdong-enterprise', () => {});
    const f = await filingOn(file, TODAY);
    const date = addDays('2030-10-19', -days);
    expect(f.readyUntil).toMatchObject({ date, rule: 'whois/expiry', path: 'domains["yunfan-example.cn"].expires', status: 'warn' });
    await expectFirstWorseDay(file, date, 'whois/expiry', 'domains["yunfan-example.cn"].expires');
  });

  it('a certificate that is already in its warning months: the day after it expires (warning to failure)', async () => {
    const file = example('tianjin-enterprise-problems', () => {});
    const f = await filingOn(file, TODAY);
    expect(f.readyUntil).toMatchObject({ date: '2027-01-01', rule: 'entity/certificate-expiry', path: 'entity.certificate.expires', status: 'fail' });
    await expectFirstWorseDay(file, '2027-01-01', 'entity/certificate-expiry', 'entity.certificate.expires');
  });

  it('a reused power of attorney: the first day after its reuse window', async () => {
    const window = reusableKind('power-of-attorney')!.days!;
    const completed = '2026-11-01';
    const file = example('guangdong-enterprise', (d) => {
      d.addIn(['documents'], d.createNode({ kind: 'power-of-attorney', reuse: { orderCompleted: completed, orderKind: 'new' } }));
    });
    const f = await filingOn(file, TODAY);
    const date = addDays(completed, window + 1);
    expect(f.readyUntil).toMatchObject({ date, rule: 'document/reuse-window', path: 'documents[1].reuse', status: 'fail' });
    await expectFirstWorseDay(file, date, 'document/reuse-window', 'documents[1].reuse');
  });

  it('a reused entity certificate: the first day its order is more than the reuse years old', async () => {
    const completed = '2024-01-10';
    const file = example('guangdong-enterprise', (d) => {
      d.addIn(['documents'], d.createNode({ kind: 'entity-certificate', reuse: { orderCompleted: completed, orderKind: 'new' } }));
    });
    const f = await filingOn(file, TODAY);
    const nominal = addMonths(completed, 12 * reuseData().windowYears);
    expect(f.readyUntil).toMatchObject({ rule: 'document/reuse-window', path: 'documents[1].reuse', status: 'fail' });
    expect([nominal, addDays(nominal, 1)]).toContain(f.readyUntil!.date);
    await expectFirstWorseDay(file, f.readyUntil!.date, 'document/reuse-window', 'documents[1].reuse');
  });

  it('is absent when nothing lapses within the horizon', async () => {
    const file = example('beijing-individual', (d) => {
      d.setIn(['instances', 0, 'expires'], '2040-01-01');
      d.setIn(['entity', 'principal', 'id', 'expires'], 'long-term');
      d.setIn(['domains', 'wangxiaowu-blog.cn', 'expires'], '2040-01-01');
    });
    const f = await filingOn(file, TODAY);
    expect(f.verdict).toBe('ready');
    expect(f.readyUntil).toBeUndefined();
    expect(f.submitFrom).toBeUndefined();
  });
});

describe('submitFrom', () => {
  it('waits the real-name sync days after the newest verification', async () => {
    const on = addDays(TODAY, -1);
    const file = example('beijing-individual', (d) => d.setIn(['domains', 'wangxiaowu-blog.cn', 'realNameVerifiedOn'], on));
    const f = await filingOn(file, TODAY);
    const date = addDays(on, realNameSyncDays());
    expect(f.submitFrom).toMatchObject({ date, rule: 'domain/real-name-sync', path: 'domains["wangxiaowu-blog.cn"].realNameVerifiedOn' });
    await expectFirstBetterDay(file, date, 'domain/real-name-sync', 'domains["wangxiaowu-blog.cn"].realNameVerifiedOn');
  });

  it('two changes of one finding between probes: a reuse order dated ahead opens, then its window closes', async () => {
    const window = reusableKind('power-of-attorney')!.days!;
    const completed = addDays(TODAY, 10);
    const file = example('guangdong-enterprise', (d) => {
      d.addIn(['documents'], d.createNode({ kind: 'power-of-attorney', reuse: { orderCompleted: completed, orderKind: 'new' } }));
    });
    const f = await filingOn(file, TODAY);
    expect(f.submitFrom).toMatchObject({ date: completed, rule: 'document/reuse-window', path: 'documents[1].reuse' });
    await expectFirstBetterDay(file, completed, 'document/reuse-window', 'documents[1].reuse');
    const closes = addDays(completed, window + 1);
    expect(f.readyUntil).toMatchObject({ date: closes, rule: 'document/reuse-window', path: 'documents[1].reuse', status: 'fail' });
    await expectFirstWorseDay(file, closes, 'document/reuse-window', 'documents[1].reuse');
  });

  it('is absent once the sync days have passed', async () => {
    const file = example('beijing-individual', (d) => d.setIn(['domains', 'wangxiaowu-blog.cn', 'realNameVerifiedOn'], addDays(TODAY, -realNameSyncDays())));
    expect((await filingOn(file, TODAY)).submitFrom).toBeUndefined();
  });

  it('waits for the 18th birthday where a province forbids minors (Tianjin)', async () => {
    const birth = '20090310';
    const file = example('tianjin-enterprise-problems', (d) => d.setIn(['entity', 'principal', 'id', 'number'], idNumber(`120102${birth}123`)));
    const f = await filingOn(file, TODAY);
    const date = '2027-03-10';
    expect(f.submitFrom).toMatchObject({ date, rule: 'province/tianjin/minimum-age', path: 'entity.principal' });
    await expectFirstBetterDay(file, date, 'province/tianjin/minimum-age', 'entity.principal');
  });
});

describe('probes', () => {
  it('start the next day, reach the horizon, and never step back', () => {
    const p = probeOffsets(3653);
    expect(p[0]).toBe(1);
    expect(p[p.length - 1]).toBe(3653);
    for (let i = 1; i < p.length; i++) expect(p[i]!).toBeGreaterThan(p[i - 1]!);
  });
});

/** A mainland ID number with its GB 11643 check character. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
