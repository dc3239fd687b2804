// Today in China without Intl: the same day the time zone database gives, around midnight in
// Beijing and across years, and the database itself for days before 1992 (daylight saving 1986-1991).
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/facts/dates.js';

const byIntl = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

describe('todayInChina', () => {
  it('agrees with the Asia/Shanghai time zone at and around midnight in Beijing', () => {
    for (const iso of ['2026-11-25T15:59:59.999Z', '2026-11-25T16:00:00.000Z', '2024-02-28T16:00:00Z', '2024-12-31T15:59:59Z', '2024-12-31T16:00:00Z', '1992-01-01T00:00:00Z']) {
      const d = new Date(iso);
      expect(todayInChina(d), iso).toBe(byIntl(d));
    }
    expect(todayInChina(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });

  it('agrees every 7 hours and 13 minutes over several years', () => {
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2031, 0, 1); t += 26_000_000) expect(todayInChina(new Date(t))).toBe(byIntl(new Date(t)));
  });

  it('asks the time zone database before 1992, when China kept daylight saving time', () => {
    const summer1988 = new Date('1988-07-01T15:30:00Z'); // 00:30 the next day under UTC+9
    expect(todayInChina(summer1988)).toBe(byIntl(summer1988));
  });
});
