// Material reuse windows and limits (`reuse`), evaluated by the code rules over real filings.
import { describe, expect, it } from 'vitest';
import { regulationCodeRules } from '../../src/regulations/index.js';
import { reuseProblems, yearsBefore } from '../../src/regulations/reuse.js';
import { daysBetween } from '../../src/facts/dates.js';
import { ctx, DATE, enterprise, filing } from './helpers.js';

const reuse = (kind: string, orderCompleted: string) => ({ kind, reuse: { orderCompleted, orderKind: 'new' } });

function run(input: Record<string, unknown>, date = DATE) {
  const c = ctx(filing(input), date);
  return regulationCodeRules.flatMap((r) => r.check(c));
}
const failures = (input: Record<string, unknown>, date = DATE) => run(input, date).filter((f) => f.status === 'fail');

describe('date arithmetic', () => {
  it('counts days and calendar years', () => {
    expect(daysBetween('2026-09-27', DATE)).toBe(60);
    expect(yearsBefore('2026-11-26', 3)).toBe('2023-11-26');
    expect(yearsBefore('2028-02-29', 3)).toBe('2025-02-28');
  });
});

describe('60-day window: powers of attorney and the Guangdong commitment letter', () => {
  it.each([
    ['2026-09-28', 59, 'pass'],
    ['2026-09-27', 60, 'pass'],
    ['2026-09-26', 61, 'fail'],
  ])('completed %s (%i days before) → %s', (completed, days, status) => {
    for (const kind of ['power-of-attorney', 'guangdong-authenticity-commitment']) {
      const found = run(enterprise('guangdong', { documents: [reuse(kind, completed)] }));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ rule: 'document/reuse-window', status, path: 'documents[0].reuse' });
      expect(found[0]!.args!.days).toBe(days);
      if (status === 'fail') expect(found[0]!.key).toBe('expired-days');
    }
  });
});

describe('3-year window', () => {
  it('accepts an order completed exactly 3 years before and refuses the day before that', () => {
    expect(failures(enterprise('guangdong', { documents: [reuse('entity-certificate', '2023-11-26')] }))).toEqual([]);
    const [f] = failures(enterprise('guangdong', { documents: [reuse('entity-certificate', '2023-11-25')] }));
    expect(f).toMatchObject({ rule: 'document/reuse-window', key: 'expired' });
  });
  it('applies to 60-day kinds too', () => {
    const [f] = failures(enterprise('guangdong', { documents: [reuse('power-of-attorney', '2020-01-01')] }));
    expect(f!.key).toBe('expired');
  });
  it('refuses an order completed after the check date', () => {
    const [f] = failures(enterprise('guangdong', { documents: [reuse('entity-certificate', '2026-11-27')] }));
    expect(f).toMatchObject({ rule: 'document/reuse-window', key: 'future' });
  });
});

describe('what may be reused', () => {
  it('accepts the reusable kinds', () => {
    const kinds = ['entity-certificate', 'id-front', 'id-back', 'residence-permit', 'scopsr-certificate', 'proof-of-employment', 'pre-approval:news'];
    expect(failures(enterprise('guangdong', { documents: kinds.map((k) => reuse(k, '2026-01-01')) }))).toEqual([]);
  });
  it('refuses the authenticity verification, saying why', () => {
    const [f] = failures(enterprise('guangdong', { documents: [reuse('authenticity-statement', '2026-11-01')] }));
    expect(f).toMatchObject({ rule: 'document/reuse-authenticity-verification', path: 'documents[0].reuse' });
    const meta = regulationCodeRules.find((r) => r.id === f!.rule)!;
    expect(meta.explain.en).toContain('new authenticity verification');
  });
  it('refuses kinds that are not reusable', () => {
    const found = failures(enterprise('guangdong', { documents: [reuse('domain-certificate', '2026-11-01'), reuse('website-construction-plan', '2026-11-01')] }));
    expect(found.map((f) => [f.rule, f.path])).toEqual([
      ['document/reuse-kind', 'documents[0].reuse'],
      ['document/reuse-kind', 'documents[1].reuse'],
    ]);
  });
  it('refuses identity materials of an individual entity but not of an organisation', () => {
    const individual = {
      province: 'guangdong',
      entity: { type: 'individual', name: '李四', principal: { name: '李四' } },
      documents: [reuse('id-front', '2026-11-01'), reuse('residence-permit', '2026-11-01')],
    };
    expect(failures(individual).map((f) => [f.rule, f.path])).toEqual([['document/reuse-individual-identity', 'documents[0].reuse']]);
    expect(failures(enterprise('guangdong', { documents: [reuse('id-front', '2026-11-01')] }))).toEqual([]);
  });
  it('refuses every reuse after a cancellation', () => {
    const found = failures(enterprise('guangdong', { filing: 'refile-after-cancellation', documents: [reuse('entity-certificate', '2026-11-01')] }));
    expect(found.map((f) => f.rule)).toEqual(['document/reuse-after-cancellation']);
  });
  it('reuseProblems lists every reason at once', () => {
    const f = filing({
      province: 'guangdong',
      filing: 'refile-after-cancellation',
      entity: { type: 'individual', name: '李四', principal: { name: '李四' } },
    });
    expect(reuseProblems(f, { kind: 'id-back', reuse: { orderCompleted: '2020-01-01', orderKind: 'change' } }, DATE)).toEqual([
      'after-cancellation',
      'individual-identity',
      'expired',
    ]);
    expect(reuseProblems(f, { kind: 'id-back', file: 'x.jpg' }, DATE)).toEqual([]);
  });
});
