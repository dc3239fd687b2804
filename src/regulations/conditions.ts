// Three-valued evaluation of rule conditions (schema.ts) over a filing: true, false, or null when
// the manifest does not say (an undeclared mobile province, a passport's age), so a rule can tell
// the filer what to confirm instead of guessing. Each condition is defined once in predicates/.
import type { Condition } from './schema.js';
import { predicateByName } from './predicates/index.js';
import { and, not, or, type Scope, type Tri } from './scope.js';

export { and, compareHolds, isLegalRepresentative, not, or, scopeDomains, scopeWebsites, subjectPerson, type Scope, type ScopeKind, type Tri } from './scope.js';
export { ageOf } from './predicates/person.js';
export { namePattern } from './predicates/website.js';
export { threeInOne } from './predicates/filing.js';

const entries = new WeakMap<Condition, Array<[string, unknown]>>();

/** A condition's keys and values, listed once: the rule data does not change while it runs. */
function entriesOf(condition: Condition): Array<[string, unknown]> {
  let list = entries.get(condition);
  if (!list) entries.set(condition, (list = Object.entries(condition)));
  return list;
}

/** A condition object holds when all its keys hold; `all`, `any` and `not` combine. */
export function evaluateCondition(condition: Condition | undefined, scope: Scope): Tri {
  if (condition === undefined) return true;
  let unknown = false;
  for (const [key, value] of entriesOf(condition)) {
    if (value === undefined) continue;
    let r: Tri;
    if (key === 'all') r = and((value as Condition[]).map((c) => evaluateCondition(c, scope)));
    else if (key === 'any') r = or((value as Condition[]).map((c) => evaluateCondition(c, scope)));
    else if (key === 'not') r = not(evaluateCondition(value as Condition, scope));
    else {
      const p = predicateByName.get(key);
      if (!p) throw new Error(`unknown condition key ${key}`);
      r = p.evaluate(value, scope);
    }
    // A false key settles the conjunction; later keys need not be read (nor leave notes).
    if (r === false) return false;
    if (r === null) unknown = true;
  }
  // The conjunction of the keys read, none false.
  return unknown ? null : true;
}

/** The counting condition a rule compares first, whose value is its `{count}`. */
export function firstCompareKey(condition: Condition | undefined): string | undefined {
  if (!condition) return undefined;
  for (const [key, value] of Object.entries(condition)) {
    if (predicateByName.get(key)?.counts) return key;
    if (key === 'all' || key === 'any') {
      for (const c of value as Condition[]) {
        const found = firstCompareKey(c);
        if (found) return found;
      }
    }
    if (key === 'not') {
      const found = firstCompareKey(value as Condition);
      if (found) return found;
    }
  }
  return undefined;
}
