// The one list of conditions a rule may use. A new condition is a `definePredicate` in the file of
// what it speaks of (filing.ts, website.ts, person.ts), added here; the schema, the JSON Schema
// for editors and the evaluation all read this list.
import type { Predicate } from './define.js';
import { filingPredicates } from './filing.js';
import { personPredicates } from './person.js';
import { websitePredicates } from './website.js';

export const PREDICATES: readonly Predicate[] = [...filingPredicates, ...websitePredicates, ...personPredicates];

export const predicateByName: ReadonlyMap<string, Predicate> = new Map(PREDICATES.map((p) => [p.name, p]));

export { definePredicate, kit, type Compare, type Kit, type Predicate, type PredicateSubject } from './define.js';
