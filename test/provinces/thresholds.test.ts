// Every numeric threshold of the province data, on both sides: Guangdong's prefixes under the
// subject, Henan's and Guizhou's domains in one filing, Shaanxi's domains under the subject, and
// the minimum age (the day before the birthday and the birthday itself). Each figure is read from
// the rule's `figures`, so a changed figure in the data is tried at its new value.
import { describe, expect, test } from 'vitest';
import { idCheckDigit, usccCheckCharacter } from '../../src/facts/identity.js';
import type { RawFinding } from '../../src/model.js';
import { CHECK_DATE, evaluateManifest } from './helpers.js';
import { bundledRegulations } from '../../src/regulations/index.js';

/** A figure of a rule (regulations/…: `figures`). */
function figure(rule: string, name: string): number {
  const value = bundledRegulations().byId.get(rule)?.figures?.[name];
  if (typeof value !== 'number') throw new Error(`${rule} has no figure ${name}`);
  return value;
}

const DIVISION: Record<string, string> = { guangdong: '440103', henan: '410102', guizhou: '520102', shaanxi: '610102', shandong: '370102' };

function idNumber(province: string, birth: string, seq = '123'): string {
  const first17 = `${DIVISION[province]}${birth.replace(/-/g, '')}${seq}`;
  return first17 + idCheckDigit(first17);
}

function uscc(province: string): string {
  const first17 = `91${DIVISION[province]}MA0000001`;
  return first17 + usccCheckCharacter(first17);
}

const domainsNamed = (n: number, from = 0, suffix = 'cn') => Array.from({ length: n }, (_, i) => `site${from + i}.${suffix}`);

interface Shape {
  province: string;
  type: 'individual' | 'enterprise';
  /** Domains of this filing, one website each. */
  domains: string[];
  previous?: string[];
  birth?: string;
}

function manifest({ province, type, domains, previous, birth = '1990-03-15' }: Shape) {
  const principal = { name: '张三', id: { type: 'id-card', number: idNumber(province, birth) }, mobile: '13800138000' };
  return {
    version: 1,
    province,
    filing: previous ? 'new-website' : 'new',
    ...(previous ? { previousFiling: { entityType: type, domains: previous } } : {}),
    entity:
      type === 'individual'
        ? { type, name: principal.name, certificate: { type: 'id-card', number: principal.id.number }, principal }
        : { type, name: '示例科技有限公司', certificate: { type: 'business-license', number: uscc(province) }, legalRepresentative: principal, principal },
    websites: domains.map((d, i) => ({ name: `示例网站${i}`, domains: [d], admin: 'principal' })),
  };
}

const of = (findings: RawFinding[], rule: string) => findings.filter((f) => f.rule === rule);
const demanded = (findings: RawFinding[], rule: string) =>
  of(findings, rule)
    .flatMap((f) => (f.documents ?? []).map((d) => `${d.kind}@${d.for}`))
    .sort();

describe('Guangdong: prefixes under the subject (before §5.5.1, §5.9.3)', () => {
  const plan = 'province/guangdong/website-construction-plan';
  const letter = 'province/guangdong/letter-of-guarantee';

  const organisation = figure(plan, 'organisationPrefixes');
  const individual = figure(plan, 'individualPrefixes');
  const guarantee = figure(letter, 'individualPrefixes');
  test('the letter of guarantee starts where the plans do for an organisation', () => expect(figure(letter, 'organisationPrefixes')).toBe(organisation));

  test.each([
    [organisation - 1, false],
    [organisation, true],
  ])('enterprise with %i prefixes: plans and letter = %s', (n, fires) => {
    // Two new domains, the rest already filed: the count is of the subject, not of this filing.
    const findings = evaluateManifest(manifest({ province: 'guangdong', type: 'enterprise', domains: domainsNamed(2), previous: domainsNamed(n - 2, 2) }));
    expect(demanded(findings, plan)).toEqual(fires ? ['website-construction-plan@site0.cn', 'website-construction-plan@site1.cn'] : []);
    expect(demanded(findings, letter)).toEqual(fires ? ['letter-of-guarantee@entity'] : []);
    if (fires) expect(of(findings, plan).map((f) => [f.status, f.args?.count])).toEqual([['info', n]]);
    else expect([...of(findings, plan), ...of(findings, letter)]).toEqual([]);
  });

  test.each([
    [individual - 1, false, false],
    [individual, true, false],
    [guarantee - 1, true, false],
    [guarantee, true, true],
  ])('individual with %i prefixes: plans = %s, letter = %s', (n, plans, letterToo) => {
    const findings = evaluateManifest(manifest({ province: 'guangdong', type: 'individual', domains: domainsNamed(1), previous: domainsNamed(n - 1, 1) }));
    expect(demanded(findings, plan)).toEqual(plans ? ['website-construction-plan@site0.cn'] : []);
    expect(demanded(findings, letter)).toEqual(letterToo ? ['letter-of-guarantee@entity'] : []);
    if (plans) expect(of(findings, plan)[0]!.text?.message.en).toContain(`${n} different domain prefixes`);
  });

  test('example.com and example.cn share a prefix: one more domain is not one more prefix', () => {
    const previous = domainsNamed(individual - 1);
    const below = evaluateManifest(manifest({ province: 'guangdong', type: 'individual', domains: ['site0.com'], previous }));
    expect(of(below, plan)).toEqual([]);
    const at = evaluateManifest(manifest({ province: 'guangdong', type: 'individual', domains: ['site0.com', `site${individual - 1}.com`], previous }));
    expect(of(at, plan)[0]!.args?.count).toBe(individual);
  });
});

describe.each(['henan', 'guizhou'])('%s: domains in one filing', (province) => {
  const rule = `province/${province}/domain-certificates`;
  const min = figure(rule, 'minDomains');

  test('one domain short: no certificates, even with more filed before', () => {
    const findings = evaluateManifest(manifest({ province, type: 'enterprise', domains: domainsNamed(min - 1), previous: domainsNamed(min + 1, 10) }));
    expect(of(findings, rule)).toEqual([]);
  });

  test('at the threshold: a certificate for each', () => {
    const findings = evaluateManifest(manifest({ province, type: 'enterprise', domains: domainsNamed(min) }));
    expect(of(findings, rule).map((f) => f.status)).toEqual(['info']);
    expect(demanded(findings, rule)).toEqual(domainsNamed(min).map((d) => `domain-certificate@${d}`));
  });
});

describe('Shaanxi: domains under the subject (before §5.7.4)', () => {
  const rule = 'province/shaanxi/domain-certificates';
  const min = figure(rule, 'minDomains');

  test('one short under the subject (a domain filed before and again counts once): none', () => {
    const findings = evaluateManifest(manifest({ province: 'shaanxi', type: 'enterprise', domains: domainsNamed(2), previous: domainsNamed(min - 2, 1) }));
    expect(of(findings, rule)).toEqual([]);
  });

  test('at the threshold: certificates for the domains of this filing', () => {
    const findings = evaluateManifest(manifest({ province: 'shaanxi', type: 'enterprise', domains: domainsNamed(2), previous: domainsNamed(min - 2, 2) }));
    expect(of(findings, rule)[0]!.args?.count).toBe(min);
    expect(demanded(findings, rule)).toEqual(['domain-certificate@site0.cn', 'domain-certificate@site1.cn']);
  });
});

describe('the minimum age: the day before the birthday and the birthday itself', () => {
  const minAge = figure('province/shandong/minimum-age', 'minAge');
  // CHECK_DATE is 2026-11-26: born on 11-27 minAge years earlier is one day short; on 11-26, of age.
  const dayBefore = `${2026 - minAge}-11-27`;
  const birthday = `${2026 - minAge}-11-26`;
  test('the check date is the one the births are chosen for', () => expect(CHECK_DATE).toBe('2026-11-26'));
  test('the provinces tried share the figure', () => {
    expect(figure('province/guangdong/minor-proof-of-employment', 'minAge')).toBe(minAge);
    expect(figure('province/henan/minor-guardian-id', 'minAge')).toBe(minAge);
  });

  test.each([
    ['shandong', 'minimum-age', dayBefore, 'fail'],
    ['shandong', 'minimum-age', birthday, 'pass'],
    ['guangdong', 'minor-proof-of-employment', dayBefore, 'info'],
    ['guangdong', 'minor-proof-of-employment', birthday, 'pass'],
    ['henan', 'minor-guardian-id', dayBefore, 'info'],
    ['henan', 'minor-guardian-id', birthday, 'pass'],
  ])('%s %s, born %s: %s', (province, name, birth, status) => {
    const findings = evaluateManifest(manifest({ province, type: 'individual', domains: ['site0.cn'], birth }));
    const found = of(findings, `province/${province}/${name}`);
    expect(found.map((f) => f.status)).toEqual([status]);
    expect((found[0]!.documents ?? []).length > 0).toBe(status === 'info');
  });
});
