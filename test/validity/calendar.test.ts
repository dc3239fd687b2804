// The calendar arithmetic every dated rule and the submitFrom/readyUntil search lean on: day
// numbers worked out without a Date must agree with Date's proleptic Gregorian calendar on every
// day of years 0000–9999, and odd input must still be answered as Date answers it.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../../src/facts/dates.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const day = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** What Date says: the reference the arithmetic is held to. */
const viaDate = {
  addDays: (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
  daysBetween: (a: string, b: string) => {
    const utc = (s: string) => {
      const t = new Date(0);
      t.setUTCFullYear(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
      return t.getTime();
    };
    return Math.round((utc(b) - utc(a)) / 86_400_000);
  },
};

/** Every day of a year, and the years where the leap rules differ. */
const YEARS = [100, 1582, 1600, 1899, 1900, 1969, 1970, 1999, 2000, 2024, 2026, 2100, 2400, 9999];
const DAYS: string[] = [];
for (const y of YEARS) for (let m = 1; m <= 12; m++) for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d++) DAYS.push(day(y, m, d));

describe('calendar arithmetic', () => {
  it('adds days as Date does, over month, year and century ends', () => {
    for (const date of DAYS) {
      for (const n of [0, 1, -1, 28, 59, 365, 366, 1461, 3653, -3653]) {
        if (date.startsWith('9999') && n > 0) continue;
        expect(addDays(date, n), `${date} + ${n}`).toBe(viaDate.addDays(date, n));
      }
    }
  });

  it('counts days between two dates as Date does, also for days past the end of a month', () => {
    const odd = ['2026-02-30', '2026-04-31', '2024-02-30', '2026-01-00', '1900-02-29', '0000-03-01', '0001-01-01'];
    for (const a of [...DAYS.filter((_, i) => i % 17 === 0), ...odd]) {
      for (const b of ['2026-11-26', '1970-01-01', '0000-01-01', '9999-12-31', ...odd]) {
        expect(daysBetween(a, b), `${a} → ${b}`).toBe(viaDate.daysBetween(a, b));
      }
    }
  });

  it('clamps added months to the end of the month, leap years included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2000-02-29', 12)).toBe('2001-02-28');
    expect(addMonths('2000-02-29', 48)).toBe('2004-02-29');
    expect(addMonths('2099-02-28', 12)).toBe('2100-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-26', -12 * 30)).toBe('1996-11-26');
    expect(addMonths('0999-12-15', 1)).toBe('1000-01-15');
  });

  it('answers odd input as before: beyond year 9999, loose dates and years before 100', () => {
    // A far-future RDAP expiry.
    expect(daysBetween('9999-12-31', '10000-01-01')).toBe(1);
    expect(addDays('9999-12-31', 1)).toBe(viaDate.addDays('9999-12-31', 1));
    // Loose forms read by splitting on `-`.
    expect(addMonths('2026-1-5', 1)).toBe('2026-02-05');
    // Date reads years 0–99 as 1900–1999 when it finds a month's length: 1900 is no leap year.
    expect(addMonths('0000-01-31', 1)).toBe('0000-02-28');
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
    expect(Number.isNaN(daysBetween('not a date', '2026-11-26'))).toBe(true);
  });
});
