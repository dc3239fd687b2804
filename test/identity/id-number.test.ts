import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idCheckDigit } from '../../src/facts/identity.js';

const valid = (first17: string) => first17 + idCheckDigit(first17);

describe('mainland ID numbers (GB 11643)', () => {
  // Real-format numbers: region, birth date, sequence, and a computed check character.
  const good: Array<[string, string, string | undefined]> = [
    ['11010519491231002X', '1949-12-31', 'beijing'], // the GB 11643 standard's own example
    [valid('44052419800101001'), '1980-01-01', 'guangdong'],
    [valid('44030519900101123'), '1990-01-01', 'guangdong'],
    [valid('12010219850505123'), '1985-05-05', 'tianjin'],
    [valid('31011519800229001'), '1980-02-29', 'shanghai'],
    [valid('65010220001231456'), '2000-12-31', 'xinjiang'],
    [valid('54010219951111001'), '1995-11-11', 'tibet'],
    [valid('15010219700101001'), '1970-01-01', 'inner-mongolia'],
    [valid('81000019900101001'), '1990-01-01', undefined], // Hong Kong residence permit
    [valid('83000019880808002'), '1988-08-08', undefined], // Taiwan residence permit
    [valid('50010320080808001'), '2008-08-08', 'chongqing'],
    [valid('46000019991231001'), '1999-12-31', 'hainan'],
  ];
  it.each(good)('accepts %s', (n, birth, province) => {
    const r = checkIdNumber(n, '2026-11-26');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.facts.birthDate).toBe(birth);
      expect(r.facts.province).toBe(province);
    }
  });

  it('accepts a lower-case x check character', () => {
    expect(checkIdNumber('11010519491231002x').ok).toBe(true);
  });

  const bad: Array<[string, string]> = [
    ['110105194912310021', 'check-digit'], // the standard's example with its X replaced
    [valid('44052419800101001').slice(0, 17) + (valid('44052419800101001').endsWith('5') ? '6' : '5'), 'check-digit'],
    ['130503670401001', 'legacy-15'], // a first-generation number
    ['44030519900101123', 'length'],
    ['44030519900101123XX', 'length'],
    ['4403051990010112A4', 'characters'],
    [valid('99010519900101123'), 'region'],
    [valid('00010519900101123'), 'region'],
    [valid('44030519900230123'), 'birth-date'], // 30 February
    [valid('44030519901301123'), 'birth-date'], // month 13
    [valid('44030518000101123'), 'birth-date'], // before 1900
    [valid('44030520300101123'), 'birth-date'], // after the check date
    [valid('44030519810229123'), 'birth-date'], // 1981 was not a leap year
  ];
  it.each(bad)('rejects %s (%s)', (n, problem) => {
    const r = checkIdNumber(n, '2026-11-26');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe(problem);
  });

  it('names the expected check character', () => {
    const r = checkIdNumber('110105194912310021');
    expect(r).toEqual({ ok: false, problem: 'check-digit', expected: 'X' });
  });

  it('counts age in whole years, 18 on the 18th birthday', () => {
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17);
    expect(ageOn('2008-11-26', '2026-11-26')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
