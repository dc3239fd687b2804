// Who is who in a filing.
import type { Person } from './schema.js';
import { memoise } from '../memo.js';

/** A name as compared: once per distinct name, as the same people are compared on every day a filing is evaluated. */
const normaliseName = memoise((s) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase());
const normaliseIdNumber = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** The same name, ignoring width, spaces and case (张 三 = 张三). */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** Same name and, where both give an identity number, the same number. */
export function samePerson(a: Person | undefined, b: Person | undefined): boolean {
  if (!a || !b || !sameName(a.name, b.name)) return false;
  const na = a.id?.number;
  const nb = b.id?.number;
  return na === undefined || nb === undefined || normaliseIdNumber(na) === normaliseIdNumber(nb);
}
