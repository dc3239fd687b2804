// An identity number checked on a day, with the check of the number itself done once: the day
// only bounds the birth date, and rules and conditions ask about the same numbers on every day
// the validity search evaluates a filing at.
import { checkIdNumber, type IdNumberResult } from '../facts/identity.js';
import { memoise } from '../memo.js';

/** What a number says without a day, once per number. */
const undated = memoise((number) => checkIdNumber(number));

/** What `checkIdNumber(number, today)` answers. */
export function checkIdNumberOn(number: string, today: string): IdNumberResult {
  const r = undated(number);
  if (r.ok) return r.facts.birthDate > today ? { ok: false, problem: 'birth-date' } : r;
  // A wrong check character: a birth date after the day is reported first.
  return r.problem === 'check-digit' ? checkIdNumber(number, today) : r;
}
