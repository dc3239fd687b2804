// The province settings at work: each threshold is read from the province's data and tried on
// both sides, and each refusal is tried in a province that refuses and one that does not.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/facts/dates.js';
import type { DomainLookup, WhoisRecord } from '../../src/facts/types.js';
import { PROVINCES } from '../../src/manifest/provinces.js';
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import { regulationFigure, settingsFor } from '../../src/regulations/index.js';
import { domainRules } from '../../src/rules/domain.js';
import type { CheckContext } from '../../src/rules/types.js';
import { CHECK_DATE, evaluateManifest } from './helpers.js';

function record(over: Partial<WhoisRecord> = {}): WhoisRecord {
  return {
    domain: 'example.com',
    registrar: '阿里云计算有限公司（万网）',
    registrantName: '示例科技有限公司',
    created: '2015-01-01T00:00:00.000Z',
    expires: '2030-01-01T00:00:00.000Z',
    statuses: [],
    redacted: false,
    source: 'whois',
    server: 'whois.test',
    ...over,
  };
}

function context(province: string, over: Partial<WhoisRecord> = {}): CheckContext {
  const r = toFiling(
    manifestSchema.parse({
      version: 1,
      province,
      entity: { type: 'enterprise', name: '示例科技有限公司', legalRepresentative: { name: '张三' }, principal: { name: '张三' } },
      websites: [{ name: '示例科技官网', domains: ['example.com'] }],
    }),
    'manifest.yaml',
    '.',
  );
  if (!r.ok) throw new Error('not a filing');
  const lookup: DomainLookup = { domain: 'example.com', status: 'found', record: record(over), server: 'whois.test' };
  return {
    filing: r.filing,
    facts: { images: new Map(), domains: new Map([[lookup.domain, lookup]]), findings: [] },
    options: { date: CHECK_DATE, offline: false, approvedSuffixes: [] },
  };
}

const run = (id: string, c: CheckContext) =>
  domainRules
    .find((r) => r.id === id)!
    .check(c)
    .map((f) => f.status);
/** Expiry at the end of a day in China Standard Time, `days` after the check date. */
const expiresIn = (days: number) => `${addDays(CHECK_DATE, days)}T12:00:00.000Z`;

const slugs = PROVINCES.map((p) => p.slug);
const withOwnExpiry = slugs.filter((s) => settingsFor(s).domainExpirySource !== undefined);
const refusing = (key: 'refusesForeignRegistrars' | 'refusesPrivacyProtection') => slugs.filter((s) => settingsFor(s)[key]);
const accepting = (key: 'refusesForeignRegistrars' | 'refusesPrivacyProtection') => slugs.filter((s) => !settingsFor(s)[key]);

describe("domain expiry: the province's warning threshold, on both sides", () => {
  it('some provinces set their own threshold', () => {
    expect(withOwnExpiry.length).toBeGreaterThan(0);
  });
  for (const province of [...withOwnExpiry, 'guangdong']) {
    it(`${province}: warns on the threshold day, passes the day after, fails once expired`, () => {
      const days = settingsFor(province).domainExpiryWarnDays;
      expect(run('whois/expiry', context(province, { expires: expiresIn(days) }))).toEqual(['warn']);
      expect(run('whois/expiry', context(province, { expires: expiresIn(days + 1) }))).toEqual(['pass']);
      expect(run('whois/expiry', context(province, { expires: expiresIn(-1) }))).toEqual(['fail']);
    });
  }
});

describe('foreign registrars and privacy protection, where refused and where not', () => {
  it('a registrar outside China fails the province rule only where the province refuses it', () => {
    const foreign = { registrar: 'NameCheap, Inc.' };
    for (const p of refusing('refusesForeignRegistrars').slice(0, 2)) expect(run('whois/foreign-registrar', context(p, foreign))).toEqual(['fail']);
    for (const p of accepting('refusesForeignRegistrars').slice(0, 2)) expect(run('whois/foreign-registrar', context(p, foreign))).toEqual([]);
  });
  it('privacy protection fails where refused and is to be confirmed elsewhere', () => {
    const hidden = { redacted: true, registrantName: '' };
    for (const p of refusing('refusesPrivacyProtection').slice(0, 2)) expect(run('whois/privacy', context(p, hidden))).toEqual(['fail']);
    for (const p of accepting('refusesPrivacyProtection').slice(0, 2)) expect(run('whois/privacy', context(p, hidden))).toEqual(['unknown']);
  });
});

describe('mobile verification by text message after submission (guide step 8)', () => {
  const verified = (province: string) =>
    evaluateManifest({
      version: 1,
      province,
      entity: { type: 'enterprise', name: '示例科技有限公司', legalRepresentative: { name: '张三' }, principal: { name: '张三' } },
      websites: [{ name: '示例科技官网', domains: ['example.com'] }],
    }).filter((f) => f.rule === 'process/mobile-verification');
  it('reminds filers in Tianjin and Qinghai, not in Guangdong or Beijing', () => {
    for (const p of ['tianjin', 'qinghai']) expect(verified(p).map((f) => f.status)).toEqual(['info']);
    for (const p of ['guangdong', 'beijing']) expect(verified(p)).toEqual([]);
  });
});

describe('real-name verification: the days it takes to reach MIIT (process/real-name-sync), on both sides', () => {
  const days = regulationFigure('process/real-name-sync', 'days');
  const verifiedOn = (daysBefore: number) => {
    const r = toFiling(
      manifestSchema.parse({
        version: 1,
        province: 'guangdong',
        entity: { type: 'enterprise', name: '示例科技有限公司', legalRepresentative: { name: '张三' }, principal: { name: '张三' } },
        websites: [{ name: '示例科技官网', domains: ['example.com'] }],
        domains: { 'example.com': { realNameVerifiedOn: addDays(CHECK_DATE, -daysBefore) } },
      }),
      'manifest.yaml',
      '.',
    );
    if (!r.ok) throw new Error('not a filing');
    return run('domain/real-name-sync', {
      filing: r.filing,
      facts: { images: new Map(), domains: new Map(), findings: [] },
      options: { date: CHECK_DATE, offline: true, approvedSuffixes: [] },
    });
  };
  it('warns a day short of the figure and passes on it', () => {
    expect(verifiedOn(days - 1)).toEqual(['warn']);
    expect(verifiedOn(days)).toEqual(['pass']);
  });
});
