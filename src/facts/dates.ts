// Calendar arithmetic on YYYY-MM-DD dates (China Standard Time days; CONTRACT.md "Dates").

/** China has kept UTC+8 without daylight saving since 1991; before 1992 the time zone database answers. */
const CST_OFFSET_MS = 8 * 3_600_000;
const FIXED_SINCE = Date.UTC(1992, 0, 1);

/** Today in China Standard Time (no Intl time zone to load for any day since 1992). */
export function todayInChina(now = new Date()): string {
  const t = now.getTime();
  if (t >= FIXED_SINCE && t < Date.UTC(9999, 0, 1)) return new Date(t + CST_OFFSET_MS).toISOString().slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Year, month and day of a strict `YYYY-MM-DD` with a month 01–12 (the day is not checked), read
 * without a Date; undefined for anything else, which the callers hand to Date as before.
 */
function partsOf(date: string): [number, number, number] | undefined {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    y = y * 10 + c;
  }
  const m1 = date.charCodeAt(5) - 48;
  const m2 = date.charCodeAt(6) - 48;
  const d1 = date.charCodeAt(8) - 48;
  const d2 = date.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const m = m1 * 10 + m2;
  if (m < 1 || m > 12) return undefined;
  return [y, m, d1 * 10 + d2];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthDays = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (a day past the month's end runs on into the next month, as with Date). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The `YYYY-MM-DD` of a day number (years 0–9999). */
function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Day numbers of 0000-01-01 and 9999-12-31: the years `dateOfDay` writes as Date's toISOString would. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/** Adds calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const p = partsOf(date);
  if (p && Number.isInteger(months)) {
    const total = p[0] * 12 + (p[1] - 1) + months;
    const ny = Math.floor(total / 12);
    // Years before 100 are left to Date, which reads them as 19xx.
    if (ny >= 100 && ny <= 9999) {
      const nm = (total % 12) + 1;
      return `${String(ny).padStart(4, '0')}-${pad2(nm)}-${pad2(Math.min(p[2], monthDays(ny, nm)))}`;
    }
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const p = partsOf(date);
  if (p && p[2] >= 1 && p[2] <= monthDays(p[0], p[1]) && Number.isInteger(days)) {
    const day = dayNumber(p[0], p[1], p[2]) + days;
    if (day >= FIRST_DAY && day <= LAST_DAY) return dateOfDay(day);
  }
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Milliseconds of a calendar date, also beyond year 9999 (`10000-01-01`, as a far-future RDAP expiry gives), which `Date.parse` refuses. */
function utcOf(date: string): number {
  const p = partsOf(date);
  if (p) return dayNumber(p[0], p[1], p[2]) * 86_400_000;
  const m = /^(\d{4,6})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return Date.parse(`${date}T00:00:00Z`);
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return t.getTime();
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcOf(b) - utcOf(a)) / 86_400_000);
}

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
