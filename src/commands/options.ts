// Option parsing shared by commands: language, date, numbers.
import { InvalidArgumentError } from 'commander';
import type { Lang } from '../model.js';
import { isValidDate } from '../facts/dates.js';

/** `--lang`, else `LC_ALL`/`LC_MESSAGES`/`LANG` (zh_* → zh), else English. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh([_.-]|$)/i.test(locale) ? 'zh' : 'en';
}

export function parseLang(value: string): Lang {
  const v = value.toLowerCase();
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_') || v === 'cn') return 'zh';
  throw new InvalidArgumentError('expected en or zh.');
}

export function parseDate(value: string): string {
  if (!isValidDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return value;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number of at least 0.');
  return n;
}
/** Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer delay silently becomes 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** `10`, `10s`, `500ms`: milliseconds. A bare number is seconds. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 10s or 500ms.');
  const n = Number(m[1]);
  const ms = m[2] === 'ms' ? n : n * 1000;
  if (ms <= 0) throw new InvalidArgumentError('expected a positive duration.');
  if (ms > MAX_TIMER_MS) throw new InvalidArgumentError(`expected at most ${MAX_TIMER_MS}ms (about 24.8 days).`);
  return ms;
}
