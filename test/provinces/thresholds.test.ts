// Every numeric threshold of the province data, on both sides: Guangdong's prefixes under the
// subject (5/6, 9/10, 31/32), Henan's and Guizhou's domains in one filing (3/4), Shaanxi's
// domains under the subject (4/5), and the 18th birthday (the day before and the day itself).
import { describe, expect, test } from 'vitest';
import { idCheckDigit, usccCheckCharacter } from '../../src/facts/identity.js';
import type { RawFinding } from '../../src/model.js';
import { CHECK_DATE, evaluateManifest } from './helpers.js';
import { words } from '../regulations/words.js';

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

  test.each([
    [31, false],
    [32, true],
  ])('enterprise with %i prefixes: plans and letter = %s', (n, fires) => {
    // Two new domains, the rest already filed: the count is of the subject, not of this filing.
    const findings = evaluateManifest(manifest({ province: 'guangdong', type: 'enterprise', domains: domainsNamed(2), previous: domainsNamed(n - 2, 2) }));
    expect(demanded(findings, plan)).toEqual(fires ? ['website-construction-plan@site0.cn', 'website-construction-plan@site1.cn'] : []);
    expect(demanded(findings, letter)).toEqual(fires ? ['letter-of-guarantee@entity'] : []);
    if (fires) expect(of(findings, plan).map((f) => [f.status, f.args?.count])).toEqual([['info', n]]);
    else expect([...of(findings, plan), ...of(findings, letter)]).toEqual([]);
  });

  test.each([
    [5, false, false],
    [6, true, false],
    [9, true, false],
    [10, true, true],
  ])('individual with %i prefixes: plans = %s, letter = %s', (n, plans, letterToo) => {
    const findings = evaluateManifest(manifest({ province: 'guangdong', type: 'individual', domains: domainsNamed(1), previous: domainsNamed(n - 1, 1) }));
    expect(demanded(findings, plan)).toEqual(plans ? ['website-construction-plan@site0.cn'] : []);
    expect(demanded(findings, letter)).toEqual(letterToo ? ['letter-of-guarantee@entity'] : []);
    if (plans) expect(words(of(findings, plan)[0]!).message).toContain(`${n} different domain prefixes`);
  });

  test('example.com and example.cn share a prefix: six domains are five prefixes, a sixth prefix needs plans', () => {
    const previous = ['site0.cn', 'site1.cn', 'site2.cn', 'site3.cn', 'site4.cn'];
    const five = evaluateManifest(manifest({ province: 'guangdong', type: 'individual', domains: ['site0.com'], previous }));
    expect(of(five, plan)).toEqual([]);
    const six = evaluateManifest(manifest({ province: 'guangdong', type: 'individual', domains: ['site0.com', 'site5.com'], previous }));
    expect(of(six, plan)[0]!.args?.count).toBe(6);
  });
});

describe.each(['henan', 'guizhou'])('%s: four or more domains in one filing', (province) => {
  const rule = `province/${province}/domain-certificates`;

  test('3 domains: no certificates, even with more filed before', () => {
    const findings = evaluateManifest(manifest({ province, type: 'enterprise', domains: domainsNamed(3), previous: domainsNamed(5, 10) }));
    expect(of(findings, rule)).toEqual([]);
  });

  test('4 domains: a certificate for each', () => {
    const findings = evaluateManifest(manifest({ province, type: 'enterprise', domains: domainsNamed(4) }));
    expect(of(findings, rule).map((f) => f.status)).toEqual(['info']);
    expect(demanded(findings, rule)).toEqual(domainsNamed(4).map((d) => `domain-certificate@${d}`));
  });
});

describe('Shaanxi: five or more domains under the subject (before §5.7.4)', () => {
  const rule = 'province/shaanxi/domain-certificates';

  test('4 under the subject (a domain filed before and again counts once): none', () => {
    const findings = evaluateManifest(manifest({ province: 'shaanxi', type: 'enterprise', domains: domainsNamed(2), previous: ['site1.cn', 'site2.cn', 'site3.cn'] }));
    expect(of(findings, rule)).toEqual([]);
  });

  test('5 under the subject: certificates for the domains of this filing', () => {
    const findings = evaluateManifest(manifest({ province: 'shaanxi', type: 'enterprise', domains: domainsNamed(2), previous: domainsNamed(3, 2) }));
    expect(of(findings, rule)[0]!.args?.count).toBe(5);
    expect(demanded(findings, rule)).toEqual(['domain-certificate@site0.cn', 'domain-certificate@site1.cn']);
  });
});

describe('the 18th birthday', () => {
  // CHECK_DATE is 2026-11-26: born 2008-11-27 is 17 that day, born 2008-11-26 turns 18 that day.
  const dayBefore = '2008-11-27';
  const birthday = '2008-11-26';
  test('the check date is the one the births are chosen for', () => expect(CHECK_DATE).toBe('2026-11-26'));

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
