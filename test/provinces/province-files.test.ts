// The 31 province files on their own, without the engine: each parses with the zod schema, its ids
// are unique and carry its slug, every rule has both languages, a source and a quote, placeholders
// are ones the engine fills for that scope, documents are contract kinds, and the settings are the
// ones the seeds and EXTRA-RULES.md give.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { PROVINCES } from '../../src/manifest/provinces.js';
import { provinceFile, type ProvinceFile } from '../../src/regulations/schema.js';

const dir = fileURLToPath(new URL('../../regulations/provinces/', import.meta.url));
const slugs = PROVINCES.map((p) => p.slug);
const files = new Map<string, ProvinceFile>(slugs.map((slug) => [slug, provinceFile.parse(parse(readFileSync(`${dir}${slug}.yaml`, 'utf8')))]));

// CONTRACT.md "Document kinds".
const KINDS = new Set([
  'entity-certificate',
  'id-front',
  'id-back',
  'authenticity-statement',
  'power-of-attorney',
  'domain-certificate',
  'domain-holder-certificate',
  'residence-permit',
  'proof-of-study-work-or-residence',
  'website-construction-plan',
  'letter-of-guarantee',
  'finance-commitment-letter',
  'guangdong-authenticity-commitment',
  'scopsr-certificate',
  'change-certificate',
  'business-statement',
  'phone-bills',
  'proof-of-employment',
  'proof-of-employment-or-income',
  'guardian-id',
  'holding-id-photo',
]);
const COMPARE_KEYS = ['domainCount', 'prefixCount', 'domainsUnderSubject', 'prefixesUnderSubject', 'websiteCount', 'age'];
const CJK = /[\u4e00-\u9fff]/;

test('one file per province slug and nothing else', () => {
  expect(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort(),
  ).toEqual(slugs.map((s) => `${s}.yaml`).sort());
});

test('ids are unique across all provinces', () => {
  const ids = [...files.values()].flatMap((f) => f.rules.map((r) => r.id));
  expect(new Set(ids).size).toBe(ids.length);
});

describe.each(slugs)('%s', (slug) => {
  const file = files.get(slug)!;

  test('names its province and its seed section', () => {
    expect(file.province).toBe(slug);
    expect(file.section).toMatch(/^before §5\.[2-8]\.\d+(, §5\.9\.\d)*$/);
    expect(file.rules.length).toBeGreaterThan(0);
  });

  test.each(file.rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    expect(id).toMatch(new RegExp(`^province/${slug}/[a-z0-9]+(-[a-z0-9]+)*$`));
    expect(rule.source).toMatch(/^before §5\.\d\.\d(; before §5\.\d\.\d)*$/);
    expect(rule.quote.length).toBeGreaterThan(20);
    for (const t of [rule.title, rule.message, rule.explain, ...(rule.fix ? [rule.fix] : []), ...(rule.unknown ? [rule.unknown] : [])]) {
      expect(t.en).not.toMatch(/^\s|\s$/);
      expect(t.zh).toMatch(CJK);
    }
    const serialised = JSON.stringify([rule.when, rule.require]);
    const words = [rule.message, rule.fix, rule.unknown].flatMap((t) => (t ? [t.en, t.zh] : [])).join('\n');
    for (const [, name] of words.matchAll(/\{([A-Za-z]+)\}/g)) {
      expect(['person', 'website', 'count', 'name', 'province', 'domain'], `{${name}} in ${id}`).toContain(name);
      if (name === 'website') expect(rule.for, `{website} needs a website scope in ${id}`).toBe('website');
      if (name === 'person') expect(['person', 'website'], `{person} in ${id}`).toContain(rule.for);
      if (name === 'count')
        expect(
          COMPARE_KEYS.some((k) => serialised.includes(`"${k}"`)),
          `{count} in ${id}`,
        ).toBe(true);
    }
    for (const d of rule.documents) expect(KINDS, `${d.kind} in ${id}`).toContain(d.kind);
    const pattern = JSON.stringify(rule).match(/"nameMatches":"((?:[^"\\]|\\.)*)"/);
    if (pattern) expect(() => new RegExp(JSON.parse(`"${pattern[1]}"`), 'u')).not.toThrow();
  });
});

describe('settings (before §5, guide step 8, EXTRA-RULES.md)', () => {
  const where = (pick: (f: ProvinceFile) => boolean) => slugs.filter((s) => pick(files.get(s)!)).sort();

  test('domain holder: Tianjin, Shanghai, Shaanxi, Chongqing, Sichuan accept the legal representative; Jiangsu also the principal and admin', () => {
    const holders = Object.fromEntries(slugs.map((s) => [s, [...files.get(s)!.settings.domainHolderMayBe].sort().join(',')]));
    for (const s of ['tianjin', 'shanghai', 'shaanxi', 'chongqing', 'sichuan']) expect(holders[s]).toBe('entity,legalRepresentative');
    expect(holders.jiangsu).toBe('admin,entity,legalRepresentative,principal');
    expect(where((f) => f.settings.domainHolderMayBe.join() !== 'entity')).toEqual(['chongqing', 'jiangsu', 'shaanxi', 'shanghai', 'sichuan', 'tianjin']);
  });

  test('domain expiry: Hubei 90, Shandong 45, Shanghai 180, each with its source; 90 elsewhere', () => {
    const days = (s: string) => files.get(s)!.settings;
    expect([days('hubei').domainExpiryWarnDays, days('hubei').domainExpirySource]).toEqual([90, 'Alibaba Cloud FAQ 50260']);
    expect([days('shandong').domainExpiryWarnDays, days('shandong').domainExpirySource]).toEqual([45, 'Alibaba Cloud FAQ 50253']);
    expect(days('shanghai').domainExpiryWarnDays).toBe(180);
    expect(days('shanghai').domainExpirySource).toMatch(/QingCloud/);
    expect(where((f) => f.settings.domainExpiryWarnDays !== 90)).toEqual(['shandong', 'shanghai']);
    expect(where((f) => f.settings.domainExpirySource !== undefined)).toEqual(['hubei', 'shandong', 'shanghai']);
  });

  test('foreign registrars refused in Beijing, Inner Mongolia, Jilin, Hunan', () => {
    expect(where((f) => f.settings.refusesForeignRegistrars)).toEqual(['beijing', 'hunan', 'inner-mongolia', 'jilin']);
  });

  test('privacy protection refused in Tianjin, Shanghai, Sichuan', () => {
    expect(where((f) => f.settings.refusesPrivacyProtection)).toEqual(['shanghai', 'sichuan', 'tianjin']);
  });

  test('mobile verification in Tianjin, Gansu, Tibet, Ningxia, Hainan, Xinjiang, Qinghai', () => {
    expect(where((f) => f.settings.mobileVerification)).toEqual(['gansu', 'hainan', 'ningxia', 'qinghai', 'tianjin', 'tibet', 'xinjiang']);
  });

  test('identity expiry: three months (Hubei states it)', () => {
    expect(where((f) => f.settings.identityExpiryWarnMonths !== 3)).toEqual([]);
  });
});
