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

/** Adds calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Milliseconds of a calendar date, also beyond year 9999 (`10000-01-01`, as a far-future RDAP expiry gives), which `Date.parse` refuses. */
function utcOf(date: string): number {
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
