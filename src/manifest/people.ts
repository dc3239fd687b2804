// Who is who in a filing.
import type { Person } from './schema.js';

const normaliseName = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Same name and, where both give an identity number, the same number. */
export function samePerson(a: Person | undefined, b: Person | undefined): boolean {
  if (!a || !b) return false;
  if (normaliseName(a.name) !== normaliseName(b.name)) return false;
  const na = a.id?.number?.toUpperCase();
  const nb = b.id?.number?.toUpperCase();
  return na === undefined || nb === undefined || na === nb;
}
