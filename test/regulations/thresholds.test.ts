// Boundary tests of the comparators at the seeds' thresholds, with synthetic rules in a fixture folder.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRegulationsFrom } from '../../src/regulations/loader.js';
import { evaluateWith } from '../../src/regulations/evaluate.js';
import { ctx, domains, enterprise, filing, idNumber } from './helpers.js';
import { words } from './words.js';

const regs = loadRegulationsFrom(fileURLToPath(new URL('./fixtures/thresholds/', import.meta.url)));

function individual(province: string, doms: string[], previous: string[] = []): Record<string, unknown> {
  return {
    province,
    ...(previous.length ? { previousFiling: { domains: previous } } : {}),
    entity: { type: 'individual', name: '李四', principal: { name: '李四', id: { type: 'id-card', number: idNumber('44', '1990-05-05') } } },
    websites: [{ name: '李四的博客', domains: doms }],
  };
}

const fired = (input: Record<string, unknown>, date?: string) =>
  evaluateWith(regs, ctx(filing(input), date)).filter((f) => f.status !== 'pass' && f.status !== 'unknown');

describe('Guangdong prefixes under the subject', () => {
  it.each([
    [5, []],
    [6, ['province/guangdong/individual-plans']],
    [9, ['province/guangdong/individual-plans']],
    [10, ['province/guangdong/individual-plans', 'province/guangdong/individual-guarantee']],
  ])('individual with %i prefixes', (n, expected) => {
    expect(fired(individual('guangdong', domains(n))).map((f) => f.rule)).toEqual(expected);
  });

  it.each([
    [31, false],
    [32, true],
  ])('enterprise with %i prefixes fires: %s', (n, expected) => {
    const found = fired(enterprise('guangdong', { websites: [{ name: '官网', domains: domains(n) }] }));
    expect(found.some((f) => f.rule === 'province/guangdong/enterprise-plans')).toBe(expected);
  });

  it('counts prefixes, not domains: example.com and example.cn share one', () => {
    const doms = domains(5).flatMap((d) => [d, d.replace('.com', '.cn')]);
    expect(fired(individual('guangdong', doms))).toEqual([]);
  });

  it('counts the domains already filed under the subject', () => {
    const found = fired(individual('guangdong', domains(3), ['old1.com', 'old2.net', 'old3.cn']));
    expect(found.map((f) => f.rule)).toEqual(['province/guangdong/individual-plans']);
    expect(words(found[0]!, 'en', regs).message).toBe('6 prefixes');
    // plans are demanded for each domain of this filing
    expect(found[0]!.documents!.map((d) => d.for)).toEqual(['site0.com', 'site1.com', 'site2.com']);
  });
});

describe('domains in one filing (Henan)', () => {
  it.each([
    [3, false],
    [4, true],
  ])('%i domains fires: %s', (n, expected) => {
    const found = fired(enterprise('henan', { websites: [{ name: '官网', domains: domains(n) }] }));
    expect(found.some((f) => f.rule === 'province/henan/domain-certificates')).toBe(expected);
    if (expected) expect(found[0]!.documents).toHaveLength(n);
  });

  it('counts registrable domains: www.site0.com is site0.com', () => {
    const doms = [...domains(3), 'www.site0.com'];
    expect(fired(enterprise('henan', { websites: [{ name: '官网', domains: doms }] }))).toEqual([]);
  });
});

describe('domains under the subject (Shaanxi)', () => {
  it.each([
    [4, false],
    [5, true],
  ])('%i domains fires: %s', (n, expected) => {
    const found = fired(enterprise('shaanxi', { websites: [{ name: '官网', domains: domains(n - 2) }], previousFiling: { domains: ['old1.com', 'old2.com'] } }));
    expect(found.some((f) => f.rule === 'province/shaanxi/domain-certificates')).toBe(expected);
  });
});

describe('the 18th birthday (Jilin)', () => {
  const born = '2008-11-26';
  const person = (date: string) =>
    evaluateWith(
      regs,
      ctx(
        filing({
          province: 'jilin',
          entity: { type: 'individual', name: '王五', principal: { name: '王五', id: { type: 'id-card', number: idNumber('22', born) } } },
        }),
        date,
      ),
    );
  it('fails the day before', () => {
    const [f] = person('2026-11-25');
    expect(f!.status).toBe('fail');
    expect(words(f!, 'en', regs).message).toBe('王五 is 17');
  });
  it('passes on the birthday', () => {
    expect(person('2026-11-26')[0]!.status).toBe('pass');
  });
  it('is unknown for a passport', () => {
    const found = evaluateWith(
      regs,
      ctx(filing({ province: 'jilin', entity: { type: 'individual', name: 'Ann', principal: { name: 'Ann', id: { type: 'passport', number: 'E1234567' } } } })),
    );
    expect(found[0]!.status).toBe('unknown');
    expect(words(found[0]!, 'en', regs).message).toContain('Could not be checked from the manifest');
  });
});
